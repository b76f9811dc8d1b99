import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster, type PgCluster } from '../../tools/lib/pg-cluster.js';

let cluster: PgCluster | undefined;

/**
 * Gives the PostgreSQL tests a superuser URL: TEST_DATABASE_URL when set, else a throwaway cluster
 * started here (and stopped in teardown). Without PostgreSQL the tests skip, except in CI, where
 * .ci/run installs it and a missing database is a failure.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL ?? '';
  if (!url && findPgBin()) {
    cluster = await startPgCluster();
    url = cluster.url;
  }
  if (!url && process.env.CI) throw new Error('CI needs PostgreSQL for the store tests; .ci/run installs it (apt-get install postgresql).');
  project.provide('pgAdminUrl', url);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
