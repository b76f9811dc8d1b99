import { inferSituationFacts } from './situation-facts.js';
import type { FactId, FactValue } from './types.js';

export type FindingKind =
  | 'phone'
  | 'email'
  | 'address'
  | 'postcode'
  | 'people'
  | 'school-name'
  | 'confidential'
  | 'swearing'
  | 'role'
  | 'opinion';

export interface PrecheckFinding {
  kind: FindingKind;
  /** Plain Dutch, for the user. */
  message: string;
  /** What in the draft triggered it. */
  excerpt: string;
}

/** A proposed answer with the reason, shown to the user for confirmation. */
export interface ProposedFact {
  fact: FactId;
  /** `null`: the text says the teacher does not know ("ik weet niet of de ouders …"). */
  value: FactValue;
  reason: string;
  /** True when the text does not mention it and the check assumes the usual case (shown, never silent). */
  assumed?: boolean;
}

export interface PrecheckResult {
  findings: PrecheckFinding[];
  proposedFacts: ProposedFact[];
}

export interface PrecheckContext {
  /** Names of the school and board (e.g. the knowledge's organisation name), matched as whole phrases. */
  organisationNames: readonly string[];
  /** Schuttingtaal and insults; an entry ending in `*` also matches words that start with it. */
  swearWords: readonly string[];
}

const PHONE = /(?:\+31|0031|\b0)[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}(?!\d)/g;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;
const POSTCODE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g;
const ADDRESS =
  /\b[\p{L}'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad|dreef|park|markt|erf|veld|baan|ring|dijk|wal|zijl)\s+\d{1,4}\s?[a-zA-Z]?\b/giu;
const PUPILS = /\b(leerlingen|leerling|kinderen|kind|kids|kleuters?|klas|klassen|klasgenoten|mentorklas|groep\s?[1-8]|brugklas\w*)\b/giu;
const PARENTS = /\b(ouders?|vader|moeder|verzorgers?)\b/giu;
const COLLEAGUES = /\b(collega'?s?|juf|meester|docent(?:en)?|leerkracht(?:en)?|leraar|leraren|directeur|directie|teamleider)\b/giu;
const SCHOOL = /\b(school|schoolreis\w*|schoolplein|les|lessen|onderwijs|rapport\w*|ouderavond\w*)\b/giu;
const CONFIDENTIAL = /\b(vertrouwelijk\w*|intern|interne|geheim\w*|niet\s+doorsturen|niet\s+verspreiden)\b/giu;
const ROLE = /\b(op\s+persoonlijke\s+titel|namens\s+(?:de\s+school|ons\s+team|\p{Lu}\w*)|persoonlijke\s+mening|eigen\s+mening|privé[-\s]?account)\b/giu;
const OPINION = /\b(ik\s+vind|mijn\s+mening|volgens\s+mij|ik\s+ben\s+het\s+(?:niet\s+)?eens)\b/giu;

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[0].trim());
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function swearMatches(text: string, words: readonly string[]): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const found: string[] = [];
  for (const entry of words) {
    const word = entry.trim().toLowerCase();
    if (!word) continue;
    const isPrefix = word.endsWith('*');
    const stem = isPrefix ? word.slice(0, -1) : word;
    if (stem.includes(' ')) {
      if (new RegExp(`\\b${escape(stem)}\\b`, 'iu').test(text)) found.push(stem);
      continue;
    }
    const hit = tokens.find((t) => (isPrefix ? t.startsWith(stem) : t === stem));
    if (hit && !found.includes(hit)) found.push(hit);
  }
  return found;
}

