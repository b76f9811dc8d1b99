const MODAL = /\b(mag|kan|kun|moet|zou|durf|wil)\s+(ik|je|we|wij)\b/iu;
const WANT = /\b(ik\s+wil|ik\s+ga|ik\s+zou\s+graag|ik\s+overweeg)\b/iu;
const POST_VERB =
  /\b(post(?:en|s)?|plaats(?:en)?|publiceer|publiceren|deel|delen|share[n]?|tweet(?:en)?|twitter(?:en)?|retweet(?:en)?|upload(?:en)?|reageer|reageren|story|stories)\b/iu;
/** Contact with a person rather than a post: even with "reageren" or "delen" in it, not a post to check. */
const CONTACT_ONLY = /\b(vriendschapsverzoek\w*|vriendverzoek\w*|volgverzoek\w*|accepteren|accepteer|appen|privébericht\w*|dm'?en)\b/iu;
// Putting something online; accepting or sending a friend request is contact, not publishing: that
// question is answered from the code without a posting form under it.
const PUT_ONLINE = /\b(zet|zetten|gooi|gooien|online\s+zetten)\b/iu;
const PLATFORM =
  /\b(insta(?:gram)?|facebook|fb|tiktok|linkedin|twitter|x|youtube|snapchat|snap|whatsapp|threads|bluesky|mastodon|social(?:e)?\s*media|sociale\s+media|internet|online)\b/iu;
const CHECK = /\b(check|controleer|beoordeel|bekijk)\b.*\b(mijn|dit|deze|m'n)\s+(bericht|post|tweet|foto|video|filmpje|reactie|blog)\b/iu;
const QUESTION_WORD = /^\s*(wie|wat|waar|wanneer|waarom|hoe|welke|hoeveel|wat\s+als)\b/iu;

/**
 * True when the text asks to check a concrete post ("mag ik dit posten?", "kan ik dit tweeten",
 * "mag ik een foto van mijn klas op insta zetten"), false for general questions about the code
 * ("wie is verantwoordelijk voor wat ik post", "wat mag ik over leerlingen delen?").
 */
export function isPostingRequest(text: string): boolean {
  const t = text.trim().slice(0, 500);
  if (t.length < 4) return false;
  if (CHECK.test(t)) return true;
  if (QUESTION_WORD.test(t)) return false;
  const intent = MODAL.test(t) || WANT.test(t);
  if (!intent) return false;
  if (CONTACT_ONLY.test(t)) return false;
  if (POST_VERB.test(t)) return true;
  return PUT_ONLINE.test(t) && PLATFORM.test(t);
}
