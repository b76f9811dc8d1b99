/** What a free-text message asks of the bot, before any dialog-specific routing. */
export type Intent =
  | { kind: 'empty' }
  | { kind: 'too_long'; length: number }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  | { kind: 'nonsense' }
  | { kind: 'command'; command: Command }
  | { kind: 'question'; text: string };

export type Command =
  | 'posting'
  | 'my_doubts'
  | 'open_doubts'
  | 'onboarding'
  | 'onboarding_overview'
  | 'my_data'
  | 'delete_my_data'
  | 'doubt';

/** Longest message we answer; longer ones get a polite request to shorten it. */
export const MAX_MESSAGE_LENGTH = 4000;

// Exact command phrases (also the Teams manifest commands). Anchored: a question that merely
// contains "help" or "onboarding" is still a question.
const COMMANDS: ReadonlyArray<[RegExp, Command]> = [
  [/^mag ik dit (posten|plaatsen|delen)\??$/, 'posting'],
  [/^(check|controleer) (mijn|een) (post|bericht)$/, 'posting'],
  [/^mijn (vragen|twijfels)$/, 'my_doubts'],
  [/^(openstaande|open) (twijfels|vragen)$/, 'open_doubts'],
  [/^onboarding( starten| start)?$/, 'onboarding'],
  [/^start( de)? onboarding$/, 'onboarding'],
  [/^onboarding[ -]?overzicht$/, 'onboarding_overview'],
  [/^mijn gegevens$/, 'my_data'],
  [/^(verwijder|wis) mijn gegevens$/, 'delete_my_data'],
  [/^(leg (het |dit )?voor aan mijn (leidinggevende|teamleider)|vraag (het )?(aan )?mijn (leidinggevende|teamleider)|twijfel|ik twijfel)$/, 'doubt'],
];

const GREETING = /^(hoi|hallo|hey|hee|hi|hello|dag|goedemorgen|goedemiddag|goedenavond|morgen|yo|hoihoi)( (mediawijs|bot|daar|allemaal))?$/;
const THANKS = /^((heel )?(erg )?(hartelijk )?(bedankt|dank( je| u)?( wel)?|thanks|thx|merci|top|super|fijn|prima|ok(e|é)?( dank je)?|oke|helder|duidelijk)( hoor| voor je hulp| voor de hulp)?)$/;
const HELP = /^(help|hulp|menu|start|wat kun je( allemaal)?( doen)?|wat kan je( allemaal)?( doen)?|wat kan ik (je )?vragen|hoe werkt (dit|het)|wie ben jij|wat ben jij|wat doe je)$/;

/** Strips the optional manifest command word "vraag" so "vraag mag ik ..." is asked as a question. */
const QUESTION_PREFIX = /^vraag[:\s]+/;

/**
 * Classifies a free-text message. Pure; the Teams layer strips mentions before calling it.
 */
export function classifyMessage(raw: string): Intent {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'empty' };
  if (text.length > MAX_MESSAGE_LENGTH) return { kind: 'too_long', length: text.length };

  const simple = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[!.,;:?]+$/g, '')
    .replace(/[!.,]+/g, '')
    .trim();

  if (/^\?+$/.test(text)) return { kind: 'help' };
  for (const [pattern, command] of COMMANDS) if (pattern.test(simple)) return { kind: 'command', command };
  if (GREETING.test(simple)) return { kind: 'greeting' };
  if (THANKS.test(simple)) return { kind: 'thanks' };
  if (HELP.test(simple) || simple === 'vraag') return { kind: 'help' };
  if (isNonsense(simple)) return { kind: 'nonsense' };

  return { kind: 'question', text: text.replace(QUESTION_PREFIX, '').trim() || text };
}

/** Keyboard mashing, lone symbols or numbers: nothing a person could mean as a question. */
function isNonsense(simple: string): boolean {
  const words = simple.match(/[a-zà-ÿ]+/g) ?? [];
  if (words.length === 0) return true;
  const letters = words.join('');
  if (letters.length < 3) return true;
  // A "word" without vowels or with long runs of consonants is not Dutch.
  const plausible = words.filter((w) => /[aeiouyàáâäèéêëìíîïòóôöùúûü]/.test(w) && !/[^aeiouy\W]{6,}/.test(w) && !/(.)\1{3,}/.test(w));
  return plausible.length === 0;
}