function shorten(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77).replace(/\s+\S*$/, '')} …`;
}

function list(items: string[]): string {
  return [...new Set(items)].slice(0, 3).map((i) => `"${i}"`).join(', ');
}

/**
 * Looks at a draft before the questions start: personal data, people, the school's name,
 * confidential wording and schuttingtaal. What it can infer it proposes as answers; the user confirms.
 */
export function precheckDraft(text: string, hasMedia: boolean, context: PrecheckContext): PrecheckResult {
  const draft = text.slice(0, 10_000);
  const findings: PrecheckFinding[] = [];
  const proposals = new Map<FactId, ProposedFact>();
  const propose = (fact: FactId, value: FactValue, reason: string) => {
    if (!proposals.has(fact)) proposals.set(fact, { fact, value, reason });
  };
  const add = (kind: FindingKind, found: string[], message: string) => {
    if (found.length > 0) findings.push({ kind, message, excerpt: list(found) });
  };

  const phones = matches(draft, PHONE);
  const emails = matches(draft, EMAIL);
  const addresses = matches(draft, ADDRESS);
  const postcodes = matches(draft, POSTCODE);
  add('phone', phones, 'Er staat een telefoonnummer in. Haal het weg als het niet van jou is.');
  add('email', emails, 'Er staat een e-mailadres in. Haal het weg als het niet van jou is.');
  add('address', addresses, 'Er staat een adres met huisnummer in. Dat is persoonlijke informatie.');
  add('postcode', postcodes, 'Er staat een postcode in. Dat is persoonlijke informatie.');
  const personalData = phones.length + emails.length + addresses.length + postcodes.length > 0;

  const pupils = matches(draft, PUPILS);
  const parents = matches(draft, PARENTS);
  const colleagues = matches(draft, COLLEAGUES);
  const people = [...pupils, ...parents, ...colleagues];
  add('people', people, 'Je bericht gaat over leerlingen, ouders of collega\'s.');

  const names = context.organisationNames
    .map((n) => n.trim())
    .filter((n) => n.length >= 3)
    .filter((n) => new RegExp(`(?<![\\p{L}])${escape(n)}(?![\\p{L}])`, 'iu').test(draft));
  add('school-name', names, 'Je noemt de naam van je school of bestuur.');
  const schoolWords = matches(draft, SCHOOL);

  const confidential = matches(draft, CONFIDENTIAL);
  add('confidential', confidential, 'Je noemt iets vertrouwelijks of interns.');
  const swearing = swearMatches(draft, context.swearWords);
  add('swearing', swearing, 'Er staan scheldwoorden of schuttingtaal in.');
  // "Ik heb niet vermeld of ik namens de school schrijf" names no role: negation decides.
  const roleNegated = inferSituationFacts(draft, hasMedia).some((f) => f.fact === 'role_stated' && f.value === false);
  const role = roleNegated ? [] : matches(draft, ROLE);
  add('role', role, 'Je schrijft erbij of je op persoonlijke titel of namens de school schrijft.');
  const opinion = matches(draft, OPINION);
  add('opinion', opinion, 'Je geeft je eigen mening.');

  // The strongest signals first: what the text itself says, with negation handled per clause.
  if (confidential.length > 0) propose('confidential', true, 'Je noemt iets vertrouwelijks of interns.');
  if (swearing.length > 0) propose('could_harm', true, 'Scheldwoorden en schuttingtaal kunnen anderen of de school schaden.');
  for (const inferred of inferSituationFacts(draft, hasMedia)) {
    propose(inferred.fact, inferred.value, `Uit je tekst: "${shorten(inferred.excerpt)}".`);
  }
  // "Ik ben bestuurder bij KempenKind": naming your employer does not make the post about school.
  const namedAsSubject = names.filter((n) => new RegExp(`(?<!\\bbij\\s)${escape(n)}`, 'iu').test(draft));
  if (!proposals.has('about_school') && (namedAsSubject.length > 0 || schoolWords.length > 0)) {
    propose('about_school', true, 'Je bericht gaat over school, leerlingen, ouders of collega\'s.');
  }
  if (!proposals.has('recognisable_people') && personalData && people.length > 0) {
    propose('recognisable_people', true, 'Er staan persoonlijke gegevens in van iemand van school.');
  }
  if (role.length > 0) propose('role_stated', true, 'Je schrijft erbij of het je eigen mening is of namens de school.');
  if (opinion.length > 0) propose('personal_opinion', true, 'Je geeft je eigen mening.');

  return { findings, proposedFacts: [...proposals.values()] };
}
