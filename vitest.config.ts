import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL cluster for the whole run (skipped without PostgreSQL outside CI).
    globalSetup: ['test/support/pg-global-setup.ts'],
    // Bot-level tests start real HTTP servers; keep them isolated per file.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
