import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers from the README ("Architecture"): an import may only run down. core is pure; teams
// (handlers) and cards sit on core; app wires everything and nothing but the entry points imports it.
// Ingestion and seeding (tools/lib) and the fakes (test/support) sit outside src, beside what uses them.
const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each file's imports: src-relative paths for local ones, the package name otherwise. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), s)) : s));
}

const files = sourceFiles(SRC).map((f) => ({ file: path.relative(SRC, f), imports: importsOf(f) }));

function violations(from: (file: string) => boolean, forbidden: (target: string) => boolean): string[] {
  return files.filter((f) => from(f.file)).flatMap((f) => f.imports.filter(forbidden).map((i) => `${f.file} -> ${i}`));
}

describe('layers', () => {
  it('finds the imports it checks (a scan that sees nothing would pass anything)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.find((f) => f.file === 'app/create-app.ts')?.imports).toContain('teams/deps.js');
  });

  it('core imports no outer layer and no framework, store, file system or file format', () => {
    const outer = /^(teams|app|store|infra|board|http|cards)\/|^(composition-root|config|start|serve)\.js$/;
    // Files are read and parsed in src/board (loadYaml); core validates the data it is given.
    const frameworks = /^(botbuilder|botframework-|@microsoft\/teams-ai|restify|lowdb|pg|yaml)(\/|$)|^(node:)?fs(\/|$)/;
    expect(violations((f) => f.startsWith('core/'), (i) => outer.test(i) || frameworks.test(i))).toEqual([]);
  });

  it('only the entry points import app/ (it is wiring, on top)', () => {
    const entry = (f: string) => f.startsWith('app/') || ['composition-root.ts', 'start.ts', 'serve.ts'].includes(f);
    expect(violations((f) => !entry(f), (i) => i.startsWith('app/'))).toEqual([]);
  });

  it('the runtime tree imports nothing from tools/ or test/ (build-time code and test fakes live there)', () => {
    expect(violations(() => true, (i) => i.startsWith('..'))).toEqual([]);
  });

  it('cards and http do not import the Teams handlers', () => {
    expect(violations((f) => f.startsWith('cards/') || f.startsWith('http/'), (i) => i.startsWith('teams/'))).toEqual([]);
  });
});
