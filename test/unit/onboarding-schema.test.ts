import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onboardingCourseJsonSchema, validateOnboardingCourse } from '../../src/core/onboarding/course-schema.js';
import { loadOnboardingCourse } from '../../src/board/board-files.js';
import { DataFileError } from '../../src/board/load-yaml.js';
import { demoCourseData } from './onboarding-fixtures.js';

describe('dialogs/schema/onboarding.schema.json', () => {
  // Regenerate after changing the zod schema: npx vitest run test/unit/onboarding-schema.test.ts -u
  it('is generated from the zod schema and up to date', async () => {
    await expect(`${JSON.stringify(onboardingCourseJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../dialogs/schema/onboarding.schema.json');
  });
});

describe('validateOnboardingCourse', () => {
  type Data = ReturnType<typeof demoCourseData>;
  const cases: [string, (d: Data) => unknown, RegExp | null][] = [
    ['a valid course', (d) => d, null],
    ['5 steps', (d) => ({ ...d, steps: d.steps.slice(0, 5) }), /steps/],
    ['11 steps', (d) => ({ ...d, steps: [...d.steps, ...d.steps.slice(0, 5)].map((s, i) => ({ ...s, id: `s${i}` })) }), /steps/],
    ['duplicate step ids', (d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, id: 'zelfde' })) }), /uniek/],
    ['no correct option', (d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, quiz: { ...s.quiz, options: s.quiz.options.map((o) => ({ ...o, correct: false })) } })) }), /precies één/],
    ['two correct options', (d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, quiz: { ...s.quiz, options: s.quiz.options.map((o) => ({ ...o, correct: true })) } })) }), /precies één/],
    ['one option', (d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, quiz: { ...s.quiz, options: s.quiz.options.slice(0, 1) } })) }), /options/],
    ['a bad section id', (d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, rule: { ...s.rule, section: '3.1.8' } })) }), /sectie-id/],
    ['an unknown field', (d) => ({ ...d, extra: true }), /extra/],
    ['an empty quote', (d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, rule: { ...s.rule, quote: ' ' } })) }), /quote/],
  ];
  it.each(cases)('%s', (_label, mutate, error) => {
    const result = validateOnboardingCourse(mutate(demoCourseData()));
    if (error === null) expect(result.ok).toBe(true);
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.join('\n')).toMatch(error);
    }
  });
});

describe('loadOnboardingCourse', () => {
  async function dialogsWith(content: string | undefined): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'onboarding-'));
    await mkdir(path.join(dir, 'demo'));
    if (content !== undefined) await writeFile(path.join(dir, 'demo', 'onboarding.yaml'), content);
    return dir;
  }

  it('loads a valid YAML course', async () => {
    const dir = await dialogsWith(JSON.stringify(demoCourseData()));
    expect(loadOnboardingCourse(dir, 'demo').steps).toHaveLength(6);
  });

  it.each([
    ['missing file', undefined, /bestaat niet/],
    ['broken YAML', 'steps: [', /geen geldige YAML/],
    ['invalid course', 'org: demo\nsteps: []', /title/],
    ['course of another org', JSON.stringify({ ...demoCourseData(), org: 'ander' }), /verwacht "demo"/],
  ])('rejects a %s with a Dutch message', async (_label, content, message) => {
    const dir = await dialogsWith(content);
    expect(() => loadOnboardingCourse(dir, 'demo')).toThrow(DataFileError);
    expect(() => loadOnboardingCourse(dir, 'demo')).toThrow(message);
  });
});
