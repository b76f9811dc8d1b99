import type { Config } from '../config.js';
import type { Board } from './board.js';
import { DEFAULT_LEADER_MAPPING_FILES, loadBoardKnowledge, loadLeaderMapping, loadOnboardingCourse, loadPostingDefinition, PER_BOARD_LEADER_MAPPING_FILES, type LeaderMappingSource } from './board-files.js';

/** The settings that say where a board's files are. */
export type BoardSources = Pick<Config, 'knowledgeDir' | 'dialogsDir' | 'dataDir' | 'leaderMappingFile' | 'tenantOrgs'>;

/**
 * Loads everything the bot knows of one board, once, at start: its code (with the questions its
 * sections answer and the out-of-scope examples), posting model, onboarding course and
 * leidinggevende mapping. Throws DataFileError naming the first file that is missing or invalid.
 * `org` was validated by config.ts; each file is checked to belong to it.
 */
export function loadBoard(sources: BoardSources, org: string): Board {
  const { knowledge, questions, outOfScope, silent, analysed, codeIntents } = loadBoardKnowledge(sources.knowledgeDir, org);
  return {
    org,
    organisation: knowledge.organisation,
    title: knowledge.title,
    version: knowledge.version,
    leaderTerm: knowledge.leaderTerm,
    knowledge,
    questions,
    outOfScope,
    silent,
    analysed,
    codeIntents,
    posting: loadPostingDefinition(sources.dialogsDir, org),
    onboardingCourse: loadOnboardingCourse(sources.dialogsDir, org),
    leaders: loadLeaderMapping(leaderMappingSource(sources, org)),
  };
}

/** Every board a deployment serves (one for ORG, one per organisation in TENANT_ORGS), by org id. */
export function loadBoards(sources: BoardSources, orgs: readonly string[]): Map<string, Board> {
  return new Map(orgs.map((org) => [org, loadBoard(sources, org)]));
}

/**
 * One board: LEADER_MAPPING_FILE or DATA_DIR/leaders.yaml, as always. Several: each its own,
 * LEADER_MAPPING_FILE with `{org}` replaced or DATA_DIR/leaders.<org>.yaml, so no board can
 * route a doubt to another board's leidinggevende.
 */
function leaderMappingSource(sources: BoardSources, org: string): LeaderMappingSource {
  const perBoard = sources.tenantOrgs !== undefined;
  const names = (perBoard ? PER_BOARD_LEADER_MAPPING_FILES : DEFAULT_LEADER_MAPPING_FILES).map((n) => n.replaceAll('{org}', org));
  return { file: sources.leaderMappingFile?.replaceAll('{org}', org), dataDir: sources.dataDir, names };
}
