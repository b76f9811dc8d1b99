import { detectCodeIntent } from './code-intent.js';
import type { CodeIntent } from '../knowledge/code-intents.js';
import { tokenize } from './normalize.js';
import type { SearchIndex } from './index.js';
import { stem, wordKeys } from './stem.js';
import { isStopword } from './stopwords.js';
import type { VocabularyAudience } from './vocabulary.js';
import { addGroup, DOMAIN_MARK, inIndex, wordDraft, type UnitDraft } from './word-analysis.js';

export { correctTypo, QUERY_PART_WEIGHT, SYNONYM_WEIGHT, TYPO_WEIGHT, typoBudget } from './word-analysis.js';
export { altsOf, matchUnit, matchUnitIn } from './unit-match.js';

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
  /** Multi-word code terms reached through the vocabulary; each matches only where all its words occur. */
  phrases: Array<{ words: string[][]; weight: number }>;
  /** How much this word says about the topic (0..1): low for "code", "online", "insta". */
  importance: number;
  /**
   * True when the word only names a tool or an operation on it (platform, account, post, photo):
   * every vocabulary group it reached is a tool group. Such words alone do not make a question
   * one the code answers.
   */
  tool: boolean;
}

/** Pronouns that make the asker (a staff member) the subject of the question. */
const FIRST_PERSON = new Set(['ik', 'we', 'wij', 'je', 'jij', 'u']);
/** Question words after which the next content word names what is asked for ("welke straffen"). */
const FOCUS_MARKERS = new Set(['welke', 'welk', 'hoeveel']);
/** Extra importance of the word a "welke ..." question asks for. */
const FOCUS_BOOST = 1.5;
/**
 * Extra importance of the words of the asking clause in "context, question?" messages
 * ("een leerling bedreigt een docent online, kunnen we hem schorsen?").
 */
const ASK_BOOST = 1.4;

/** A clause that starts with a conjunction qualifies the question before it ("…, ook als …"). */
const SUBORDINATE = /^\s*(?:ook |zelfs |juist |maar |vooral )?(?:als|omdat|want|terwijl|zodat|hoewel|ondanks|tenzij|zonder dat|nadat|voordat)\b/i;

/** The shortest first and last part of a compound read as "a kind of social-media word" ("dorps|app"). */
const MIN_DOMAIN_MODIFIER = 3;
const MIN_DOMAIN_TAIL = 3;
/** ... and the shortest first part read as "about a social-media word" ("sexting|zaak"). */
const MIN_DOMAIN_HEAD = 6;
const VERB_PARTICLE = /^(?:aan|af|bij|door|in|mee|na|neer|om|onder|op|over|rond|samen|terug|toe|uit|vast|voor|weg|los)/;

/**
 * A compound whose last part is a social-media word is one too ("dorpsapp", "klassenchat",
 * "buurtgroepsapp"): Dutch compounds name a kind of their last part.
 */
function endsInDomainWord(word: string, domainWords: ReadonlySet<string>): boolean {
  // "uitdelen" (hand out) is a verb of its own, not a kind of "delen" (share online).
  if (VERB_PARTICLE.test(word)) return false;
  // The last part as written, not its stem: "kerstborrel" ends in the stem of "reel", not in a word.
  for (let start = MIN_DOMAIN_MODIFIER; start <= word.length - MIN_DOMAIN_TAIL; start++) if (domainWords.has(word.slice(start))) return true;
  return false;
}

/**
 * A compound whose first part is a long social-media word is about it too ("sextingzaak",
 * "instagramaccount"); short ones are left out ("post|code", "app|el", "insta|biel").
 */
function startsWithDomainWord(word: string, domainWords: ReadonlySet<string>): boolean {
  for (let end = MIN_DOMAIN_HEAD; end <= word.length - MIN_DOMAIN_TAIL; end++) if (domainWords.has(word.slice(0, end))) return true;
  return false;
}

/** Token index where the asking clause starts, or `count` (no boost) when the message has one clause. */
function askClauseStart(question: string, count: number): number {
  const trimmed = question.trim().replace(/[?!.\s]+$/, '');
  // Only a comma separates context from the question; after a "?" usually comes more context.
  let cut = trimmed.lastIndexOf(',');
  // "kan de school iets doen, ook als zijn kind hier zit?": a clause that starts with a conjunction
  // qualifies the question before it; the asking clause is the one before that comma.
  while (cut > 0 && SUBORDINATE.test(trimmed.slice(cut + 1))) cut = trimmed.lastIndexOf(',', cut - 1);
  if (cut <= 0) return count;
  const before = tokenize(trimmed.slice(0, cut)).length;
  return before > 0 && before < count ? before : count;
}

/** Pronouns after the verb of a "hoe ... ik" question. */
const ASKER_PRONOUNS = new Set(['ik', 'je', 'jij', 'we', 'wij', 'u', 'men']);
/** Modal verbs: in "hoe kan ik ... instellen" the verb that matters comes last. */
const MODALS = new Set(['kan', 'kun', 'kunnen', 'moet', 'moeten', 'mag', 'mogen', 'zou', 'zal', 'wil']);
/**
 * Verbs (and the separable particle "om" of "omgaan") that ask how to behave, not how to operate
 * something: "hoe ga ik om met ...", "hoe reageer ik op ...". Compared on their stems.
 */
