const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}\s?]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// The speaker is unsure about something they are about to do.
const FIRST_PERSON_DOUBT =
  /\bik (twijfel|twijfelde|ben (er |het |echt |nog )?(niet zeker|onzeker|in twijfel|aan het twijfelen)|weet (het |echt |eigenlijk |nog |dus )?niet (zeker |goed |precies )?of|vraag me af of|durf (het |dit )?niet)\b/;
const ABOUT_PUBLISHING =
  /\b(mag|kan|moet|mogen|kunnen|posten|plaatsen|delen|publiceren|online|zetten|sturen|versturen|foto s?|fotos|video|bericht|post|filmpje|story|tweet)\b/;
const LEADER = /\b(leidinggevende|teamleider|directeur|directie|manager|schoolleider|locatieleider|communicatie)\b/;
// A request to put something to the leader: "aan mijn leidinggevende vragen", "voorleggen aan", "stuur naar".
const ASK_VERB = /\b(vragen|vraag|voorleggen|leg|voor te leggen|overleggen|overleg|navragen|checken|check|sturen|stuur|doorsturen|laten weten|laten beoordelen|laten checken|laten kijken|beoordelen)\b/;
const PERSONAL_REFERENCE = /\b(mijn|m n|onze|de|aan|met|naar)\b/;
// General questions about the rule itself: answered from the code, not sent to anyone.
const GENERAL_QUESTION =
  /^(wat|hoe|wanneer|waarom|wie|waar|welke)\b.*\b(bij twijfel|als (je|ik|men) twijfel|twijfel(t)?\b.*\b(doen|regel|code))|^wie is (mijn|de) (leidinggevende|teamleider)/;

/**
 * True when a free-text message asks to put a posting doubt to the leidinggevende, e.g.
 * "ik twijfel of ik dit mag delen" or "kan ik het aan mijn leidinggevende vragen".
 * Pure pattern matching on general shapes; questions about the rule itself ("wat moet ik doen bij twijfel?") are not requests.
 */
export function isDoubtRequest(text: string): boolean {
  const t = normalise(text);
  if (t === '' || t.length > 2000) return false;
  if (GENERAL_QUESTION.test(t)) return false;
  if (FIRST_PERSON_DOUBT.test(t) && ABOUT_PUBLISHING.test(t)) return true;
  if (LEADER.test(t) && ASK_VERB.test(t) && PERSONAL_REFERENCE.test(t) && !/^wie\b/.test(t)) {
    // "kan ik het aan mijn leidinggevende vragen", "dit wil ik voorleggen aan mijn teamleider"
    return /\b(ik|kan|wil|graag|mag|kun|kunt|zou|stuur|leg|vraag)\b/.test(t);
  }
  return false;
}
