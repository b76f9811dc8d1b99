import { DoubtService, type DoubtServiceDeps } from '../../src/core/doubts/doubt-service.js';
import { createLeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { FakeClock } from './fake-clock.js';

/**
 * The one place tests assemble a DoubtService (production does it in src/composition-root.ts):
 * a store is all it needs; the clock starts on MONDAY, ids count up and nobody leads anybody
 * unless the test says otherwise.
 */
export function testDoubtService(deps: Partial<DoubtServiceDeps> & Pick<DoubtServiceDeps, 'store'>): DoubtService {
  let n = 0;
  return new DoubtService({
    clock: new FakeClock(),
    newId: () => `id-${++n}`,
    directory: createLeaderDirectory({}),
    ...deps,
  });
}
