import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDataStore } from '../../src/store/open-data-store.js';
import { scopeToBoard } from '../../src/store/board-scope.js';

const root = path.resolve(import.meta.dirname, '../..');
const assign = (dataDir: string, ...args: string[]) =>
  spawnSync('npm', ['run', '-s', 'data:assign-board', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ENV_FILE: '' },
  });

describe('npm run data:assign-board', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-assign-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("moves a single-board data directory into the board's part, prints the counts, and a second run moves nothing", async () => {
    const seeded = await openDataStore(dataDir);
    await seeded.doubts.put({ id: 'd1', askerId: 'teacher-1', assigneeIds: ['leader-1'], open: true });
    await seeded.users.put('teacher-1', { name: 'Anna' });
    await seeded.close();

    const first = assign(dataDir, '--org', 'oog');
    expect(first.stderr).not.toMatch(/Toewijzen mislukt|Error/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/doubts\s+1\n/);
    expect(first.stdout).toMatch(/users\s+1\n/);
    const again = assign(dataDir, '--org', 'oog');
    expect(again.stdout).toMatch(/doubts\s+0\n[\s\S]*users\s+0\n/);

    const store = await openDataStore(dataDir);
    try {
      const oog = scopeToBoard(store, 'oog');
      expect((await oog.doubts.listByAsker('teacher-1')).map((d) => d.id)).toEqual(['d1']);
      expect(await oog.users.get('teacher-1')).toEqual({ name: 'Anna' });
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown board with a Dutch message and exit code 2', () => {
    const result = assign(dataDir, '--org', 'onbekend');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Geef het bestuur van de bestaande gegevens/);
  });
});
