import type { AppDeps, AppStore } from '../../src/teams/deps.js';
import type { Board } from '../../src/board/board.js';
import { createMemoryDataStore } from './memory-store/create-memory-data-store.js';
import type { PostingDefinition } from '../../src/core/posting/types.js';
import type { AnswerResult } from '../../src/core/answering/types.js';
import type { KnowledgeDocument, Section } from '../../src/core/knowledge/types.js';
import { silentLogger } from '../../src/infra/logger.js';
import { testDoubtService } from './doubt-service.js';
import { createLeaderDirectory, type LeaderDirectory } from '../../src/core/doubts/leader-directory.js';

/** A tiny knowledge document for shell tests that must not depend on retrieval quality. */
export const STUB_SECTION: Section = {
  id: 'test:3.1.8',
  org: 'oog',
  headingPath: ['3 Richtlijnen', '3.1 Richtlijnen sociale media voor medewerkers'],
  rule: '8',
  audience: ['medewerkers'],
  text: 'Plaats dus nooit foto\'s, video\'s of andere uitingen, van leerlingen of collega\'s op sociale media, waarvoor je geen schriftelijk vastgelegde toestemming hebt.',
};

export const STUB_KNOWLEDGE: KnowledgeDocument = {
  org: 'oog',
  organisation: 'Openbaar Onderwijs Groningen',
  title: 'Code Sociale Media',
  version: 'december 2024',
  leaderTerm: 'leidinggevende',
  contentHash: 'stub',
  sections: [STUB_SECTION],
};

/** A board around the stub knowledge, with an empty posting model and course. */
export const STUB_BOARD: Board = {
  org: 'oog',
  organisation: STUB_KNOWLEDGE.organisation,
  title: STUB_KNOWLEDGE.title,
  version: STUB_KNOWLEDGE.version,
  leaderTerm: STUB_KNOWLEDGE.leaderTerm,
  knowledge: STUB_KNOWLEDGE,
  questions: undefined,
  outOfScope: [],
  silent: [],
  analysed: undefined,
  codeIntents: undefined,
  posting: { org: 'oog', facts: [], rules: [] } as unknown as PostingDefinition,
  onboardingCourse: { org: 'oog', title: 'Test', intro: 'Test', steps: [] },
  leaders: undefined,
};

/** Answers questions mentioning "foto" with the stub section and declines everything else. */
export function stubAnswer(question: string): AnswerResult {
  if (/foto/i.test(question)) {
    return {
      kind: 'answer',
      best: { section: STUB_SECTION, quote: STUB_SECTION.text, citation: 'Openbaar Onderwijs Groningen, Code Sociale Media, 3.1 Richtlijnen sociale media voor medewerkers, regel 8' },
      related: [],
      confidence: 0.9,
    };
  }
  return { kind: 'not_found', confidence: 0.1 };
}

/** In-memory dependencies with a fixed clock and counting ids; doubts route through `directory` (nobody by default). */
export function stubDeps(
  overrides: Partial<Omit<AppDeps, 'config'>> = {},
  options: { directory?: LeaderDirectory } = {},
): { deps: Omit<AppDeps, 'config'>; store: AppStore } {
  const store: AppStore = overrides.store ?? createMemoryDataStore();
  let n = 0;
  const clock = overrides.clock ?? { now: () => new Date('2026-11-23T09:00:00Z') };
  const newId = overrides.newId ?? (() => `id-${++n}`);
  const doubts =
    overrides.doubts ??
    testDoubtService({
      store: store.doubts,
      clock,
      newId,
      directory: options.directory ?? createLeaderDirectory({}),
      canReach: async (key) => (await store.conversations.get(key)) !== undefined,
      closedIndex: store.closedDoubts,
    });
  const deps: Omit<AppDeps, 'config'> = {
    board: STUB_BOARD,
    answer: async (question) => stubAnswer(question),
    store,
    posting: { swearWords: [], extraNames: [] },
    clock,
    newId,
    logger: silentLogger(),
    ...overrides,
    doubts,
  };
  return { deps, store };
}
