import { distance } from 'fastest-levenshtein';
import { splitCompound } from './compounds.js';
import type { SearchIndex } from './index.js';
import { wordKeys } from './stem.js';
import { isStopword } from './stopwords.js';
import type { VocabularyAudience } from './vocabulary.js';

/**
 * What one word of a question stands for: its own keys, the parts of a compound, the vocabulary's
 * synonyms and a typo correction, each with a weight. Split from query.ts, which puts the words of a
 * whole question together.
 */

/** Weight of keys reached through the vocabulary (a synonym is weaker evidence than the word itself). */
export const SYNONYM_WEIGHT = 0.65;
/** Weight of keys reached by correcting a typo. */
export const TYPO_WEIGHT = 0.75;
/** Weight of keys of a compound's parts when the whole compound is not in the code. */
export const QUERY_PART_WEIGHT = 0.8;
/** Pseudo-key (never in an index) marking a unit that matched a domain theme of the vocabulary. */
export const DOMAIN_MARK = '\u0001domain';

/** Maximum edit distance accepted as a typo, by word length. */
export function typoBudget(length: number): number {
  // Edits turn many ordinary words into others ("later" → "laster", "beginnen" → "bedienen"),
  // so short words get none and only long words get two.
  if (length < 6) return 0;
  if (length < 9) return 1;
  return 2;
}

/**
 * The closest known word within the typo budget, or undefined. Ties go to the more frequent word.
 * Exported for tests.
 */
export function correctTypo(word: string, knownWords: ReadonlyMap<string, number>): string | undefined {
  const budget = typoBudget(word.length);
  if (budget === 0 || knownWords.has(word)) return undefined;
  let best: string | undefined;
  let bestDistance = budget + 1;
  let bestFreq = -1;
  for (const [candidate, freq] of knownWords) {
    if (Math.abs(candidate.length - word.length) > budget || candidate.length < 4) continue;
    // Cheap prefilter: typos rarely change the first letter.
    if (candidate[0] !== word[0] && budget < 2) continue;
    const d = distance(word, candidate);
    if (d < bestDistance || (d === bestDistance && freq > bestFreq)) {
      best = candidate;
      bestDistance = d;
      bestFreq = freq;
    }
  }
  return bestDistance <= budget ? best : undefined;
}

const typoMemo = new WeakMap<SearchIndex, Map<string, string | undefined>>();

/** correctTypo against the board's words, remembered per index: it compares with every known word. */
function cachedTypo(index: SearchIndex, word: string): string | undefined {
  let memo = typoMemo.get(index);
  if (!memo) typoMemo.set(index, (memo = new Map<string, string | undefined>()));
  if (memo.has(word)) return memo.get(word);
  const corrected = correctTypo(word, index.knownWords);
  if (memo.size < 10_000) memo.set(word, corrected);
  return corrected;
}

function addAlt(alts: Map<string, number>, key: string, weight: number): void {
  if ((alts.get(key) ?? 0) < weight) alts.set(key, weight);
}

/** True when the code, a question its sections answer or an out-of-scope question contains the key. */
export function inIndex(index: SearchIndex, key: string): boolean {
  return index.df.has(key) || index.questions.postings.rows.has(key) || index.outOfScope.postings.rows.has(key);
}

/** What a word of the question stands for while it is being analysed. */
export interface UnitDraft {
  alts: Map<string, number>;
  phrases: Array<{ words: string[][]; weight: number }>;
  /** Highest weight of the vocabulary groups of the word whose code terms occur in this board's code. */
  groupWeight?: number;
  /** Highest weight of any vocabulary group of the word (used when none reaches this board's code). */
  anyGroupWeight?: number;
  audiences: Set<VocabularyAudience>;
  /** Vocabulary groups with code terms that the word reached: tool groups and topic groups. */
  toolGroups: number;
  topicGroups: number;
}

const draftMemo = new WeakMap<SearchIndex, Map<string, UnitDraft>>();
/** The alternatives of remembered drafts: one map per word and index, the same for every question, never changed. */
const rememberedAlts = new WeakSet<ReadonlyMap<string, number>>();

/**
 * Whether a unit's alternatives are a remembered word's (see wordDraft): what is derived from them
 * alone may then be kept for the next question that asks the word.
 */
export function isRememberedAlts(alts: ReadonlyMap<string, number>): boolean {
  return rememberedAlts.has(alts);
}

/** What is kept per remembered word in `kept`: the phrases it was made for, and the value. */
export type KeptPerWord<T> = WeakMap<ReadonlyMap<string, number>, { phrases: readonly unknown[]; value: T }>;

/**
 * A value derived from a unit's alternatives and phrases alone, kept in `kept` for a remembered
 * word (made by `make` on its first question) and made afresh for any other unit. A unit with a
 * remembered word's alternatives but phrases of its own (none from analyzeQuery, which copies both)
 * starts over.
 */
export function keptPerWord<T>(kept: KeptPerWord<T>, unit: { alts: ReadonlyMap<string, number>; phrases: readonly unknown[] }, make: () => T): T {
  if (!isRememberedAlts(unit.alts)) return make();
  let entry = kept.get(unit.alts);
  if (!entry || entry.phrases !== unit.phrases) kept.set(unit.alts, (entry = { phrases: unit.phrases, value: make() }));
  return entry.value;
}

