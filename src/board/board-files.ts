import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateLeaderMapping, type LeaderMapping } from '../core/doubts/leader-mapping.js';
import { validateKnowledge } from '../core/knowledge/parse.js';
import { validateOutOfScopeQuestions, validateSectionQuestions, validateSilentTopics, type SectionQuestions } from '../core/knowledge/questions.js';
import { validateSectionTitles, withTitles, type SectionTitles } from '../core/knowledge/titles.js';
import { validateCodeIntents, type CodeIntentSections } from '../core/knowledge/code-intents.js';
import type { KnowledgeDocument } from '../core/knowledge/types.js';
import { validateOnboardingCourse, type OnboardingCourse } from '../core/onboarding/course-schema.js';
import { validatePostingDefinition } from '../core/posting/schema.js';
import type { PostingDefinition } from '../core/posting/types.js';
import { invalid, type Parsed } from '../core/shared/parsed.js';
import { loadOptionalYaml, loadYaml } from './load-yaml.js';
import { loadAnalysedQuestions } from './analysed-questions-file.js';
import type { AnalysedQuestions } from '../core/retrieval/analysed-questions.js';

// Where each of a board's files lives. Every loader goes through loadYaml, so each refuses a file
// the same way: DataFileError, naming the file and the problems in Dutch.

export function knowledgeFile(knowledgeDir: string, org: string): string {
  return path.join(knowledgeDir, org, 'sections.yaml');
}

export function questionsFile(knowledgeDir: string, org: string): string {
  return path.join(knowledgeDir, org, 'questions.yaml');
}

export function codeIntentsFile(knowledgeDir: string, org: string): string {
  return path.join(knowledgeDir, org, 'code-intents.yaml');
}

/** `knowledge/<org>/code-intents.yaml`: which sections answer the standard questions about the code, or undefined. */
export function loadCodeIntents(knowledgeDir: string, org: string): CodeIntentSections | undefined {
  return loadOptionalYaml(codeIntentsFile(knowledgeDir, org), ofOrg(validateCodeIntents, org));
}

export function titlesFile(knowledgeDir: string, org: string): string {
  return path.join(knowledgeDir, org, 'titles.yaml');
}

export function outOfScopeFile(knowledgeDir: string): string {
  return path.join(knowledgeDir, 'out-of-scope.yaml');
}

export function silentFile(knowledgeDir: string, org: string): string {
  return path.join(knowledgeDir, org, 'silent.yaml');
}

export function postingDefinitionFile(dialogsDir: string, org: string): string {
  return path.join(dialogsDir, org, 'posting.yaml');
}

export function onboardingCourseFile(dialogsDir: string, org: string): string {
  return path.join(dialogsDir, org, 'onboarding.yaml');
}

/** Org ids that have a built knowledge base under `knowledgeDir`, sorted: what ORG may name. */
export function listOrgs(knowledgeDir: string): string[] {
  if (!existsSync(knowledgeDir)) return [];
  return readdirSync(knowledgeDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(knowledgeFile(knowledgeDir, entry.name)))
    .map((entry) => entry.name)
    .sort();
}

/** A validator that also checks the file's `org:` is the board it was loaded for. */
function ofOrg<T extends { org: string }>(validate: (data: unknown) => Parsed<T>, org: string): (data: unknown) => Parsed<T> {
  return (data) => {
    const result = validate(data);
    return result.ok && result.value.org !== org ? invalid(`org is "${result.value.org}", verwacht "${org}"`) : result;
  };
}

/** `knowledge/<org>/sections.yaml`: the board's code. */
export function loadKnowledge(knowledgeDir: string, org: string): KnowledgeDocument {
  const knowledge = loadYaml(knowledgeFile(knowledgeDir, org), ofOrg(validateKnowledge, org), {
    missing: `het bestand bestaat niet; draai eerst: npm run knowledge:build -- --org ${org}`,
  });
  const titles = loadSectionTitles(knowledgeDir, org);
  return titles ? withTitles(knowledge, titles) : knowledge;
}

/** `knowledge/<org>/titles.yaml`: hand-written section titles, or undefined (knowledge:build reports it). */
export function loadSectionTitles(knowledgeDir: string, org: string): SectionTitles | undefined {
  return loadOptionalYaml(titlesFile(knowledgeDir, org), ofOrg(validateSectionTitles, org));
}

