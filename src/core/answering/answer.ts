import { formatCitation, relatedSource } from '../knowledge/citation.js';
import { analyzeForIndex } from '../retrieval/analyze.js';
import type { SearchIndex } from '../retrieval/index.js';
import { matchUnitIn, type QueryUnit } from '../retrieval/query.js';
import { matchesTopic, search, type SectionHit, type SearchResult } from '../retrieval/search.js';
import { ANSWER_THRESHOLD, confidenceOf } from './confidence.js';
import { selectWindow, sentenceSpans, type Span } from './quote.js';
import type { AnswerResult, Passage } from './types.js';

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
 * "Bedoel je…?": below the answer threshold, the best sections are offered (not quoted) when the
 * best one still covers this much of the question through a topical word, and the question is about
 * the code at all (not damped as off-topic).
 */
export const UNSURE_MIN_COVERAGE = 0.4;
/** Candidates offered at most, and how close to the best one they must score. */
const MAX_CANDIDATES = 3;
const CANDIDATE_SCORE_SHARE = 0.5;
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