/**
 * What one word of a question stands for (its keys, compound parts, synonyms, typo correction),
 * remembered per index: the same words come back in every question, and the thousands of stored
 * questions are analysed at start-up. Returns the remembered draft itself, shared by every question
 * that asks the word: a caller that changes its alternatives or phrases copies them first (copying
 * every word's map on every question was most of the analysis's garbage, and few words change).
 */
export function wordDraft(index: SearchIndex, word: string, stored: boolean): UnitDraft {
  let memo = draftMemo.get(index);
  if (!memo) draftMemo.set(index, (memo = new Map<string, UnitDraft>()));
  const key = stored ? `s:${word}` : word;
  let cached = memo.get(key);
  if (!cached) {
    cached = newDraft();
    let known = fillAlts(index, word, cached, 1, stored);
    if (word.length >= 6) {
      const parts = splitCompound(word, (p) => !isStopword(p) && isKnown(index, p));
      if (parts) {
        for (const part of parts) fillAlts(index, part, cached, known ? 0.5 : QUERY_PART_WEIGHT);
        known = true;
      }
    }
    if (!known && !stored) {
      const corrected = cachedTypo(index, word);
      if (corrected) fillAlts(index, corrected, cached, TYPO_WEIGHT);
    }
    // Words asked at run time are bounded like the typo memo; stored questions' words are few.
    if (stored || memo.size < 20_000) {
      memo.set(key, cached);
      rememberedAlts.add(cached.alts);
    }
  }
  return cached;
}

export function newDraft(): UnitDraft {
  return { alts: new Map(), phrases: [], audiences: new Set(), toolGroups: 0, topicGroups: 0 };
}

export function addGroup(index: SearchIndex, g: number, draft: UnitDraft, weight: number): void {
  const group = index.vocabulary.groups[g];
  if (!group) return;
  if (group.domain) draft.alts.set(DOMAIN_MARK, 0);
  if (group.audience) draft.audiences.add(group.audience);
  // Groups without code terms (domain signals) only say whether the question is about social media.
  if (group.codeKeys.length > 0 || group.codePhrases.length > 0) {
    if (group.tool) draft.toolGroups++;
    else draft.topicGroups++;
  }
  draft.anyGroupWeight = Math.max(draft.anyGroupWeight ?? 0, group.weight);
  // A low-weight group ("online", "sociale media") is weak evidence: its terms match weakly.
  const w = weight * SYNONYM_WEIGHT * group.weight;
  let reaches = false;
  for (const codeKey of group.codeKeys) {
    if (!inIndex(index, codeKey)) continue;
    addAlt(draft.alts, codeKey, w);
    reaches = true;
  }
  for (const phrase of group.codePhrases) {
    if (phrase.words.every((keys) => keys.some((k) => inIndex(index, k)))) {
      draft.phrases.push({ words: phrase.words, weight: w });
      reaches = true;
    }
  }
  // Only groups whose code terms occur in this board's code say what the word is about here.
  if (reaches) draft.groupWeight = Math.max(draft.groupWeight ?? 0, group.weight);
}

/** Adds the vocabulary expansions of one word to a unit; returns whether any group matched. */
function expandSynonyms(index: SearchIndex, word: string, draft: UnitDraft, weight: number): boolean {
  let matched = false;
  const seen = new Set<number>();
  for (const key of wordKeys(word)) {
    for (const g of index.vocabulary.byKey.get(key) ?? []) {
      matched = true;
      if (seen.has(g)) continue;
      seen.add(g);
      addGroup(index, g, draft, weight);
    }
  }
  return matched;
}

/** Endings a known word may have beyond the part found in a compound (plural, verb and adjective forms). */
const PART_ENDINGS = ['en', 's', 'e', 't'];
const partSets = new WeakMap<SearchIndex, Set<string>>();

/**
 * Test for compound parts: a known word, possibly with a plural or verb ending in the code. The
 * set of such parts is made once per index: compound splitting tries every substring of every new
 * word, and building the candidate endings for each was most of the index build's work.
 */
function isKnown(index: SearchIndex, part: string): boolean {
  let parts = partSets.get(index);
  if (!parts) {
    parts = new Set<string>();
    for (const word of index.knownWords.keys()) {
      parts.add(word);
      for (const ending of PART_ENDINGS) if (word.length > ending.length && word.endsWith(ending)) parts.add(word.slice(0, -ending.length));
    }
    partSets.set(index, parts);
  }
  return parts.has(part);
}

/**
 * Builds the alternatives of a single word (no splitting); returns whether anything is known about it.
 * `keepAll` keeps the word's own keys even when neither the code nor a stored question has them
 * (for analysing the stored questions themselves, before their index exists).
 */
function fillAlts(index: SearchIndex, word: string, draft: UnitDraft, weight: number, keepAll = false): boolean {
  let known = false;
  for (const k of wordKeys(word)) {
    if (keepAll || inIndex(index, k)) {
      addAlt(draft.alts, k, weight);
      known = true;
    }
  }
  if (expandSynonyms(index, word, draft, weight)) known = true;
  return known || index.knownWords.has(word);
}
