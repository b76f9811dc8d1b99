import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The linter runs inside `npm test` as a test, so a finding counts in CI's "N passed, N failed" line
// like any other failure. Configuration and the reasons for each choice: .oxlintrc.json.
describe('lint', () => {
  it('oxlint (type-aware) finds nothing in src, tools and test', async () => {
    const run = promisify(execFile);
    const result = await run('npx', ['oxlint', '--format', 'unix'], { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 }).then(
      ({ stdout }) => ({ ok: true, output: stdout }),
      (err: { stdout?: string; stderr?: string }) => ({ ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` }),
    );
    expect(result.ok, result.output).toBe(true);
  }, 120_000);
});
