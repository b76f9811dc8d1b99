import { redactPersonalData } from './redact.js';

/** What {@link maskPersonalData} replaced: counts only, so they can be logged. */
export interface MaskResult {
  text: string;
  names: number;
  emails: number;
  phones: number;
}

export const NAME_PLACEHOLDER = '[naam]';

/**
 * Capitalised words that are no one's name: platforms and apps teachers mention, days, months and
 * a few Dutch words people capitalise. Words of the board's own code are passed in as well.
 */
const NOT_NAMES = new Set(
  (
    'instagram insta facebook fb tiktok whatsapp teams youtube linkedin twitter x snapchat pinterest signal telegram discord bereal threads ' +
    'google microsoft parro klasbord social schools office outlook zoom chatgpt copilot onedrive sharepoint apple android iphone ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober november december ' +
    'ik mag kan is wat hoe wie waar wanneer waarom welke moet mogen kunnen zijn wij we jij je u hij zij ze dit dat de het een ' +
    'avg mr gmr ouderraad kerst pasen sinterklaas nederland nederlands engels'
  ).split(' '),
);

const PARTICLES = '(?:van|von|de|der|den|het|ter|ten|te|la|le|du|da|in\\s+\'t|\'t)';
const WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’-]+(?![\\p{L}])";
/** One capitalised word, or several joined by Dutch name particles ("Jan van der Berg"). */
const CAPITALISED_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}(?:\\s+(?:${PARTICLES}\\s+)*${WORD})*`, 'gu');
/** Forms of address and roles that are followed by a name, also typed in lower case ("juf anna"). */
const CUED_NAME = /(?<![\p{L}])(juf|meester|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|leerling|collega|leerlinge)\s+(\p{L}[\p{L}'’-]+)/giu;
const NOT_A_NAME_AFTER_CUE = new Set('de het een die dat deze dit mijn zijn haar onze jullie hun ook is was en of wel niet die uit van op in met die wat zo al nog er'.split(' '));

/**
 * Masks personal data in a question before it leaves the bot: e-mail addresses and phone numbers
 * (as the learning records do) and names. Names cannot be found reliably; this catches the common
 * shapes — capitalised words that are not at the start of a sentence and not known words, and a word
 * after "juf", "meester", "collega" … — and rather masks a word too many than one too few.
 */
export function maskPersonalData(text: string, knownWords: ReadonlySet<string> = new Set()): MaskResult {
  const redacted = redactPersonalData(text);
  let names = 0;
  const known = (w: string) => NOT_NAMES.has(w.toLowerCase()) || knownWords.has(w.toLowerCase());
  let masked = redacted.text.replace(CUED_NAME, (whole, cue: string, word: string) => {
    if (NOT_A_NAME_AFTER_CUE.has(word.toLowerCase()) || known(word)) return whole;
    names++;
    return `${cue} ${NAME_PLACEHOLDER}`;
  });
  masked = masked.replace(CAPITALISED_RUN, (run: string, offset: number, whole: string) => {
    const words = run.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const atSentenceStart = /(^|[.!?:]\s*|\n\s*)$/.test(whole.slice(0, offset));
    if (words.every(known)) return run;
    // "Mag ik…": one capitalised word at the start of a sentence is usually just that.
    if (atSentenceStart && words.length === 1) return run;
    names++;
    return NAME_PLACEHOLDER;
  });
  const count = (kind: 'email' | 'phone') => redacted.removed.filter((r) => r.kind === kind).length;
  return { text: masked, names, emails: count('email'), phones: count('phone') };
}

/** The lower-case words of a text, for {@link maskPersonalData}'s `knownWords` (e.g. the board's code). */
export function wordsOf(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) words.add(w);
  return words;
}
