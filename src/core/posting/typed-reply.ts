/** What a typed reply means while a posting question is open: the same as one of the card's buttons. */
export type TypedReply = 'ja' | 'nee' | 'weet-niet' | 'terug' | 'opnieuw' | 'stop';

const REPLIES: ReadonlyArray<[RegExp, TypedReply]> = [
  [/^(ja|jawel|jazeker|ja hoor|ja zeker|klopt|dat klopt|yes|yep|jup|ja klopt|zeker|inderdaad|j)$/, 'ja'],
  [/^(nee|neen|nope|no|niet|nee hoor|klopt niet|zeker niet|helemaal niet|n)$/, 'nee'],
  [/^(weet ik niet|weet niet|ik weet het niet|geen idee|weet ik het|geen flauw idee|onbekend|weet niet zeker|misschien|\?|idk|wn)$/, 'weet-niet'],
  [/^(terug|ga terug|vorige|vorige vraag|een stap terug|undo)$/, 'terug'],
  [/^(opnieuw|begin opnieuw|opnieuw beginnen|overnieuw|reset|herstart|nog een keer)$/, 'opnieuw'],
  [/^(stop|stoppen|stop maar|ophouden|annuleer|annuleren|laat maar|klaar|afbreken|cancel)$/, 'stop'],
];

/** Maps "ja", "Nee.", "weet ik niet", "terug", "opnieuw", "stop" and common variants; undefined otherwise. */
export function parseTypedReply(text: string): TypedReply | undefined {
  const simple = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(uh+m?|eh+|ehm|nou|tja|hmm+)\s+/, '');
  if (simple === '?') return 'weet-niet';
  const words = simple.replace(/\?+$/, '').trim();
  for (const [pattern, reply] of REPLIES) if (pattern.test(words)) return reply;
  return undefined;
}
