import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateKnowledge } from '../../src/core/knowledge/parse.js';
import { parseYamlText } from '../../src/board/load-yaml.js';
import { parseBoards } from '../../tools/lib/ingest/board-entry.js';
import { listOrgs, loadKnowledge } from '../../src/board/board-files.js';

const valid = `
org: demo
organisation: Demo
title: Code
leaderTerm: leidinggevende
contentHash: sha256:abc
sections:
  - id: demo:r1
    org: demo
    headingPath: [Richtlijnen]
    rule: "1"
    audience: [medewerkers]
    text: |-
      Bij twijfel niet publiceren.
`;

const parseKnowledge = (text: string, file = 'sections.yaml') => parseYamlText(text, file, validateKnowledge);

describe('validateKnowledge', () => {
  it('parses a valid document', () => {
    const doc = parseKnowledge(valid);
    expect(doc.sections[0]).toEqual({ id: 'demo:r1', org: 'demo', headingPath: ['Richtlijnen'], rule: '1', audience: ['medewerkers'], text: 'Bij twijfel niet publiceren.' });
  });

  it.each([
    ['invalid YAML', 'org: [', /geen geldige YAML/],
    ['a missing field', valid.replace('leaderTerm: leidinggevende\n', ''), /leaderTerm/],
    ['an unknown audience', valid.replace('[medewerkers]', '[iedereen]'), /audience/],
    ['a section of another org', valid.replace('id: demo:r1', 'id: other:r1'), /hoort niet bij organisatie demo/],
    ['a duplicate id', valid + valid.slice(valid.indexOf('  - id:')), /komt twee keer voor/],
  ])('rejects %s with a clear message naming the file', (_name, yamlText, message) => {
    expect(() => parseKnowledge(yamlText, 'knowledge/demo/sections.yaml')).toThrow(message);
    expect(() => parseKnowledge(yamlText, 'knowledge/demo/sections.yaml')).toThrow(/knowledge\/demo\/sections.yaml/);
  });
});

describe('parseBoards', () => {
  it('rejects a duplicate org and a missing field', () => {
    const entry = '  - { org: a, organisation: A, title: T, source: a.txt, leaderTerm: x, defaultAudience: [medewerkers] }\n';
    expect(() => parseBoards(`boards:\n${entry}${entry}`)).toThrow(/twee keer/);
    expect(() => parseBoards('boards:\n  - { org: a }\n')).toThrow(/boards.yaml klopt niet/);
  });
});

describe('loadKnowledge / listOrgs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'demo', 'sections.yaml'), valid);
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'sections.yaml'), 'org: [');
  mkdirSync(join(dir, 'empty'));

  it('loads a board and lists boards that have knowledge', () => {
    expect(loadKnowledge(dir, 'demo').organisation).toBe('Demo');
    expect(listOrgs(dir)).toEqual(['broken', 'demo']);
  });

  it('names the file when it is missing or invalid', () => {
    expect(() => loadKnowledge(dir, 'empty')).toThrow(new RegExp(`${join(dir, 'empty', 'sections.yaml')}[\\s\\S]*bestaat niet`));
    expect(() => loadKnowledge(dir, 'broken')).toThrow(join(dir, 'broken', 'sections.yaml'));
  });

  it('loads every committed board', () => {
    const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
    expect(listOrgs(knowledgeDir)).toEqual(['kempenkind', 'konot', 'kopwerk', 'oog', 'school001']);
    for (const org of listOrgs(knowledgeDir)) expect(loadKnowledge(knowledgeDir, org).sections.length).toBeGreaterThan(10);
  });
});
