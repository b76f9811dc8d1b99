import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'tools/decide.ts', ...args], { encoding: 'utf8' });

describe('npm run decide', () => {
  it('prints one JSON object: the next question while open, the verdict with cited rules when decided', () => {
    const open = run('--org', 'oog', '--facts', '{"about_school":true,"recognisable_people":true}');
    expect(open.status).toBe(0);
    expect(JSON.parse(open.stdout)).toEqual({ verdict: null, conditions: [], alternatives: [], rules: [], next: 'written_consent' });

    const decided = run('--org', 'oog', '--facts', '{"recognisable_people":true,"written_consent":false}');
    expect(decided.status).toBe(0);
    const output = JSON.parse(decided.stdout) as { verdict: string; next: null; rules: { id: string; citation: string; quote: string }[] };
    expect(output).toMatchObject({ verdict: 'nee', next: null });
    expect(output.rules[0]).toMatchObject({ id: 'oog:3.1.8' });
    expect(output.rules[0]?.quote).toContain('schriftelijk vastgelegde toestemming');
  });

  it.each([
    [['--facts', '{}'], /--org ontbreekt/],
    [['--org', 'oog', '--facts', '{nope'], /geen geldige JSON/],
    [['--org', 'oog', '--facts', '{"colour":true}'], /onbekend feit "colour"/],
    [['--org', 'oog', '--facts', '{"unsure":"ja"}'], /true, false of null/],
    [['--org', 'nergens'], /niet gevonden|bestaat niet/],
    [['--bogus'], /bogus/],
  ])('rejects %j with a clear message and exit code 2', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
