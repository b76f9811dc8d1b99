/**
 * Chat shorthand that teachers type in Teams, mapped to the full word(s) it abbreviates, so stop-word
 * removal, stemming and the code-intent patterns see the words themselves. It applies to questions,
 * sections and stored questions alike. Slang that is another word rather than a short form of it
 * (insta, fb, kids, ...) lives in the reviewed vocabulary files instead.
 */
export const CHAT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  zn: 'zijn',
  mn: 'mijn',
  jn: 'je',
  ff: 'even',
  ipv: 'in plaats van',
  bijv: 'bijvoorbeeld',
  bv: 'bijvoorbeeld',
  bvb: 'bijvoorbeeld',
  evt: 'eventueel',
  mss: 'misschien',
  miss: 'misschien',
  wrs: 'waarschijnlijk',
  idd: 'inderdaad',
  iig: 'in ieder geval',
  iedg: 'in ieder geval',
  nml: 'namelijk',
  tzt: 'te zijner tijd',
  ivm: 'in verband met',
  mbt: 'met betrekking tot',
  obv: 'op basis van',
  dmv: 'door middel van',
  svp: 'alsjeblieft',
  aub: 'alsjeblieft',
  pls: 'alsjeblieft',
  plz: 'alsjeblieft',
  wss: 'waarschijnlijk',
  kweet: 'ik weet',
  kheb: 'ik heb',
  kzou: 'ik zou',
  lln: 'leerlingen',
  ll: 'leerling',
  llr: 'leerling',
  lk: 'leerkracht',
  lkr: 'leerkracht',
  priv: 'prive',
  info: 'informatie',
  // Short forms of the codes' own subjects and people.
  sm: 'social media',
  zsm: 'zo snel mogelijk',
  wb: 'wat betreft',
  dir: 'directeur',
  ww: 'wachtwoord',
  mr: 'medezeggenschapsraad',
  gmr: 'medezeggenschapsraad',
  // Contractions and chat spellings of ordinary words (stop words once expanded).
  zon: 'zo een',
  das: 'dat is',
  tis: 'het is',
  dr: 'haar',
  effe: 'even',
  eig: 'eigenlijk',
  gwn: 'gewoon',
  sws: 'sowieso',
  zowieso: 'sowieso',
  sowiezo: 'sowieso',
  mischien: 'misschien',
  nie: 'niet',
  vgm: 'volgens mij',
  imo: 'volgens mij',
  ofzo: 'of zo',
  enzo: 'en zo',
  enz: 'en zo',
  etc: 'en zo',
  oid: 'of iets',
  dwz: 'dat wil zeggen',
  tm: 'tot en met',
  vlgs: 'volgens',
  wnr: 'wanneer',
  wrm: 'waarom',
  asap: 'zo snel mogelijk',
  ns: 'eens',
  vd: 'van de',
  vh: 'van het',
  oki: 'oke',
  okee: 'oke',
  btw: 'trouwens',
  kben: 'ik ben',
  kga: 'ik ga',
  kwil: 'ik wil',
  kmoet: 'ik moet',
  kmag: 'ik mag',
  kvind: 'ik vind',
  kvraag: 'ik vraag',
  idk: 'ik weet het niet',
  // School shorthand, expanded to the words the codes use.
  tl: 'teamleider',
  vo: 'voortgezet onderwijs',
  pmr: 'medezeggenschapsraad',
  leerl: 'leerling',
  llen: 'leerlingen',
  verz: 'verzorgers',
  mdw: 'medewerker',
  vp: 'vertrouwenspersoon',
  soc: 'sociale',
};

/**
 * Lower-cases, strips diacritics (privé → prive, überhaupt → uberhaupt), unifies typographic
 * quotes and dashes, and drops the apostrophe plural ("foto's" → "fotos") so every later step
 * sees plain ASCII words.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    // "foto's", "collega's", "m'n", "z'n": the apostrophe only separates letters.
    .replace(/([a-z])'([a-z])/g, '$1$2');
}

/**
 * Splits text into normalised word tokens (letters and digits), expanding chat shorthand.
 * Hyphenated words become their parts ("oud-leerling" → "oud", "leerling").
 */
export function tokenize(text: string, abbreviations: Readonly<Record<string, string>> = CHAT_ABBREVIATIONS): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text).split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    const expanded = abbreviations[raw];
    if (expanded) out.push(...expanded.split(' '));
    else out.push(raw);
  }
  fixGeldt(out);
  fixPlatformX(out);
  return out;
}

/**
 * Twitter renamed itself X, and staff type "ik zet het op X": a lone "x" after "op" or "via" is the
 * platform ("groep x", "x keer" are not), so it is read as the name the codes and vocabulary use.
 */
function fixPlatformX(tokens: string[]): void {
  for (let i = 1; i < tokens.length; i++) if (tokens[i] === 'x' && (tokens[i - 1] === 'op' || tokens[i - 1] === 'via')) tokens[i] = 'twitter';
}

/** Words after which "geld" is the verb "geldt" misspelt ("geld dat ook voor mijn insta?"). */
const AFTER_GELDT = new Set(['dat', 'dit', 'het', 'die', 'deze', 'ook', 'alleen', 'eigenlijk', 'dan', 'er', 'nou', 'nog', 'echt', 'voor']);
/** Words before "geld" that make it money ("het geld dat ik krijg", "geen geld voor"). */
const BEFORE_MONEY = new Set(['het', 'de', 'veel', 'weinig', 'geen', 'meer', 'minder', 'mijn', 'ons', 'onze', 'je', 'jouw', 'hun', 'zijn', 'haar', 'extra', 'om', 'aan', 'met', 'wat']);

/**
 * The commonest d/t slip in chat that changes a word's meaning: "geld" (money) for "geldt" (applies),
 * which made "geld dat alleen voor de lln?" a question about money. Only when a word that follows
 * the verb comes next and nothing before it makes it a noun.
 */
function fixGeldt(tokens: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'geld') continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (next && AFTER_GELDT.has(next) && !(prev && BEFORE_MONEY.has(prev))) tokens[i] = 'geldt';
  }
}
