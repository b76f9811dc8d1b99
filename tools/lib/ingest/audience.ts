import { AUDIENCES, type Audience } from '../../../src/core/knowledge/types.js';

const HEADING_AUDIENCES: ReadonlyArray<[Audience, RegExp]> = [
  ['medewerkers', /\b(?:medewerkers?|personeel|leerkrachten|leraren|werksituaties)\b/i],
  ['leerlingen', /\bleerlingen?\b/i],
  ['ouders', /\b(?:ouders?|verzorgers?|uw kind)\b/i],
  ['leidinggevenden', /\b(?:leidinggevenden|schoolleiders?|schoolbestuurders?)\b/i],
];

// Sections that name leaders concern leaders too, whoever they address.
const LEADER_MENTION = /\b(?:leidinggevenden|schoolleiders?|schoolbestuurders?|directie|directieleden)\b/i;
const STAFF_MENTION = /\bmedewerkers?\b/i;

function stripNumber(heading: string): string {
  return heading.replace(/^\s*(?:\d+(?:\.\d+)*|[A-Z])\.?\s+/, '').trim();
}

/**
 * Who a section is addressed to: read from the most specific heading that names a group
 * ("voor medewerkers", "4.5 Ouders/verzorgers", a heading that is the school or the board itself),
 * else the board's default. Sections that name leaders or staff in their text add those groups.
 */
export function inferAudience(headingPath: readonly string[], text: string, organisation: string, fallback: readonly Audience[]): Audience[] {
  const found = new Set<Audience>();
  for (const heading of [...headingPath].reverse()) {
    const title = stripNumber(heading);
    if (/^(?:de\s+)?school$/i.test(title) || title.toLowerCase() === organisation.toLowerCase()) found.add('school');
    for (const [audience, pattern] of HEADING_AUDIENCES) if (pattern.test(title)) found.add(audience);
    if (found.size > 0) break;
  }
  if (found.size === 0) for (const audience of fallback) found.add(audience);
  if (LEADER_MENTION.test(text)) found.add('leidinggevenden');
  if (STAFF_MENTION.test(text) && found.has('leerlingen')) found.add('medewerkers');
  return AUDIENCES.filter((audience) => found.has(audience));
}
