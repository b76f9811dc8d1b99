import { distance } from 'fastest-levenshtein';
import { splitCompound } from './compounds.js';
import type { SearchIndex } from './index.js';
import { tokenize } from './normalize.js';
import { stem, wordKeys } from './stem.js';
import { isStopword } from './stopwords.js';

/** Weight of keys reached through the vocabulary (a synonym is weaker evidence than the word itself). */
export const SYNONYM_WEIGHT = 0.65;
/** Weight of keys reached by correcting a typo. */
export const TYPO_WEIGHT = 0.75;
/** Weight of keys of a compound's parts when the whole compound is not in the code. */
export const QUERY_PART_WEIGHT = 0.8;
/** Pseudo-key (never in an index) marking a unit that matched a domain theme of the vocabulary. */
const DOMAIN_MARK = '\u0001domain';

/** One concept of the question: a content word with the keys that may stand for it. */
export interface QueryUnit {
  /** The word as typed (normalised). */
  surface: string;
  /** Index key → how strongly a hit on it counts (1 = the word itself). */
  alts: Map<string, number>;
  /** Phrase-only units (e.g. "mag dat") add evidence but do not count towards coverage. */
  optional: boolean;
  /** Position among the question's content words (for bigram bonuses). */
  position: number;
}

/** A question analysed against one board's index. */
export interface AnalyzedQuery {
  units: QueryUnit[];
  /** Whether anything in the question is about social media / online conduct. */
  inDomain: boolean;
}

/** Maximum edit distance accepted as a typo, by word length. */
export function typoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 8) return 1;
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

function addAlt(alts: Map<string, number>, key: string, weight: number): void {
  if ((alts.get(key) ?? 0) < weight) alts.set(key, weight);
}

function inIndex(index: SearchIndex, key: string): boolean {
  return index.df.has(key);
}

/** Adds the vocabulary expansions of one word to a unit; returns whether any group matched. */
function expandSynonyms(index: SearchIndex, word: string, alts: Map<string, number>, weight: number): boolean {
  let matched = false;
  for (const key of wordKeys(word)) {
    for (const g of index.vocabulary.byKey.get(key) ?? []) {
      matched = true;
      const group = index.vocabulary.groups[g];
      if (group?.domain) alts.set(DOMAIN_MARK, 0);
      for (const codeKey of group?.codeKeys ?? []) addAlt(alts, codeKey, weight * SYNONYM_WEIGHT);
    }
  }
  return matched;
}

/** Cheap test for compound parts: a known word, possibly with a plural or verb ending in the code. */
function isKnown(index: SearchIndex, part: string): boolean {
  const known = index.knownWords;
  return known.has(part) || known.has(`${part}en`) || known.has(`${part}s`) || known.has(`${part}e`) || known.has(`${part}t`);
}

/** Builds the alternatives of a single word (no splitting); returns whether anything is known about it. */
function fillAlts(index: SearchIndex, word: string, alts: Map<string, number>, weight: number): boolean {
  let known = false;
  for (const k of wordKeys(word)) {
    if (inIndex(index, k)) {
      addAlt(alts, k, weight);
      known = true;
    }
  }
  if (expandSynonyms(index, word, alts, weight)) known = true;
  return known || index.knownWords.has(word);
}

/**
 * Analyses a question: normalises and tokenises it, drops stop words, and for each content word
 * collects the index keys that may stand for it (its stems, compound parts, synonyms from the
 * vocabulary, or a typo correction), each with a weight.
 */
export function analyzeQuery(index: SearchIndex, question: string): AnalyzedQuery {
  const tokens = tokenize(question);
  const units: QueryUnit[] = [];
  const stems = tokens.map(stem);

  // Multi-word vocabulary entries ("mag dat", "weet niet") match on consecutive stems.
  const phraseHits: Array<{ start: number; end: number; group: number }> = [];
  for (const phrase of index.vocabulary.phrases) {
    for (let i = 0; i + phrase.stems.length <= stems.length; i++) {
      if (phrase.stems.every((s, j) => stems[i + j] === s)) phraseHits.push({ start: i, end: i + phrase.stems.length, group: phrase.group });
    }
  }

  let position = 0;
  const unitAtToken = new Map<number, QueryUnit>();
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    // The board's own name ("konot", "kempenkind") says nothing about the topic.
    if (!word || isStopword(word) || index.orgWords.has(word)) continue;
    if (/^\d+$/.test(word) && !inIndex(index, word)) continue;
    const alts = new Map<string, number>();
    let known = fillAlts(index, word, alts, 1);
    if (word.length >= 6) {
      const parts = splitCompound(word, (p) => !isStopword(p) && isKnown(index, p));
      if (parts) {
        for (const part of parts) fillAlts(index, part, alts, known ? 0.5 : QUERY_PART_WEIGHT);
        known = true;
      }
    }
    if (!known) {
      const corrected = correctTypo(word, index.knownWords);
      if (corrected) fillAlts(index, corrected, alts, TYPO_WEIGHT);
    }
    const unit: QueryUnit = { surface: word, alts, optional: false, position: position++ };
    units.push(unit);
    unitAtToken.set(i, unit);
  }

  for (const hit of phraseHits) {
    const codeKeys = index.vocabulary.groups[hit.group]?.codeKeys ?? [];
    let target: QueryUnit | undefined;
    for (let i = hit.start; i < hit.end && !target; i++) target = unitAtToken.get(i);
    if (!target) {
      target = { surface: tokens.slice(hit.start, hit.end).join(' '), alts: new Map(), optional: true, position: -1 };
      units.push(target);
    }
    for (const key of codeKeys) addAlt(target.alts, key, SYNONYM_WEIGHT);
  }

  const domainKeys = index.vocabulary.domainKeys;
  const inDomain =
    units.some((u) => u.alts.has(DOMAIN_MARK) || wordKeys(u.surface).some((k) => domainKeys.has(k))) ||
    phraseHits.some((h) => index.vocabulary.groups[h.group]?.domain === true);
  return { units, inDomain };
}
