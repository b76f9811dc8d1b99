import { formatCitation, relatedSource } from '../knowledge/citation.js';
import { analyzeForIndex } from '../retrieval/analyze.js';
import type { SearchIndex } from '../retrieval/index.js';
import { asksPermission, matchUnitIn, type QueryUnit } from '../retrieval/query.js';
import { tokenize } from '../retrieval/normalize.js';
import { CLOSE_MATCH, matchesTopic, search, type OutOfScopeMatch, type SectionHit, type SearchResult } from '../retrieval/search.js';
import { selectWindow, sentenceSpans, type Span } from './quote.js';
import type { AnswerResult, Passage } from './types.js';

/** Below this confidence the bot says the code does not answer the question (chosen on the eval sets). */
export const ANSWER_THRESHOLD = 0.2;
/**
 * The best passage quotes the whole section up to this length, else the best window of sentences.
 * Most sections are shorter; of the longer ones, a cut window often left out the sentence that
 * qualified the rule ("Hier mag echter geen dwingend karakter aan hangen"). 600 was tried: it
 * kept the last sentence of the eleven sections of 500-600 characters, but the longer best quote
 * left no room in the reply for a related passage that answered as often.
 */
export const BEST_QUOTE_MAX = 500;
/** Related passages are teasers, but long enough to hold a whole short rule (most are under 330 characters). */
export const RELATED_QUOTE_MAX = 330;
/** Share of its weight a generic word keeps when choosing a quote window. */
const GENERIC_WINDOW_SHARE = 0.3;
/**
 * A window quoted from a long best section takes in its neighbours up to this length. At 200 the
 * window around the words of a story ("ik heb mezelf gegoogeld …") stopped before the sentence that
 * says what to do about it; at 300 a window of two sentences of a 520-character section still left
 * out its third ("In het geval van een schorsing, gebeurt dit voorafgaand aan de schorsing"). 450
 * lengthens the median reply by about ten characters.
 */
const BEST_FILL = 450;
/** ... and one from a long related section up to this length. */
const RELATED_FILL = 60;
/** Related passages shown at most. */
const MAX_RELATED = 2;
/** A related section must score at least this share of the best one. */
const RELATED_SCORE_SHARE = 0.35;
/**
 * A runner-up this close to the best is shown even when it covers less than the answer threshold of
 * a long story on its own (konot's "ga niet in discussie met ouder of leerling" rule and don't say
 * the same; the don't adds "neem liever offline contact op"). 0.9, 0.75, 0.6 and 0.5 were tried:
 * 0.6 answered most of the dev sets.
 */
const TIE_SCORE_SHARE = 0.6;
/** A runner-up this close to the best is shown whatever its heading. */
const CLOSE_SCORE_SHARE = 0.5;
/** Related passages are only added while the reply stays below this many characters. */
const REPLY_BUDGET = 900;
/**
 * Questions without any social-media word often share generic words with the code (leerlingen,
 * les, collega); they are answered only when the code covers nearly all of the question.
 */
const OUT_OF_DOMAIN_MIN_COVERAGE = 0.75;
/** ... and when the covered words carry enough information (summed idf), so "klas" alone is not enough. */
const OUT_OF_DOMAIN_MIN_MASS = 4;
/**
 * When the best passage matches the question only through tool words (platform, account, post,
 * photo), it answers only when it covers this much of the question, and never a "how do I ..."
 * question: "welke camera is het beste voor vlogs?" and "hoe zet ik een reel online?" are not
 * about the code.
 */
const TOOL_ONLY_MIN_COVERAGE = 0.6;
/**
 * A "how do I ..." question is answered only when the passage covers this much of it, and matches a
 * word of its topic that few sections contain ("hoe maak ik een groepsapp aan met de ouders van
 * mijn klas?" asks for a manual; "ouders" and "klas" are in half the code).
 */
const PROCEDURE_MIN_COVERAGE = 0.6;
/**
 * A question without social-media words is still about the code when one of the questions the best
 * section answers covers this much of it ("waar kan ik het protocol nalezen?", "wat gebeurt er als
 * ik me er niet aan houd?"): questions about the code itself rarely name a platform.
 */
export const QUESTION_DOMAIN_COVERAGE = 0.6;
/**
 * ... and the question asked covers this much of that stored question in turn: "hoofdluis in de
 * klas" shares one word with "mag een ouder in de oudergroep zetten welk kind hoofdluis heeft?"
 * (0.48 of it, as the vocabulary grew; 0.4 let it through). At 0.5 a bare "komt zoiets in mn
 * dossier?" is declined too: three out-of-scope questions of the dev sets for one in scope.
 */
