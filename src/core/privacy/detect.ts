import { EMAIL_PATTERN, isPhoneNumber, PHONE_CANDIDATE_PATTERN } from './redact.js';

/** Kinds of personal data a doubt is checked for before it is sent. */
export type FindingKind = 'name' | 'email' | 'phone' | 'address' | 'bsn';

/** One likely piece of personal data in a text, with what it would be replaced by. */
export interface Finding {
  kind: FindingKind;
  value: string;
  start: number;
  end: number;
  /** The placeholder for "vervang": "[leerling]" for "leerling Jayden", "[naam]", "[e-mailadres]", … */
  placeholder: string;
  /** What stays for "verwijder": the role word of "leerling Jayden", else nothing. */
  remainder: string;
}

export interface DetectOptions {
  /** Reviewed Dutch first names (dialogs/shared/voornamen.yaml); a capitalised one counts as a name. */
  firstNames?: Iterable<string>;
}

/** Dutch words for what it is, shown on the compose card. */
export const FINDING_LABELS: Record<FindingKind, string> = {
  name: 'naam',
  email: 'e-mailadres',
  phone: 'telefoonnummer',
  address: 'adres',
  bsn: 'BSN-nummer',
};

// A role word, then (optionally "van") a capitalised name: "leerling Jayden", "de moeder van Sanne".
const ROLES: Record<string, string> = {
  leerling: 'leerling', leerlinge: 'leerling', leerlingen: 'leerling', kind: 'leerling', pupil: 'leerling',
  ouder: 'ouder', ouders: 'ouder', moeder: 'ouder', vader: 'ouder', mama: 'ouder', papa: 'ouder', verzorger: 'ouder',
  collega: 'collega', juf: 'collega', meester: 'collega', docent: 'collega', leraar: 'collega', lerares: 'collega',
  directeur: 'collega', directrice: 'collega', stagiair: 'collega', stagiaire: 'collega',
  broer: 'leerling', zus: 'leerling', zoon: 'leerling', dochter: 'leerling',
  meneer: 'naam', mevrouw: 'naam', dhr: 'naam', mevr: 'naam', mw: 'naam',
};
const CAP_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?`;
const PARTICLE = String.raw`(?:van der|van den|van de|van 't|in 't|van|de|den|der|ter|ten|te|op de|'t)`;
const FULL_NAME = String.raw`${CAP_WORD}(?:\s+(?:${PARTICLE}\s+)?${CAP_WORD})?`;
const ROLE_NAME = new RegExp(
  String.raw`(?<![\p{L}])(${Object.keys(ROLES).map((r) => `[${r[0]!.toUpperCase()}${r[0]}]${r.slice(1)}`).join('|')})\.?\s+(?:van\s+)?(${FULL_NAME}|${PARTICLE}\s+${CAP_WORD})`,
  'gu',
);
// "Jayden de Boer": a capitalised word, a lowercase particle and a capitalised word.
const PARTICLE_NAME = new RegExp(String.raw`(?<![\p{L}])${CAP_WORD}\s+${PARTICLE}\s+${CAP_WORD}`, 'gu');
const CAP_PAIR = new RegExp(String.raw`(?<![\p{L}])(${CAP_WORD})(\s+${CAP_WORD})?`, 'gu');
const STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:${CAP_WORD}\s+)?\p{Lu}\p{Ll}*(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|dijk|markt|hof|park|pad)\s+\d{1,4}\s?[a-zA-Z]?(?![\p{L}\p{N}])`,
  'gu',
);
const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;
// Nine digits, maybe grouped (123456782, 1234.56.782, 123 456 782); kept only when it passes the elfproef.
const BSN_CANDIDATE = /(?<![\p{L}\p{N}.,-])\d{3,4}[ .]?\d{2,3}[ .]?\d{3}(?![\p{L}\p{N}]|[.,-]\d)/gu;

/**
 * Finds what is likely personal data in a doubt: names (after words such as leerling, ouder,
 * collega; a first name from the reviewed list; "Voornaam de Achternaam"), e-mail addresses,
 * phone numbers, street addresses and postcodes, and BSN-like numbers. It errs a little towards
 * asking: the asker decides, and sending as it is stays possible.
 */
export function findPersonalData(text: string, options: DetectOptions = {}): Finding[] {
  const firstNames = new Set([...(options.firstNames ?? [])].map((n) => n.toLowerCase()));
  const found: Finding[] = [];
  const add = (kind: FindingKind, start: number, value: string, placeholder: string, remainder = '') => {
    const end = start + value.length;
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ kind, value, start, end, placeholder, remainder });
  };
  for (const m of text.matchAll(EMAIL_PATTERN)) add('email', m.index, m[0], '[e-mailadres]');
  for (const m of text.matchAll(PHONE_CANDIDATE_PATTERN)) {
    let value = m[0].trimEnd();
    let start = m.index;
    // "(06-12345678" inside brackets: the opening bracket is the sentence's, not the number's.
    if (value.startsWith('(') && !value.includes(')')) [value, start] = [value.slice(1), start + 1];
    if (isPhoneNumber(value)) add('phone', start, value, '[telefoonnummer]');
  }
  for (const m of text.matchAll(BSN_CANDIDATE)) if (passesElfproef(m[0])) add('bsn', m.index, m[0], '[BSN]');
  for (const m of text.matchAll(STREET)) add('address', m.index, m[0], '[adres]');
  for (const m of text.matchAll(POSTCODE)) add('address', m.index, m[0], '[postcode]');
  for (const m of text.matchAll(ROLE_NAME)) {
    const name = m[2]!;
    if (isCommonCapitalised(name.split(/\s+/)[0]!)) continue;
    const role = ROLES[m[1]!.toLowerCase()] ?? 'naam';
    if (/\svan\s/.test(m[0].slice(m[1]!.length))) {
      // "de moeder van Daan": the name is someone else's, most often the pupil's.
      add('name', m.index + m[0].length - name.length, name, role === 'ouder' ? '[leerling]' : '[naam]');
    } else {
      // "leerling Jayden de Boer" becomes "[leerling]"; removing the name keeps "leerling".
      add('name', m.index, m[0], `[${role}]`, role === 'naam' ? '' : m[1]!);
    }
  }
  for (const m of text.matchAll(PARTICLE_NAME)) {
    const words = m[0].split(/\s+/);
    if (isCommonCapitalised(words[0]!) || isCommonCapitalised(words.at(-1)!)) continue;
    // At the start of a sentence any word is capitalised: "Foto van Sanne" is not a name pair.
    if (atSentenceStart(text, m.index) && !firstNames.has(words[0]!.toLowerCase())) continue;
    add('name', m.index, m[0], '[naam]');
  }
  for (const m of text.matchAll(CAP_PAIR)) {
    if (!firstNames.has(m[1]!.toLowerCase())) continue;
    const second = m[2]?.trim();
    const value = second && !isCommonCapitalised(second) ? m[0] : m[1]!;
    add('name', m.index, value, '[naam]');
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "vervang": every finding becomes its placeholder; "verwijder": it is left out. */
export function applyFindings(text: string, findings: readonly Finding[], mode: 'replace' | 'remove'): string {
  let result = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at || text.slice(f.start, f.end) !== f.value) continue;
    result += text.slice(at, f.start) + (mode === 'replace' ? f.placeholder : f.remainder);
    at = f.end;
  }
  result += text.slice(at);
  if (mode === 'replace') return result;
  // Tidy what removal leaves behind: "moeder (, ) vindt" → "moeder vindt".
  return result
    .replace(/[ \t]+([,.;:!?)])/g, '$1')
    .replace(/\([\s,;]*\)/g, '')
    .replace(/,(\s*,)+/g, ',')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.;:!?])/g, '$1')
    .trim();
}

/** Dutch BSN check: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Capitalised words after a role word that are not names: "de ouders Van …" is rare, but
// "leerling Havo", "collega Communicatie" and the days/months are common.
const NOT_NAMES = new Set([
  'havo', 'vwo', 'vmbo', 'mbo', 'hbo', 'groep', 'klas', 'communicatie', 'directie', 'school', 'instagram', 'facebook',
  'tiktok', 'whatsapp', 'linkedin', 'youtube', 'teams', 'snapchat', 'twitter', 'maandag', 'dinsdag', 'woensdag',
  'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli',
  'augustus', 'september', 'oktober', 'november', 'december', 'mag', 'moet', 'kan', 'wil', 'is', 'heeft', 'die', 'dat',
  'een', 'het', 'de', 'wat', 'wie', 'hoe', 'waar', 'ik', 'we', 'wij', 'zij', 'hij', 'ze', 'ook', 'en', 'of', 'maar',
  'als', 'bij', 'in', 'op', 'met', 'van', 'voor', 'naar', 'om', 'uit', 'over', 'sint', 'kerst', 'pasen',
]);

function atSentenceStart(text: string, index: number): boolean {
  return /(^|[.!?:]\s*|\n\s*)$/.test(text.slice(Math.max(0, index - 3), index)) || text.slice(0, index).trim() === '';
}

function isCommonCapitalised(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase());
}
