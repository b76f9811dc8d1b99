import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { helpCard } from '../../src/cards/welcome/welcome-card.js';
import { classifyMessage } from '../../src/core/intents/classify.js';
import { commandHelp } from '../../src/core/intents/command-help.js';
import { activityText } from '../support/fake-connector.js';
import { buildAppPackage, fillTemplate, PackageError, parseEnvFile, validateManifest } from '../../tools/package.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const template = readFileSync(path.join(ROOT, 'manifest', 'manifest.template.json'), 'utf8');

const devValues = {
  BOT_ID: '2d6c1a57-0b8e-4f3a-9c71-5e4d3b2a1f09',
  TEAMS_APP_ID: '8a4e2c10-7d5b-4e9f-a3c6-1b0d9e8f7a65',
  BOT_DOMAIN: 'mediawijs.example.nl',
  APP_VERSION: '1.2.3',
};

type Manifest = {
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
  [key: string]: unknown;
};

function filledManifest(values: Record<string, string> = devValues): Manifest {
  const { text, missing } = fillTemplate(template, values);
  expect(missing).toEqual([]);
  return JSON.parse(text) as Manifest;
}

interface PngInfo {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

/** Reads IHDR and the RGBA pixels of an 8-bit, filter-0 PNG such as tools/make-icons.ts writes. */
function readPng(file: string): PngInfo {
  const data = readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < data.length; ) {
    const length = data.readUInt32BE(offset);
    if (data.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(data.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType: data[25]!, pixels };
}

describe('env files', () => {
  it.each([
    ['KEY=value', { KEY: 'value' }],
    ['# comment\n\nKEY = spaced ', { KEY: 'spaced' }],
    ['EMPTY=', { EMPTY: '' }],
    ['QUOTED="a # b"', { QUOTED: 'a # b' }],
    ['TRAILING=value # note', { TRAILING: 'value' }],
    ['export EXPORTED=1\r\nOTHER=2', { EXPORTED: '1', OTHER: '2' }],
    ['not a setting', {}],
  ])('parses %j', (text, expected) => {
    expect(parseEnvFile(text)).toEqual(expected);
  });

  it('reports placeholders that have no value', () => {
    const { missing } = fillTemplate(template, { ...devValues, BOT_ID: '', BOT_DOMAIN: undefined });
    expect(missing.sort()).toEqual(['BOT_DOMAIN', 'BOT_ID']);
  });

  it('escapes values so the manifest stays valid JSON', () => {
    const { text } = fillTemplate('{"a":"${{X}}"}', { X: 'quote " and \\ slash' });
    expect(JSON.parse(text)).toEqual({ a: 'quote " and \\ slash' });
  });
});

describe('manifest template', () => {
  it('is valid against the bundled Teams schema once filled', async () => {
    expect(await validateManifest(filledManifest())).toEqual([]);
  });

  it('uses the filled ids and domain', () => {
    const manifest = filledManifest();
    expect(manifest.id).toBe(devValues.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(devValues.BOT_ID);
    expect(manifest.validDomains).toEqual([devValues.BOT_DOMAIN]);
    expect(manifest.version).toBe('1.2.3');
  });

  it('offers the bot in personal, team and group chat scope', () => {
    expect(filledManifest().bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  const commandsFor = (scope: string) =>
    filledManifest().bots[0]!.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands);

  it.each([
    ['personal', commandHelp('leidinggevende').map((c) => c.title)],
    ['team', ['vraag', 'mag ik dit posten?', 'help']],
    ['groupChat', ['vraag', 'mag ik dit posten?', 'help']],
  ])('lists the %s commands with a Dutch description each', (scope, titles) => {
    const commands = commandsFor(scope);
    expect(commands.map((c) => c.title)).toEqual(titles);
    for (const command of commands) expect(command.description?.length ?? 0).toBeGreaterThan(10);
  });

  it('offers in the personal menu exactly the commands "help" lists, each one a command the bot knows', () => {
    const personal = commandsFor('personal').map((c) => c.title);
    expect(personal).toEqual(commandHelp('leidinggevende').map((c) => c.title));
    const card = activityText({ attachments: [{ content: helpCard('OOG', 'leidinggevende') }] });
    for (const title of personal.filter((t) => t !== 'help' && t !== 'vraag')) {
      expect(card).toContain(title);
      expect(classifyMessage(title).kind, title).toBe('command');
    }
    expect(classifyMessage('help').kind).toBe('help');
    expect(classifyMessage('vraag mag ik een foto delen?')).toEqual({ kind: 'question', text: 'mag ik een foto delen?' });
    // Teams shows at most 10 commands per scope.
    expect(personal.length).toBeLessThanOrEqual(10);
  });

  it('keeps personal commands out of shared scopes', () => {
    const shared = [...commandsFor('team'), ...commandsFor('groupChat')].map((c) => c.title);
    expect(shared).not.toContain('mijn vragen');
    expect(shared).not.toContain('openstaande twijfels');
  });
});

describe('manifest validation', () => {
  it.each([
    ['an empty bot id', (m: Manifest) => (m.bots[0]!.botId = ''), '/bots/0/botId'],
    ['a missing name', (m: Manifest) => delete m.name, 'name'],
    ['an unknown scope', (m: Manifest) => (m.bots[0]!.scopes = ['personal', 'overal']), '/bots/0/scopes/1'],
    ['a too long short description', (m: Manifest) => ((m.description as { short: string }).short = 'x'.repeat(81)), '/description/short'],
  ])('reports %s', async (_name, breakIt, expectedPath) => {
    const manifest = filledManifest();
    breakIt(manifest);
    const errors = await validateManifest(manifest);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(expectedPath);
  });

  it('reports a manifest version without a bundled schema', async () => {
    expect(await validateManifest({ ...filledManifest(), manifestVersion: '0.9' })).toEqual([
      expect.stringContaining('no bundled schema'),
    ]);
  });
});

describe('icons', () => {
  it('has a 192×192 opaque colour icon', () => {
    const png = readPng(path.join(ROOT, 'manifest', 'color.png'));
    expect([png.width, png.height, png.colourType]).toEqual([192, 192, 6]);
    let seeThrough = 0;
    for (let i = 3; i < png.pixels.length; i += 4) if (png.pixels[i] !== 255) seeThrough++;
    expect(seeThrough).toBe(0);
  });

  it('has a 32×32 outline icon of white on transparent', () => {
    const png = readPng(path.join(ROOT, 'manifest', 'outline.png'));
    expect([png.width, png.height, png.colourType]).toEqual([32, 32, 6]);
    let transparent = 0;
    let white = 0;
    let coloured = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      if (png.pixels[i + 3] === 0) transparent++;
      else if (png.pixels[i] === 255 && png.pixels[i + 1] === 255 && png.pixels[i + 2] === 255) white++;
      else coloured++;
    }
    expect(coloured).toBe(0);
    expect(transparent).toBeGreaterThan(200);
    expect(white).toBeGreaterThan(100);
  });
});

describe('app package', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'mediawijs-package-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('zips manifest.json and both icons for the local demo environment', async () => {
    const outFile = path.join(outDir, 'appPackage.local.zip');
    const warnings: string[] = [];
    const result = await buildAppPackage({ env: 'local', outFile, warn: (w) => warnings.push(w) });
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(await validateManifest(manifest)).toEqual([]);
    expect(warnings.join(' ')).toContain('BOT_ID');
  });

  it('names the missing env file', async () => {
    await expect(buildAppPackage({ env: 'bestaatniet', outFile: path.join(outDir, 'x.zip') })).rejects.toThrow(
      new PackageError('Bestand env/.env.bestaatniet ontbreekt (missing env file).'),
    );
  });
});