export const QUESTION_DOMAIN_REVERSE = 0.5;
/**
 * ... or each covers at least half of the other: the same question in other words ("krijgen we een
 * lijst met wat niet mag of vertrouwen ze op ons gezonde verstand?").
 */
export const QUESTION_DOMAIN_MUTUAL = 0.5;
/** ... and the words it covers carry this much information (summed idf): one specific word will do. */
export const QUESTION_DOMAIN_MIN_MASS = 2.5;
/**
 * "Bedoel je…?": below the answer threshold, the best sections are offered (not quoted) when the
 * best one still covers this much of the question through a topical word, and the question is about
 * the code at all (not damped as off-topic).
 */
export const UNSURE_MIN_COVERAGE = 0.4;
/** Candidates offered at most, and how close to the best one they must score. */
const MAX_CANDIDATES = 3;
const CANDIDATE_SCORE_SHARE = 0.5;
/**
 * A question is declined when an out-of-scope question (one no code answers: using an app, school
 * life) matches a word of its topic, covers at least this much of it, and matches it clearly better
 * than any question the best section answers ("hoe zet ik tweestapsverificatie aan op insta" is not
 * about the code's rules on Instagram). Both are nearest-question scores, on one scale; the closer
 * neighbour decides, whatever share of the question the code's passage covers.
 */
export const OUT_OF_SCOPE_MIN_COVERAGE = 0.3;
/** ... "better" meaning its score reaches this share of the best section's closest question's score. */
export const OUT_OF_SCOPE_SCORE_SHARE = 1.3;
/**
 * A question this board's code is silent on (`silent.yaml`) declines a question it covers at least
 * this much and matches at least as well as the best section's closest question: reviewed for this
 * board, it needs no lead over that question, but more coverage than an example no code answers
 * (chosen on the dev sets: 28 fewer out-of-scope questions answered, none in scope lost).
 */
export const SILENT_MIN_COVERAGE = 0.5;

/** Whether the nearest question this board's code is silent on declines a question whose best section's closest stored question scores `nearScore`. */
export function declinedAsSilent(silent: OutOfScopeMatch | undefined, nearScore: number): boolean {
  return silent !== undefined && silent.topical && silent.coverage >= SILENT_MIN_COVERAGE && silent.score >= nearScore;
}
/** Damping of a confidence that fails the domain or tool checks (stays below the threshold). */
const OFF_TOPIC_DAMPING = 0.15;
/**
 * A "how do I …" question that an out-of-scope example (an app manual) covers nearly as well as the
 * best passage asks for the manual: "hoe zet ik een story op insta alleen voor close friends?" shares
 * its words with a stored story about close friends, and as many with "hoe maak ik een close friends
 * lijst op insta". Chosen on the dev sets (two fewer out-of-scope questions answered, none in scope lost).
 */
const PROCEDURE_NEGATIVE_SHARE = 0.9;

const spanKeyCache = new WeakMap<Span, Map<string, number>>();
const spanCache = new WeakMap<object, Map<number, Span[]>>();

/** Sentence spans of a section, computed once per section and length. */
function spansOf(text: string, section: object, maxLength: number): Span[] {
  let bySize = spanCache.get(section);
  if (!bySize) spanCache.set(section, (bySize = new Map<number, Span[]>()));
  let spans = bySize.get(maxLength);
  if (!spans) bySize.set(maxLength, (spans = sentenceSpans(text, maxLength)));
  return spans;
}

function unitMatcher(index: SearchIndex, units: readonly QueryUnit[], text: string) {
  const isKnownPart = (p: string): boolean => index.knownWords.has(p);
  return (span: Span): number[] => {
    let keys = spanKeyCache.get(span);
    if (!keys) {
      keys = new Map<string, number>();
      for (const word of analyzeForIndex(text.slice(span.start, span.end), isKnownPart, index.wordMemo)) {
        for (const [k, w] of word.keys) keys.set(k, Math.max(keys.get(k) ?? 0, w));
      }
      spanKeyCache.set(span, keys);
    }
    const found = keys;
    return units.map((u) => matchUnitIn(u, found));
  };
}

/**
 * Unit weights for choosing a quote window: words found all over the code (sociale media, medewerker)
 * count less, so the window goes to the sentence with the question's specific words.
 */
function windowWeights(result: SearchResult): number[] {
  return result.unitWeights.map((w, i) => (w || 0.3) * (result.generic[i] ? GENERIC_WINDOW_SHARE : 1));
}

