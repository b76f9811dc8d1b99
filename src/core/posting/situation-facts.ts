import type { FactId, FactValue } from './types.js';

/** A fact read from what the teacher typed, with the words that gave it away (shown on the card). */
export interface InferredFact {
  fact: FactId;
  value: FactValue;
  /** The clause it came from, so the teacher sees why. */
  excerpt: string;
}

/**
 * Clauses: negation in Dutch rarely crosses a sentence, a comma or "en"/"maar", and often comes
 * after the word it negates ("Mijn school noem ik niet"), so a whole clause is negated or not.
 */
function clauses(text: string): string[] {
  return text
    .split(/[.!?;:\n]+|,\s*|\s+(?:en|maar|want|terwijl)\s+/iu)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

const NEGATION = /\b(niet|geen|nooit|niets|niks|zonder|noch|nergens)(?![\p{L}\d])/iu;
/** "ik weet niet of …": the fact after it is unknown, not false. */
const NOT_SURE = /\b(weet\s+(?:ik\s+)?niet\s+(?:zeker\s+)?of|niet\s+zeker\s+of|geen\s+idee\s+of)(?![\p{L}\d])/iu;

const PEOPLE = /\b(leerling(?:en)?|kinderen|kleuters?|klas|mentorklas|klasgenoten|groep\s?[1-8]|collega'?s?|ouders?|vader|moeder|leerkrachten)(?![\p{L}\d])/iu;
const PUPIL_OR_PARENT = /\b(leerling(?:en)?|ouders?|vader|moeder|verzorgers?|kind\s+uit\s+mijn\s+klas)(?![\p{L}\d])/iu;
const MEDIA = /\b(foto'?s?|groepsfoto|klassenfoto|video'?s?|filmpjes?|beeld(?:en)?|selfie|opname)(?![\p{L}\d])/iu;

interface Cue {
  fact: FactId;
  /** The clause pattern that says the fact holds; in a negated clause it says the fact does not. */
  pattern: RegExp;
  /** Only in a text that also matches this (anywhere), e.g. a parent for "reageren". */
  context?: RegExp;
  /** Whether a negated clause may set the fact to false (some cues only ever say "yes"). */
  negatable?: boolean;
  /** Whether "ik weet niet of …" in the clause makes the fact unknown. */
  unsureable?: boolean;
  /** A cue that always says "no" ("heeft niets met school te maken", "mijn eigen account"). */
  saysNo?: true;
}

/** Reviewed cue list; the order within a fact does not matter, a "yes" in any clause wins. */
const CUES: readonly Cue[] = [
  { fact: 'about_school', pattern: /\b(school\w*|leerling(?:en)?|kleuters?|klas|mentorklas|groep\s?[1-8]|collega'?s?|onderwijs\w*|les|lessen|lesmethode|leerkracht\w*|leraar|leraren|docent\w*|ouderavond|rapport\w*|gymzaal|sinterklaasfeest|kerstmusical|teamuitje|mijn\s+werk|werkdruk)(?![\p{L}\d])/iu, negatable: false },
  { fact: 'about_school', pattern: /\b(?:niet|niets|niks)\s+(?:over|met)\s+(?:school|mijn\s+werk|onderwijs)|\b(?:niets|niks)\s+te\s+maken\b/iu, saysNo: true },
  { fact: 'recognisable_people', pattern: /\b(herkenba\w+|groepsfoto|klassenfoto)(?![\p{L}\d])/iu, negatable: true },
  { fact: 'recognisable_people', pattern: new RegExp(`${MEDIA.source}\\s+(?:\\S+\\s+){0,3}?(?:van|met)\\s+(?:\\S+\\s+){0,3}?${PEOPLE.source}|${PEOPLE.source}\\s+(?:\\S+\\s+){0,3}?(?:op|in)\\s+(?:de|het|een)\\s+${MEDIA.source}`, 'iu'), negatable: true },
  { fact: 'written_consent', pattern: /\b(toestemming\w*|akkoord\s+gegeven)(?![\p{L}\d])/iu, context: PEOPLE, negatable: true, unsureable: true },
  { fact: 'written_consent', pattern: /\bouders?\b.*\b(gevraagd|niets\s+gevraagd)\b|\b(gevraagd)\b.*\bouders?\b/iu, negatable: true, unsureable: true },
  { fact: 'others_work', pattern: /\b(lesmethode|hoofdstuk|scan\w*|cartoon\w*|tekenaar|uitgever\w*|andermans|iemand\s+anders|op\s+internet\s+(?:vond|gevonden)|gedownload|downloaden|liedje\s+van|muziek\s+van|fotograaf)(?![\p{L}\d])/iu, negatable: false },
  { fact: 'creator_consent', pattern: /\b(maker|tekenaar|uitgever|auteur|fotograaf|kunstenaar)\b.*\b(toestemming|gevraagd|weet\s+van)\b|\b(toestemming|gevraagd)\b.*\b(maker|tekenaar|uitgever|auteur|fotograaf)(?![\p{L}\d])/iu, negatable: true, unsureable: true },
  { fact: 'confidential', pattern: /\b(vertrouwelijk\w*|interne?|geheim\w*)(?![\p{L}\d])/iu, negatable: false },
  { fact: 'on_behalf_of_school', pattern: /\b(schoolaccount|account\s+van\s+(?:de\s+|onze\s+)?school|[\p{L}]+-account|namens\s+(?:de\s+|onze\s+)?school|officiële\s+pagina)(?![\p{L}\d])/iu, negatable: false },
  { fact: 'on_behalf_of_school', pattern: /\b(mijn\s+eigen|privé|persoonlijke?|priv[eé]account)(?![\p{L}\d])/iu, saysNo: true },
  { fact: 'role_stated', pattern: /\b(vermeld\w*|zeg|zet\w*|staat|schrijf|geef\s+aan|erbij)\b.*\b(privé|persoonlijke\s+titel|eigen\s+standpunt|eigen\s+mening|mezelf|namens)(?![\p{L}\d])/iu, negatable: true },
  { fact: 'reply_to_pupil_or_parent', pattern: /\b(reageer\w*|reageren|antwoord\w*|terechtwijz\w*|terugschrijven|in\s+discussie)(?![\p{L}\d])/iu, context: PUPIL_OR_PARENT, negatable: true },
  { fact: 'could_harm', pattern: /\b(belachelijk|beledig\w*|bespot\w*|uitlach\w*|afkraken|afkraak|zwart\s+maken|roddel\w*|schelden|scheldwoord\w*)(?![\p{L}\d])/iu, negatable: true },
  { fact: 'is_leader', pattern: /\b(ik\s+ben|als)\s+(?:de\s+|een\s+|geen\s+)?(directeur|bestuurder|schoolleider|leidinggevende|teamleider|locatieleider|adjunct\w*|clusterdirecteur)(?![\p{L}\d])/iu, negatable: true },
  { fact: 'personal_opinion', pattern: /\b(ik\s+vind|terecht|onterecht|mening|standpunt|eigen\s+ervaring|onderbouwing|blog\w*|column)(?![\p{L}\d])/iu, negatable: false },
  { fact: 'contact_pupil', pattern: /\b(volgverzoek|vriendschapsverzoek|vriendverzoek|terugvolgen|volgen|privébericht|dm|appen|vrienden\s+worden)(?![\p{L}\d])/iu, context: PUPIL_OR_PARENT, negatable: true },
  { fact: 'unsure', pattern: /\b(twijfel\w*|weet\s+niet\s+zeker\s+of\s+ik)(?![\p{L}\d])/iu, negatable: false },
];

/**
 * Reads facts from a described situation or a pasted message, with negation and "weet niet of"
 * handled per clause. A "yes" anywhere wins over a "no" elsewhere (a school named in one sentence
 * and "mijn school noem ik niet" in the next is still about school).
 */
export function inferSituationFacts(text: string, hasMedia = false): InferredFact[] {
  const found = new Map<FactId, InferredFact>();
  const rank = (v: FactValue) => (v === true ? 3 : v === null ? 2 : 1);
  const put = (fact: FactId, value: FactValue, excerpt: string) => {
    const prev = found.get(fact);
    if (!prev || rank(value) > rank(prev.value)) found.set(fact, { fact, value, excerpt });
  };
  const parts = clauses(text.slice(0, 5_000));
  for (const cue of CUES) {
    if (cue.context && !cue.context.test(text)) continue;
    for (const clause of parts) {
      if (!cue.pattern.test(clause)) continue;
      if (cue.saysNo) put(cue.fact, false, clause);
      else if (cue.unsureable && NOT_SURE.test(clause)) put(cue.fact, null, clause);
      else if (!NEGATION.test(clause)) put(cue.fact, true, clause);
      else if (cue.negatable) put(cue.fact, false, clause);
    }
  }
  if (hasMedia && PEOPLE.test(text) && !found.has('recognisable_people')) {
    put('recognisable_people', true, 'Er zit een foto of video bij');
  }
  // On the school's own account it is plain that you write on behalf of the school.
  if (found.get('on_behalf_of_school')?.value === true && !found.has('role_stated')) {
    put('role_stated', true, found.get('on_behalf_of_school')!.excerpt);
  }
  return [...found.values()];
}
