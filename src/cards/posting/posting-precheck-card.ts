import type { PrecheckFinding, ProposedFact } from '../../core/posting/precheck.js';
import type { FactId, FactValue } from '../../core/posting/types.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { ACCEPT_INPUT_PREFIX, POSTING_VERBS } from './posting-actions.js';

/** Short Dutch statements of a fact being true or false, for confirming proposed answers. */
const STATEMENT: Record<FactId, [yes: string, no: string]> = {
  about_school: ['Het bericht gaat over school of je werk', 'Het bericht gaat niet over school'],
  recognisable_people: ['Er zijn leerlingen, ouders of collega\'s herkenbaar', 'Er is niemand van school herkenbaar'],
  written_consent: ['Iedereen heeft schriftelijk toestemming gegeven', 'Niet iedereen heeft schriftelijk toestemming gegeven'],
  confidential: ['Er staat vertrouwelijke of interne informatie in', 'Er staat niets vertrouwelijks in'],
  others_work: ['Er zit werk van iemand anders in', 'Alles is van jezelf'],
  creator_consent: ['De maker geeft toestemming', 'De maker geeft geen toestemming'],
  on_behalf_of_school: ['Je post namens de school', 'Je post privé'],
  role_stated: ['Je maakt duidelijk of het privé is of namens de school', 'Je maakt niet duidelijk of het privé is of namens de school'],
  reply_to_pupil_or_parent: ['Het is een reactie aan een leerling of ouder', 'Het is geen reactie aan een leerling of ouder'],
  could_harm: ['Het kan iemand of de school schaden', 'Het kan niemand schaden'],
  is_leader: ['Je bent leidinggevende', 'Je bent geen leidinggevende'],
  personal_opinion: ['Je geeft je eigen mening', 'Je geeft geen eigen mening'],
  contact_pupil: ['Het is een privébericht of vriendverzoek aan een leerling of ouder', 'Het is geen privécontact met een leerling of ouder'],
  unsure: ['Je twijfelt nog', 'Je twijfelt niet'],
};

/** "Weet ik niet" statements; other facts say it plainly around their "yes" statement. */
const UNKNOWN: Partial<Record<FactId, string>> = {
  written_consent: 'Je weet niet of iedereen schriftelijk toestemming heeft gegeven',
  creator_consent: 'Je weet niet of de maker toestemming geeft',
};

/** Plain Dutch statement of a proposed answer. */
export function describeFact(fact: FactId, value: FactValue): string {
  if (value === null) return UNKNOWN[fact] ?? `Je weet niet zeker of dit zo is: ${STATEMENT[fact][0].toLowerCase()}`;
  return STATEMENT[fact][value ? 0 : 1];
}

/** What the pre-check noticed, and the answers it proposes; the user unticks what is wrong. */
export function postingPrecheckCard(findings: readonly PrecheckFinding[], proposals: readonly ProposedFact[]): AdaptiveCard {
  const body: CardElement[] = [textBlock('Dit viel me op', { size: 'Large', weight: 'Bolder' })];
  if (findings.length === 0 && proposals.length === 0) body.push(textBlock('Ik zag niets bijzonders in je bericht.'));
  for (const f of findings) {
    body.push(textBlock(`• ${f.message} (${f.excerpt})`, { spacing: 'Small' }));
  }
  const toggle = (p: ProposedFact): CardElement => ({
    type: 'Input.Toggle',
    id: `${ACCEPT_INPUT_PREFIX}${p.fact}`,
    title: describeFact(p.fact, p.value),
    value: 'true',
    valueOn: 'true',
    valueOff: 'false',
  });
  const read = proposals.filter((p) => !p.assumed);
  const assumed = proposals.filter((p) => p.assumed);
  if (proposals.length > 0) {
    body.push(textBlock('Klopt dit? Zet uit wat niet klopt, dan vraag ik het je straks.', { weight: 'Bolder', spacing: 'Medium' }));
  }
  if (read.length > 0) body.push(textBlock('Dit haal ik uit je tekst:', { spacing: 'Small', isSubtle: true }), ...read.map(toggle));
  if (assumed.length > 0) {
    // Never silently assumed: what the text did not mention is shown as an assumption to correct.
    body.push(textBlock('Dit noem je niet, dus ik ga ervan uit:', { spacing: 'Small', isSubtle: true }), ...assumed.map(toggle));
  }
  return card(body, [
    submit(proposals.length > 0 ? 'Klopt, ga verder' : 'Ga verder', POSTING_VERBS.confirm, {}, { style: 'positive' }),
    submit('Terug', POSTING_VERBS.back, {}, { associatedInputs: 'none' }),
    submit('Stoppen', POSTING_VERBS.stop, {}, { associatedInputs: 'none' }),
  ]);
}