function quoteFor(index: SearchIndex, result: SearchResult, hit: SectionHit, maxLength: number, wholeIfFits: boolean, fillTo: number): string {
  const text = hit.indexed.section.text;
  if (wholeIfFits && text.length <= maxLength) return text;
  const spans = spansOf(text, hit.indexed.section, maxLength);
  // Units the section does not match cannot change the choice; weighting by idf favours rare words.
  return selectWindow(text, spans, unitMatcher(index, result.query.units, text), windowWeights(result), maxLength, fillTo);
}

function passage(index: SearchIndex, hit: SectionHit, quote: string): Passage {
  return { section: hit.indexed.section, quote, citation: formatCitation(index.doc, hit.indexed.section) };
}

function headingOf(hit: SectionHit): string {
  return hit.indexed.section.headingPath.join(' > ');
}

/**
 * Up to two next-best passages that add a different answer: close runners-up under another
 * heading first, so the reply does not quote three rules of the same list when another part of
 * the code also answers. Kept within the reply budget.
 */
function relatedPassages(index: SearchIndex, result: SearchResult, best: Passage): Passage[] {
  const top = result.hits[0];
  if (!top) return [];
  const candidates = result.hits
    .slice(1, 12)
    .filter((hit) => hit.score >= top.score * RELATED_SCORE_SHARE && (hit.coverage >= ANSWER_THRESHOLD || hit.score >= top.score * TIE_SCORE_SHARE));
  const shownHeadings = new Set([headingOf(top)]);
  const chosen = new Set<SectionHit>();
  let length = best.quote.length + best.citation.length;
  const related: Passage[] = [];
  // A runner-up that did not fit is tried again in the next round: its passage is made once.
  const passages = new Map<SectionHit, Passage>();
  const tryAdd = (hit: SectionHit): void => {
    if (related.length >= MAX_RELATED || chosen.has(hit)) return;
    let p = passages.get(hit);
    if (!p) passages.set(hit, (p = passage(index, hit, quoteFor(index, result, hit, RELATED_QUOTE_MAX, true, RELATED_FILL))));
    // Counted as the card shows it: with its place in the code as source.
    const cost = p.quote.length + relatedSource(p).length;
    if (best.quote.includes(p.quote) || length + cost > REPLY_BUDGET) return;
    related.push(p);
    chosen.add(hit);
    shownHeadings.add(headingOf(hit));
    length += cost;
  };
  // Near-ties first (they may be the real answer), then runners-up under another heading (a different
  // answer), then the rest.
  for (const hit of candidates) if (hit.score >= top.score * CLOSE_SCORE_SHARE) tryAdd(hit);
  for (const hit of candidates) if (!shownHeadings.has(headingOf(hit))) tryAdd(hit);
  for (const hit of candidates) tryAdd(hit);
  // In ranking order; the (at most two) related passages are looked up rather than every hit mapped.
  const rank = (p: Passage): number => {
    for (let i = result.hits.length - 1; i >= 0; i--) if (result.hits[i]!.indexed.section.id === p.section.id) return i;
    return 0;
  };
  return related.sort((a, b) => rank(a) - rank(b));
}

/**
 * A question told as a story ("een vader stuurt me op fb steeds berichtjes over de wedstrijd van zijn
 * zoon … moet ik daar iets mee?") carries far more information than the rule it is about needs: the
 * share of it a passage covers is judged against at most this much (summed idf, about four specific
 * words), so the story's context does not hide a passage that covers its point.
 */
export const STORY_WEIGHT_CAP = 14;

function storyScale(result: SearchResult): number {
  const total = result.unitWeights.reduce((a, b) => a + b, 0);
  return total > STORY_WEIGHT_CAP ? total / STORY_WEIGHT_CAP : 1;
}