const CONDUCT_VERBS = new Set(
  `ga gaan om omgaan reageer reageren handel handelen voorkom voorkomen meld melden pak aanpakken bespreek
  bespreken zorg zorgen gedraag gedragen houd hou houden bescherm beschermen herken herkennen spreek aanspreken
  betrek betrekken leg uitleggen weet weten word worden blijf blijven vermijd vermijden help helpen begeleid
  begeleiden ondersteun ondersteunen informeer informeren waarschuw waarschuwen corrigeer corrigeren sta staan
  los oplossen verantwoord`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);

const CODE_NAMES = new Set(['code', 'gedragscode', 'protocol', 'protocollen', 'socialmediaprotocol', 'richtlijnen']);
const CODE_DETERMINERS = new Set(['die', 'deze', 'de', 'het', 'dit', 'onze', 'ons', 'dat']);
/** "die code", "het protocol", "ons social media protocol": the question is about the code itself. */
function namesTheCode(tokens: readonly string[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (CODE_NAMES.has(tokens[i]!) && (CODE_DETERMINERS.has(tokens[i - 1]!) || (tokens[i - 1] === 'media' && CODE_DETERMINERS.has(tokens[i - 3] ?? '')))) return true;
  return false;
}

/**
 * True for "how do I operate this" questions ("hoe maak ik een account aan?", "hoe kan ik een reel
 * uploaden?"): "hoe" near the start, then a verb and the asker, where the verb is not one of
 * behaving ("hoe ga ik om met", "hoe reageer ik"), or "hoe" last after such a verb ("insta op prive
 * zetten hoe"); and not about the code itself. The codes hold rules of conduct, not manuals.
 * Exported for tests.
 */
export function asksForProcedure(tokens: readonly string[]): boolean {
  // "hoe vertalen we die code naar onze school?" asks how to use the code, which the code may answer.
  if (namesTheCode(tokens)) return false;
  // Typed on a phone, "hoe" comes last: "insta op prive zetten hoe", "account verwijderen hoe dan".
  const end = tokens.at(-1) === 'hoe' ? tokens.length - 1 : tokens.at(-2) === 'hoe' && tokens.at(-1) === 'dan' ? tokens.length - 2 : -1;
  if (end > 1) return operates(tokens[end - 1]!);
  const at = tokens.indexOf('hoe');
  if (at < 0 || at > 3) return false;
  const verb = tokens[at + 1];
  if (!verb || !ASKER_PRONOUNS.has(tokens[at + 2] ?? '')) return false;
  if (!MODALS.has(verb)) return !CONDUCT_VERBS.has(stem(verb));
  // After a modal, the main verb ends the clause: "hoe kan ik een account aanmaken".
  return operates(tokens[tokens.length - 1] ?? '');
}

const PERMISSION = /(?:^| )(?:mag (?:ik|je|dat|het|dit|men|een|we|wij)|mogen (?:we|wij|ik|docenten|leerkrachten)|is (?:dat|dit|het) (?:wel |nou |eigenlijk )?(?:ok|oke|okay|toegestaan|goed|verboden|erg)|kan (?:dat|dit) (?:zomaar|wel|eigenlijk)|toegestaan|verboden)(?: |$)/;

/** Asks whether something is allowed: "mag ik/je/dat/het", "is dat ok/toegestaan", "kan dat zomaar". */
export function asksPermission(tokens: readonly string[]): boolean {
  return PERMISSION.test(tokens.join(' '));
}

/** An infinitive that is no verb of behaving ("zetten", "aanmaken"; not "reageren", "omgaan"). */
function operates(verb: string): boolean {
  return !CONDUCT_VERBS.has(stem(verb)) && /(en|eren)$/.test(verb) && !isStopword(verb);
}

/** A question analysed against one board's index. */
export interface AnalyzedQuery {
  units: QueryUnit[];
  /** The question asks how to operate something (see asksForProcedure). */
  procedure: boolean;
  /** Whether anything in the question is about social media / online conduct. */
  inDomain: boolean;
  /** The question asks whether something is allowed ("mag ik …", "mag dat?", "is dat ok?"). */
  permission: boolean;
  /**
   * Who the question is about: the first of "ik/we" (staff) or a word naming pupils, parents or
   * staff. "mag een leerling ..." is about pupils, "mag ik een leerling ..." about the asker.
   */
  subject?: VocabularyAudience;
  /** Every group of people the question names. */
  mentions: Set<VocabularyAudience>;
  /** The standard question about the code itself it asks, if any (not for stored questions). */
  codeIntent?: CodeIntent;
}


/**
 * Analyses a question: normalises and tokenises it, drops stop words, and for each content word
 * collects the index keys that may stand for it (its stems, compound parts, synonyms from the
 * vocabulary, or a typo correction), each with a weight.
 */
export function analyzeQuery(index: SearchIndex, question: string, options: { stored?: boolean } = {}): AnalyzedQuery {
  // A stored question (reviewed text) keeps all its words and is not "corrected" towards the code.
  const stored = options.stored ?? false;
  const tokens = tokenize(question);
  const units: QueryUnit[] = [];
  const stems = tokens.map(stem);

  // Multi-word vocabulary entries ("mag dat", "weet niet") match on consecutive stems.
  const phraseHits: Array<{ start: number; end: number; group: number }> = [];
  for (let i = 0; i < stems.length; i++) {
    for (const phrase of index.vocabulary.phrasesByFirst.get(stems[i]!) ?? []) {
      if (i + phrase.stems.length <= stems.length && phrase.stems.every((s, j) => stems[i + j] === s)) {
        phraseHits.push({ start: i, end: i + phrase.stems.length, group: phrase.group });
      }
    }
  }

  let position = 0;
  let subject: VocabularyAudience | undefined;
  const mentions = new Set<VocabularyAudience>();
  const unitAtToken = new Map<number, QueryUnit>();
  let focusNext = false;
  const askStart = askClauseStart(question, tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    if (!word) continue;
    if (FIRST_PERSON.has(word) && !subject) subject = 'medewerkers';
    if (FOCUS_MARKERS.has(word)) focusNext = true;
    // The board's own name ("konot", "kempenkind") says nothing about the topic.
    if (isStopword(word) || index.orgWords.has(word)) continue;
    // A number or a class ("4vwo", "3havo", "2b", "2e") places the story; it names no topic.
    if (/^\d+[a-z]{0,4}$/.test(word) && !inIndex(index, word)) continue;
    const draft = wordDraft(index, word, stored);
    for (const a of draft.audiences) mentions.add(a);
    if (!subject && draft.audiences.size > 0) subject = [...draft.audiences][0];
    const importance = (draft.groupWeight ?? draft.anyGroupWeight ?? 1) * (focusNext ? FOCUS_BOOST : 1) * (i >= askStart ? ASK_BOOST : 1);
    focusNext = false;
    const tool = draft.toolGroups > 0 && draft.topicGroups === 0;
    const unit: QueryUnit = { surface: word, alts: draft.alts, optional: false, position: position++, phrases: draft.phrases, importance, tool };
    units.push(unit);
    unitAtToken.set(i, unit);
  }

  // A word's alternatives and phrases are its remembered draft's, shared with other questions (see
  // wordDraft): a unit a phrase adds to gets its own copies first, once.
  const owned = new Set<QueryUnit>();
  for (const hit of phraseHits) {
    let target: QueryUnit | undefined;
    for (let i = hit.start; i < hit.end; i++) {
      const unit = unitAtToken.get(i);
      if (!unit) continue;
      if (!target) target = unit;
      else {
        // "vrije tijd", "sociale media", "fb groep" are one concept: the phrase's first word carries
        // it, the other words no longer count on their own ("tijd" would match "onbepaalde tijd").
        unit.optional = true;
        unit.importance = 0;
      }
    }
    if (!target) {
      target = { surface: tokens.slice(hit.start, hit.end).join(' '), alts: new Map(), optional: true, position: -1, phrases: [], importance: 1, tool: false };
      units.push(target);
    } else if (!owned.has(target)) {
      target.alts = new Map(target.alts);
      target.phrases = [...target.phrases];
    }
    owned.add(target);
    const draft: UnitDraft = { alts: target.alts, phrases: target.phrases, audiences: new Set(), toolGroups: 0, topicGroups: 0 };
    addGroup(index, hit.group, draft, 1);
    if (draft.topicGroups > 0) target.tool = false;
    // A phrase of only function words that names a topic of this code ("me niet aan houden" for the
    // sanctions) is the question's concept: it counts towards coverage like a content word.
    if (target.position === -1 && draft.topicGroups > 0 && draft.groupWeight !== undefined) {
      target.optional = false;
      target.importance = draft.groupWeight;
    } else if (draft.topicGroups > 0 && draft.groupWeight !== undefined && target.importance < draft.groupWeight) {
      // "erbij zetten" (mention it) is a topic where "zetten" alone only says posting: the phrase's weight.
      target.importance = draft.groupWeight;
    }
  }

  const { domainKeys, domainWords } = index.vocabulary;
  const inDomain =
    units.some((u) => u.alts.has(DOMAIN_MARK) || wordKeys(u.surface).some((k) => domainKeys.has(k)) || endsInDomainWord(u.surface, domainWords) || startsWithDomainWord(u.surface, domainWords)) ||
    phraseHits.some((h) => index.vocabulary.groups[h.group]?.domain === true);
  const codeIntent = options.stored ? undefined : detectCodeIntent(question, tokens);
  return { units, inDomain, procedure: asksForProcedure(tokens), permission: asksPermission(tokens), mentions, ...(subject ? { subject } : {}), ...(codeIntent ? { codeIntent } : {}) };
}