/**
 * `knowledge/<org>/questions.yaml`, or undefined when the board has none yet (it then answers from
 * the code's own words only; `npm run knowledge:build` reports it).
 */
export function loadSectionQuestions(knowledgeDir: string, org: string): SectionQuestions | undefined {
  return loadOptionalYaml(questionsFile(knowledgeDir, org), ofOrg(validateSectionQuestions, org));
}

/** `knowledge/out-of-scope.yaml`: questions no board's code answers, or none without the file. */
export function loadOutOfScopeQuestions(knowledgeDir: string): string[] {
  return loadOptionalYaml(outOfScopeFile(knowledgeDir), validateOutOfScopeQuestions) ?? [];
}

/** `knowledge/<org>/silent.yaml`: questions close to the domain this board's code does not answer, or none without the file. */
export function loadSilentQuestions(knowledgeDir: string, org: string): string[] {
  return loadOptionalYaml(silentFile(knowledgeDir, org), ofOrg(validateSilentTopics, org))?.questions ?? [];
}

/** What retrieval knows of a board: its code, the questions its sections answer, and what is out of scope. */
export interface BoardKnowledge {
  knowledge: KnowledgeDocument;
  questions: SectionQuestions | undefined;
  outOfScope: string[];
  /** What this board's code is silent on (`silent.yaml`). */
  silent: string[];
  /** The questions as knowledge:build analysed them, when that file exists (the index checks it fits). */
  analysed: AnalysedQuestions | undefined;
  /** Which sections answer the standard questions about the code itself, when the board has the file. */
  codeIntents: CodeIntentSections | undefined;
}

export function loadBoardKnowledge(knowledgeDir: string, org: string): BoardKnowledge {
  return {
    knowledge: loadKnowledge(knowledgeDir, org),
    questions: loadSectionQuestions(knowledgeDir, org),
    outOfScope: loadOutOfScopeQuestions(knowledgeDir),
    silent: loadSilentQuestions(knowledgeDir, org),
    analysed: loadAnalysedQuestions(knowledgeDir, org),
    codeIntents: loadCodeIntents(knowledgeDir, org),
  };
}


/** `dialogs/<org>/posting.yaml`: the "Mag ik dit posten?" decision model. */
export function loadPostingDefinition(dialogsDir: string, org: string): PostingDefinition {
  return loadYaml(postingDefinitionFile(dialogsDir, org), ofOrg(validatePostingDefinition, org));
}

/** `dialogs/<org>/onboarding.yaml`: the onboarding course. */
export function loadOnboardingCourse(dialogsDir: string, org: string): OnboardingCourse {
  return loadYaml(onboardingCourseFile(dialogsDir, org), ofOrg(validateOnboardingCourse, org));
}

/** Default file names of the leidinggevende mapping in DATA_DIR, tried in this order; `{org}` is the board's id. */
export const DEFAULT_LEADER_MAPPING_FILES = ['leaders.yaml', 'leaders.yml', 'leaders.json'];
export const PER_BOARD_LEADER_MAPPING_FILES = ['leaders.{org}.yaml', 'leaders.{org}.yml', 'leaders.{org}.json'];

/** Where a board's leidinggevende mapping is looked for: the configured file, else these names in `dataDir`. */
export interface LeaderMappingSource {
  file: string | undefined;
  dataDir: string;
  /** Default names (DEFAULT_LEADER_MAPPING_FILES unless one deployment serves several boards). */
  names?: readonly string[];
}

/**
 * The board's leidinggevende mapping (YAML or JSON). A configured file (LEADER_MAPPING_FILE) must
 * exist; otherwise the default names in `dataDir` are tried and undefined means "no mapping"
 * (Graph or nothing routes).
 */
export function loadLeaderMapping(source: LeaderMappingSource): { mapping: LeaderMapping; file: string } | undefined {
  if (source.file) {
    return { mapping: loadYaml(source.file, validateLeaderMapping, { missing: 'het bestand bestaat niet (controleer LEADER_MAPPING_FILE)' }), file: source.file };
  }
  for (const name of source.names ?? DEFAULT_LEADER_MAPPING_FILES) {
    const file = path.join(source.dataDir, name);
    const mapping = loadOptionalYaml(file, validateLeaderMapping);
    if (mapping) return { mapping, file };
  }
  return undefined;
}