/** Confidence that the best hit answers the question: its coverage, damped when off-topic. */
export function confidenceOf(result: SearchResult): number {
  // A standard question about the code itself, and a section the board names for it among the best:
  // the board has said which passage answers it, so the code is not silent.
  if (result.codeIntent) return Math.max(ANSWER_THRESHOLD, Math.min(1, result.codeIntent.hit.coverage));
  const top = result.decisive ?? result.hits[0];
  if (!top || top.score <= 0) return 0;
  if (result.codeSilent) return Math.min(1, top.coverage) * OFF_TOPIC_DAMPING;
  // An out-of-scope example that matches the question better than the code does: the question is
  // not about the code.
  const negative = result.outOfScope;
  // "mag ik de klassenfoto op mn privé fb zetten?" asks a rule; an app manual ("hoe zorg ik dat ik niet
  // getagd word op fb") sharing its words does not make it a question about the app. The example is
  // read only for such a question, not for every one.
  const permissionVsManual = negative !== undefined && result.query.permission && !result.query.procedure && !asksPermission(tokenize(negative.text));
  const closerToNegative =
    negative?.topical && !permissionVsManual &&
    ((negative.coverage >= OUT_OF_SCOPE_MIN_COVERAGE && negative.score >= (top.question?.score ?? 0) * OUT_OF_SCOPE_SCORE_SHARE) ||
      (result.query.procedure && negative.coverage >= top.coverage * PROCEDURE_NEGATIVE_SHARE));
  if (closerToNegative || declinedAsSilent(result.silent, top.question?.score ?? 0)) return Math.min(1, top.coverage) * OFF_TOPIC_DAMPING;
  const coverage = Math.min(1, top.coverage * storyScale(result));
  const topical = matchesTopic(result.query, result.unitWeights, top.matched);
  if (!topical && (result.query.procedure || coverage < TOOL_ONLY_MIN_COVERAGE)) return coverage * OFF_TOPIC_DAMPING;
  if (result.query.procedure && coverage < PROCEDURE_MIN_COVERAGE) return coverage * OFF_TOPIC_DAMPING;
  // A word of the question that few sections contain as itself or a close synonym, matched so by the best hit.
  const specificAt = (i: number): boolean => (result.unitWeights[i] ?? 0) > 0 && !result.common[i] && (top.matched[i] ?? 0) >= CLOSE_MATCH;
  if (result.query.procedure && !result.query.units.some((u, i) => !u.tool && specificAt(i))) return coverage * OFF_TOPIC_DAMPING;
  if (result.query.inDomain) return coverage;
  const specific = result.query.units.some((_, i) => specificAt(i));
  const mass = result.unitWeights.reduce((sum, w, i) => sum + w * (top.matched[i] ?? 0), 0);
  const near = top.question;
  // "The same question in other words" needs more than one shared word: "parkeren bij het
  // ondersteuningsbureau" and "geldt dit ook op het ondersteuningsbureau?" share only the place.
  const sharedWords = result.unitWeights.filter((w, i) => w > 0 && (top.matched[i] ?? 0) > 0).length;
  const closeBothWays =
    near &&
    ((near.coverage >= QUESTION_DOMAIN_COVERAGE && near.reverse >= QUESTION_DOMAIN_REVERSE) ||
      (near.coverage >= QUESTION_DOMAIN_MUTUAL && near.reverse >= QUESTION_DOMAIN_MUTUAL && sharedWords >= 2));
  if (closeBothWays && mass >= QUESTION_DOMAIN_MIN_MASS && specific) return coverage;
  return coverage >= OUT_OF_DOMAIN_MIN_COVERAGE && mass >= OUT_OF_DOMAIN_MIN_MASS ? coverage * 0.5 : coverage * OFF_TOPIC_DAMPING;
}

/**
 * The passages a question the bot is not sure about may be about: only when the best hit was not
 * damped as off-topic (its confidence is its coverage) and covers enough of the question.
 */
function unsureCandidates(index: SearchIndex, result: SearchResult): Passage[] {
  const judged = result.decisive ?? result.hits[0];
  const top = result.hits[0];
  if (!judged || !top || judged.coverage < UNSURE_MIN_COVERAGE) return [];
  const topical = matchesTopic(result.query, result.unitWeights, judged.matched);
  if (!topical || result.query.procedure) return [];
  if (!result.query.inDomain && (judged.question?.coverage ?? 0) < UNSURE_MIN_COVERAGE) return [];
  return result.hits
    .slice(0, MAX_CANDIDATES)
    .filter((hit) => hit.score >= top.score * CANDIDATE_SCORE_SHARE && hit.coverage >= UNSURE_MIN_COVERAGE)
    .map((hit) => passage(index, hit, quoteFor(index, result, hit, BEST_QUOTE_MAX, true, BEST_FILL)));
}

/**
 * Answers a staff question from the board's code: the best-matching passage (quoted verbatim)
 * with up to two related passages, or `not_found` when the code does not answer it.
 */
export function answerQuestion(index: SearchIndex, question: string): AnswerResult {
  if (!question.trim()) return { kind: 'not_found', confidence: 0 };
  // An answer reads only the refined top of the ranking (quotes, related passages, candidates).
  const result = search(index, question, { hits: 'top' });
  const confidence = Number(confidenceOf(result).toFixed(3));
  const top = result.hits[0];
  if (!top || confidence < ANSWER_THRESHOLD) {
    const candidates = unsureCandidates(index, result);
    return candidates.length > 0 ? { kind: 'unsure', candidates, confidence } : { kind: 'not_found', confidence };
  }

  const best = passage(index, top, quoteFor(index, result, top, BEST_QUOTE_MAX, true, BEST_FILL));
  const related = relatedPassages(index, result, best);
  return { kind: 'answer', best, related, confidence };
}
