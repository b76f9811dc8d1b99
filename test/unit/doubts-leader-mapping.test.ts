import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLeaderDirectory, createSelfLeaderDirectory, type ManagerDirectory } from '../../src/core/doubts/leader-directory.js';
import { loadLeaderMapping } from '../../src/board/board-files.js';
import { loadBoard, loadBoards } from '../../src/board/load-board.js';
import { DataFileError } from '../../src/board/load-yaml.js';
import { FIXTURE, mapping, parseLeaderMapping } from './doubts-harness.js';

describe('leader mapping file validation', () => {
  const base = 'version: 1\nleaders:\n  anna: { upn: anna@x.nl }\n';
  const cases: Array<[string, string, string]> = [
    ['broken YAML', 'version: 1\nleaders: [\n', 'Fout in f.yaml:\n- regel'],
    ['not an object', '- a\n- b\n', 'het bestand moet een object'],
    ['wrong version', 'version: 2\n', '- version: moet 1 zijn'],
    ['leader without upn or id', 'version: 1\nleaders:\n  anna: { name: Anna }\n', '- leaders.anna: heeft een upn of id nodig'],
    ['bad upn', 'version: 1\nleaders:\n  anna: { upn: anna }\n', '- leaders.anna.upn: moet een e-mailadres'],
    ['unknown deputy', 'version: 1\nleaders:\n  anna: { upn: anna@x.nl, deputy: kees }\n', '- leaders.anna.deputy: "kees" staat niet onder leaders'],
    ['own deputy', 'version: 1\nleaders:\n  anna: { upn: anna@x.nl, deputy: anna }\n', '- leaders.anna.deputy: een leidinggevende kan niet zijn eigen vervanger zijn'],
    ['unknown team leader', `${base}teams:\n  - { name: De Linde, leader: kees, members: [a@x.nl] }\n`, '- teams[0].leader: "kees" staat niet onder leaders'],
    ['member in two teams', `${base}  piet: { upn: piet@x.nl }\nteams:\n  - { name: A, leader: anna, members: [jan@x.nl] }\n  - { name: B, leader: piet, members: [JAN@x.nl] }\n`, '- teams[1].members[0]: "JAN@x.nl" staat ook in team "A"'],
    ['unknown user leader', `${base}users:\n  jan@x.nl: kees\n`, '- users.jan@x.nl: "kees" staat niet onder leaders'],
    ['typo in a key', `${base}teamz: []\n`, 'onbekende sleutel(s) "teamz"'],
    ['duplicate key', 'version: 1\nleaders:\n  anna: { upn: a@x.nl }\n  anna: { upn: b@x.nl }\n', 'Fout in f.yaml'],
    ['reserved leader name', 'version: 1\nleaders:\n  self: { upn: a@x.nl }\n', '- leaders.self: "self" is gereserveerd'],
  ];
  it.each(cases)('%s', (_name, source, message) => {
    expect(() => parseLeaderMapping(source, 'f.yaml')).toThrow(DataFileError);
    expect(() => parseLeaderMapping(source, 'f.yaml')).toThrow(message);
  });

  it('accepts JSON', () => {
    const m = parseLeaderMapping(JSON.stringify({ version: 1, leaders: { anna: { id: 'a-1' } }, users: { 'jan@x.nl': 'anna' } }), 'leaders.json');
    expect(m.users.get('jan@x.nl')).toBe('anna');
  });

  it('loads the file from an explicit path or DATA_DIR and names the file in errors', async () => {
    expect(loadLeaderMapping({ file: FIXTURE, dataDir: '/nowhere' })!.mapping.leaders.size).toBe(3);
    const invalid = path.resolve(FIXTURE, '../leaders-invalid.yaml');
    expect(() => loadLeaderMapping({ file: invalid, dataDir: '/' })).toThrow(`Fout in ${invalid}:\n- leaders.anna.deputy: "kees" staat niet onder leaders`);
    expect(() => loadLeaderMapping({ file: '/nowhere/leaders.yaml', dataDir: '/' })).toThrow('het bestand bestaat niet');
    const dir = await mkdtemp(path.join(tmpdir(), 'leaders-'));
    expect(loadLeaderMapping({ file: undefined, dataDir: dir })).toBeUndefined();
    await writeFile(path.join(dir, 'leaders.json'), JSON.stringify({ version: 1, leaders: { a: { id: 'x' } } }));
    expect(loadLeaderMapping({ file: undefined, dataDir: dir })).toMatchObject({ file: path.join(dir, 'leaders.json') });
    expect(loadLeaderMapping({ file: undefined, dataDir: dir })!.mapping.leaders.has('a')).toBe(true);
  });
});

