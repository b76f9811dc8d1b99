import type { Config } from '../config.js';
import type { Board } from './board.js';
import { loadBoardKnowledge, loadLeaderMapping, loadOnboardingCourse, loadPostingDefinition } from './board-files.js';

/** The settings that say where a board's files are. */
export type BoardSources = Pick<Config, 'knowledgeDir' | 'dialogsDir' | 'dataDir' | 'leaderMappingFile'>;

/**
 * Loads everything the bot knows of one board, once, at start: its code (with the questions its
 * sections answer and the out-of-scope examples), posting model, onboarding course and
 * leidinggevende mapping. Throws DataFileError naming the first file that is missing or invalid.
 * `org` was validated by config.ts; each file is checked to belong to it.
 */
export function loadBoard(sources: BoardSources, org: string): Board {
  const { knowledge, questions, outOfScope } = loadBoardKnowledge(sources.knowledgeDir, org);
  return {
    org,
    organisation: knowledge.organisation,
    title: knowledge.title,
    version: knowledge.version,
    leaderTerm: knowledge.leaderTerm,
    knowledge,
    questions,
    outOfScope,
    posting: loadPostingDefinition(sources.dialogsDir, org),
    onboardingCourse: loadOnboardingCourse(sources.dialogsDir, org),
    leaders: loadLeaderMapping({ file: sources.leaderMappingFile, dataDir: sources.dataDir }),
  };
}
