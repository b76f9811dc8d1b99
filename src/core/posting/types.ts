/** The facts the posting dialog can ask about; the same ids for every organisation. */
export const FACT_IDS = [
  'about_school',
  'recognisable_people',
  'written_consent',
  'confidential',
  'others_work',
  'creator_consent',
  'on_behalf_of_school',
  'role_stated',
  'reply_to_pupil_or_parent',
  'could_harm',
  'is_leader',
  'personal_opinion',
  'contact_pupil',
  'unsure',
] as const;

export type FactId = (typeof FACT_IDS)[number];

/** An answer: `null` means "weet ik niet". */
export type FactValue = boolean | null;

/** Answers so far; an absent fact has not been asked (or given) yet. */
export type Facts = Partial<Record<FactId, FactValue>>;

export const VERDICTS = ['ja', 'ja, mits', 'twijfel', 'nee'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * A condition over facts. A fact map is a conjunction (`{ a: true, b: false }` holds when a is
 * true and b is false; a `null` value matches the answer "weet ik niet"); `all`, `any` and `not`
 * combine conditions. The empty map always holds.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | Partial<Record<FactId, FactValue>>;

export interface FactDefinition {
  id: FactId;
  /** The question as shown to the user (Dutch, B1). */
  question: string;
  /** One line: why this matters. */
  why: string;
  /** Section id of the rule the question comes from, e.g. `oog:3.1.8`. */
  source: string;
  /** Only ask when this holds (or is unknown); absent means always askable. */
  askWhen?: Condition;
}

/** What a rule does when its condition is unknown because of a "weet ik niet" answer. */
export type UnknownPolicy = 'twijfel' | 'apply' | 'ignore';

export interface RuleDefinition {
  id: string;
  verdict: Verdict;
  when: Condition;
  /** Section ids that ground this rule. */
  cite: string[];
  /** For "ja, mits": what must hold (Dutch). */
  conditions?: string[];
  /** For "nee" (and "twijfel"): what to do instead (Dutch). */
  alternatives?: string[];
  /** Default: `apply` for "ja, mits", `ignore` for "ja", `twijfel` otherwise. */
  ifUnknown?: UnknownPolicy;
}

/** The decision model of one organisation, from `dialogs/<org>/posting.yaml`. */
export interface PostingDefinition {
  org: string;
  /** Who to consult in doubt, in the code's own word ("leidinggevende", "teamleider"). */
  leaderTerm: string;
  /** Sections cited on every "twijfel" verdict (the code's own doubt rule). */
  doubtCite: string[];
  /** What to do on "twijfel" (Dutch). */
  doubtAdvice: string[];
  /** Questions, in the order the dialog prefers to ask them. */
  facts: FactDefinition[];
  rules: RuleDefinition[];
}

/** A cited rule as shown to the user. */
export interface CitedRule {
  id: string;
  citation: string;
  quote: string;
}

export interface VerdictDecision {
  kind: 'verdict';
  verdict: Verdict;
  /** For "ja, mits": what must hold. */
  conditions: string[];
  /** For "nee" and "twijfel": what to do instead. */
  alternatives: string[];
  /** Cited sections, deciding ones first, without duplicates. */
  rules: CitedRule[];
  /** Ids of the rules of the definition that decided the verdict. */
  decidedBy: string[];
  /** Facts answered "weet ik niet" that made the verdict uncertain. */
  unknownFacts: FactId[];
}

export interface QuestionDecision {
  kind: 'question';
  fact: FactId;
  question: string;
  why: string;
  /** The rule the question comes from, when its section exists. */
  source?: CitedRule;
  progress: { answered: number; remainingAtMost: number };
}

export type Decision = VerdictDecision | QuestionDecision;