describe('leader mapping per board (TENANT_ORGS)', () => {
  const mappingOf = (id: string) => JSON.stringify({ version: 1, leaders: { baas: { id } } });
  const sources = (dataDir: string, leaderMappingFile?: string, perBoard = true) =>
    ({ knowledgeDir: 'knowledge', dialogsDir: 'dialogs', dataDir, leaderMappingFile, tenantOrgs: perBoard ? { t1: 'oog', t2: 'konot' } : undefined });

  it("reads DATA_DIR/leaders.<org>.yaml for each board, or LEADER_MAPPING_FILE with {org} replaced; one board keeps leaders.yaml", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'leaders-'));
    await writeFile(path.join(dir, 'leaders.yaml'), mappingOf('shared'));
    await writeFile(path.join(dir, 'leaders.oog.yaml'), mappingOf('oog-boss'));
    await writeFile(path.join(dir, 'm-konot.json'), mappingOf('konot-boss'));
    const boards = loadBoards(sources(dir), ['oog', 'konot']);
    expect(boards.get('oog')!.leaders!.mapping.leaders.get('baas')!.person.id).toBe('oog-boss');
    // No leaders.konot.yaml: that board has no mapping, it does not fall back to another board's.
    expect(boards.get('konot')!.leaders).toBeUndefined();
    const configured = loadBoards(sources(dir, path.join(dir, 'm-{org}.json')), ['konot']);
    expect(configured.get('konot')!.leaders).toMatchObject({ file: path.join(dir, 'm-konot.json') });
    expect(loadBoard(sources(dir, undefined, false), 'oog').leaders!.mapping.leaders.get('baas')!.person.id).toBe('shared');
  });
});

describe('leader directory', () => {
  const graph = (managers: Record<string, { id: string; upn?: string; name?: string } | 'error'>): ManagerDirectory => ({
    async getManager(user) {
      const m = managers[user.id];
      if (m === 'error') throw Object.assign(new Error('boom'), { name: 'GraphError' });
      return m;
    },
  });

  const cases: Array<{ name: string; user: { id: string; upn?: string }; order?: Array<'mapping' | 'graph'>; expected: { source: string; leader?: string; deputy?: string; communicatie?: string } }> = [
    { name: 'team member by object id', user: { id: 'teacher-jan' }, expected: { source: 'mapping', leader: 'leader-anna', deputy: 'leader-piet', communicatie: 'comm-1' } },
    { name: 'team member by UPN, case-insensitive', user: { id: 'aad-9', upn: 'Sanne@OOG.example' }, expected: { source: 'mapping', leader: 'leader-anna', deputy: 'leader-piet', communicatie: 'comm-1' } },
    { name: 'single user entry', user: { id: 'aad-7', upn: 'kim@oog.example' }, expected: { source: 'mapping', leader: 'leader-piet', communicatie: 'comm-1' } },
    { name: 'UPN-only leader', user: { id: 'teacher-lisa' }, expected: { source: 'mapping', leader: 'upn:ruud@oog.example', communicatie: 'comm-1' } },
    { name: 'own leidinggevende (demo)', user: { id: 'demo-user' }, expected: { source: 'self', leader: 'demo-user', communicatie: 'comm-1' } },
    { name: 'Graph when the mapping does not know the user, deputy from the mapping', user: { id: 'graph-user' }, expected: { source: 'graph', leader: 'leader-anna', deputy: 'leader-piet', communicatie: 'comm-1' } },
    { name: 'Graph first when so configured', user: { id: 'teacher-jan' }, order: ['graph', 'mapping'], expected: { source: 'graph', leader: 'boss-9', communicatie: 'comm-1' } },
    { name: 'Graph failing falls back to nothing', user: { id: 'graph-broken' }, expected: { source: 'none', communicatie: 'comm-1' } },
  ];
  it.each(cases)('$name', async (c) => {
    const manager = graph({ 'graph-user': { id: 'leader-anna', upn: 'anna@oog.example', name: 'Anna (Graph)' }, 'teacher-jan': { id: 'boss-9', name: 'Baas' }, 'graph-broken': 'error' });
    const directory = createLeaderDirectory({ mapping: mapping(), manager, ...(c.order ? { order: c.order } : {}) });
    const r = await directory.resolve(c.user);
    expect({ source: r.source, leader: r.leader?.key, deputy: r.deputy?.key, communicatie: r.communicatie?.key }).toEqual({ leader: undefined, deputy: undefined, communicatie: undefined, ...c.expected });
  });

  it('notes why Graph gave no leader, without personal data', async () => {
    const r = await createLeaderDirectory({ manager: graph({ x: 'error' }) }).resolve({ id: 'x' });
    expect(r).toEqual({ source: 'none', notes: ['graph: GraphError'] });
  });

  it('makes everyone their own leidinggevende in the demo directory', async () => {
    expect((await createSelfLeaderDirectory().resolve({ id: 'u1', name: 'Demo' })).leader).toEqual({ key: 'u1', id: 'u1', name: 'Demo' });
  });
});
