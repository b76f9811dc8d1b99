import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage, parseEnvFile } from '../../tools/package.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the committed dev environment', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'mw-package-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('packages a valid Teams app on a fresh checkout, with the ids from env/.env.dev', async () => {
    const env = parseEnvFile(readFileSync(path.join(ROOT, 'env/.env.dev'), 'utf8'));
    const { zipPath } = await buildAppPackage({ env: 'dev', rootDir: ROOT, outFile: path.join(out, 'app.zip'), warn: () => undefined });
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string; bots: Array<{ botId: string }> };
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(env.BOT_ID);
  });

  it('holds no secrets', () => {
    const env = parseEnvFile(readFileSync(path.join(ROOT, 'env/.env.dev'), 'utf8'));
    expect(env.BOT_PASSWORD ?? '').toBe('');
    expect(env.GRAPH_CLIENT_SECRET ?? '').toBe('');
  });
});
