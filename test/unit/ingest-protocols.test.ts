import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBoards, type BoardEntry } from '../../tools/lib/ingest/board-entry.js';
import { buildKnowledge, buildKnowledgeWithReport } from '../../tools/lib/ingest/build-knowledge.js';
import { toBlocks } from '../../tools/lib/ingest/items.js';
import { BULLET, NUMBERED } from '../../tools/lib/ingest/line-shape.js';
import { repairLines, resolvePlaceholders } from '../../tools/lib/ingest/repair.js';
import { collapseWhitespace, splitSentences } from '../../tools/lib/ingest/sentences.js';
import { serializeKnowledge } from '../../tools/lib/ingest/serialize.js';
import type { KnowledgeDocument, Section } from '../../src/core/knowledge/types.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const protocolsDir = join(repoRoot, '..', 'shared', 'protocols');
const boards = parseBoards(readFileSync(join(repoRoot, 'knowledge', 'boards.yaml'), 'utf8'));
const board = (org: string): BoardEntry => {
  const entry = boards.find((b) => b.org === org);
  if (!entry) throw new Error(`board ${org} missing`);
  return entry;
};
const sourceOf = (org: string) => readFileSync(join(protocolsDir, board(org).source), 'utf8');
const built = new Map<string, KnowledgeDocument>(boards.map((b) => [b.org, buildKnowledge(sourceOf(b.org), b)]));
const doc = (org: string): KnowledgeDocument => built.get(org) as KnowledgeDocument;
const section = (id: string): Section => {
  const found = doc(id.split(':')[0] ?? '').sections.find((s) => s.id === id);
  if (!found) throw new Error(`section ${id} missing`);
  return found;
};
const ORGS = ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001'];

/**
 * Units of the source to find back: the same repairs as ingestion, then blocks split at list
 * markers and at sentence ends. Lines that ingestion reports as dropped (table of contents,
 * page headers, a repeated URL) and the title block are the only exclusions.
 */
function sourceUnits(org: string): string[] {
  const entry = board(org);
  const { lines } = repairLines(sourceOf(org), entry.dropLines);
  const units: string[] = [];
  for (const block of toBlocks(lines)) {
    const pieces: string[] = [];
    for (const line of block) {
      if (pieces.length === 0 || BULLET.test(line) || NUMBERED.test(line)) pieces.push(line);
      else pieces[pieces.length - 1] += ` ${line.trim()}`;
    }
    for (const piece of pieces) {
      const text = resolvePlaceholders(piece.trim(), entry.placeholders)
        .replace(/^\s*(?:-|\d{1,2}[.)])\s*/, '');
      units.push(...splitSentences(text));
    }
  }
  return units;
}

// List markers are layout: "- CvB" in a section matches the label "CvB" printed on its own line.
const withoutMarkers = (text: string) => collapseWhitespace(text.replace(/(^|\s)-\s+/g, ' '));

describe.each(ORGS)('%s: coverage', (org) => {
  it('finds every sentence of the source back in a section (text, or its heading)', () => {
    const { document, report } = buildKnowledgeWithReport(sourceOf(org), board(org));
    const haystacks = document.sections.map((s) => withoutMarkers(`${s.headingPath.join(' ')} ${s.text}`));
    const title = new Set(report.titleBlock.map(withoutMarkers));
    const missing = sourceUnits(org)
      .map(withoutMarkers)
      .filter((unit) => !title.has(unit))
      .filter((unit) => !haystacks.some((h) => h.includes(unit)));
    expect(missing).toEqual([]);
  });

  it('documents exactly what is left out: table of contents, page headers, repeated URLs', () => {
    const { report } = buildKnowledgeWithReport(sourceOf(org), board(org));
    const expected: Record<string, string[]> = {
      oog: ['toc'],
      konot: ['page-header'],
      kempenkind: [],
      kopwerk: ['page-header', 'repeated-url'],
      school001: [],
    };
    expect([...new Set(report.dropped.map((d) => d.kind))].sort()).toEqual(expected[org]);
    // The table of contents never holds a sentence: only entries with a page number.
    for (const dropped of report.dropped.filter((d) => d.kind === 'toc')) expect(dropped.text).toMatch(/pag\.\s*\d+$|^\s*-?\s*$|^Inhoud:$/);
  });

  it('leaves no extraction artefacts in the texts', () => {
    for (const s of doc(org).sections) {
      const all = `${s.headingPath.join('\n')}\n${s.text}`;
      expect(all).not.toMatch(/\*\*|\]\(#\)|\\\(|<<|>>|\[naam|xxxxx|\bHetis\b|haarmedewerkers|Konotx\*|pag\.\s*\d/i);
    }
  });
});

describe('numbered rules: one section each', () => {
  const rules = (org: string, prefix: string) =>
    doc(org).sections.filter((s) => s.id.startsWith(`${org}:${prefix}`) && s.rule !== undefined && !s.rule.includes('voetnoot'));
  it.each([
    ['oog', '3.1.', 12, (n: number) => String(n)],
    ['oog', '3.2.', 12, (n: number) => String(n)],
    ['konot', 'r', 10, (n: number) => String(n)],
    ['kempenkind', 'r', 10, (n: number) => String(n)],
    ['school001', 'r', 10, (n: number) => String(n).padStart(2, '0')],
    ['kopwerk', 'uitgangspunten.', 5, (n: number) => String(n)],
    ['kopwerk', 'doelgroep.', 2, (n: number) => String(n)],
    ['kopwerk', 'a.', 2, (n: number) => `A.${n}`],
    ['kopwerk', 'sancties.', 5, (n: number) => String(n)],
  ])('%s %s has %i rules, numbered in order', (org, prefix, count, label) => {
    const found = rules(org, prefix);
    expect(found.map((s) => s.rule)).toEqual(Array.from({ length: count }, (_, i) => label(i + 1)));
    for (const s of found) expect(s.text).not.toMatch(/(?:^|\s)\d{1,2}[.)]\s+\p{Lu}/u);
  });

  it.each([
    ['oog:3.1.8', 'waarvoor je geen schriftelijk vastgelegde toestemming hebt'],
    ['oog:3.2.12', 'Log uit en geef dit aan bij die persoon.'],
    ['konot:r4', 'Ga niet in discussie met een leerling of ouder op social media.'],
    ['kempenkind:r10', 'KempenKind legt vast welke maatregelen'],
    ['school001:r01', 'Leerlingen van de school publiceren geen vertrouwelijke informatie'],
    ['kopwerk:a.1', 'Het is medewerkers en leerlingen niet toegestaan'],
    ['kopwerk:uitgangspunten.1', 'De school onderkent het belang van sociale media.'],
    // Printed as "1." alone, a paragraph, a paragraph, "3.": the second paragraph is rule 2.
    ['kopwerk:sancties.2', 'Afhankelijk van de ernst van de uitlatingen, gedragingen en gevolgen worden naar medewerkers'],
    ['konot:donts.4', 'Ga niet in discussie met ouder of leerling. Neem liever offline contact op.'],
  ])('%s holds its own text', (id, phrase) => {
    expect(section(id).text).toContain(phrase);
  });

  it('gives the unnumbered statements in Kopwerk section A their own sections', () => {
    const statements = doc('kopwerk').sections.filter((s) => s.id.startsWith('kopwerk:a.p'));
    expect(statements.length).toBeGreaterThanOrEqual(4);
    expect(statements[0]?.text).toMatch(/^De betrokkene is persoonlijk verantwoordelijk/);
  });

  it('puts the OOG footnote next to the rule that refers to it', () => {
    const footnote = section('oog:3.1.fn1');
    expect(footnote.rule).toBe('4 (voetnoot)');
    expect(footnote.headingPath).toEqual(section('oog:3.1.4').headingPath);
    expect(footnote.text).toContain('WhatsApp');
    const ids = doc('oog').sections.map((s) => s.id);
    expect(ids.indexOf('oog:3.1.fn1')).toBe(ids.indexOf('oog:3.1.12') + 1);
  });
});

describe('ids, metadata and audience', () => {
  it.each(ORGS)('%s: ids are unique, readable and prefixed with the org', (org) => {
    const ids = doc(org).sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${org}:[a-z0-9][a-z0-9.-]*$`));
  });

  it.each(ORGS)('%s: building twice gives identical output', (org) => {
    const again = buildKnowledge(sourceOf(org), board(org));
    expect(serializeKnowledge(again)).toBe(serializeKnowledge(doc(org)));
  });

  it.each(ORGS)('%s: the committed knowledge equals a fresh build (run npm run knowledge:build)', (org) => {
    const committed = readFileSync(join(repoRoot, 'knowledge', org, 'sections.yaml'), 'utf8');
    expect(committed).toBe(serializeKnowledge(doc(org)));
  });

  it('records title, version and leader term', () => {
    expect(doc('oog')).toMatchObject({ organisation: 'Openbaar Onderwijs Groningen', title: 'Code Sociale Media', version: 'december 2024', leaderTerm: 'leidinggevende' });
    expect(doc('kopwerk').version).toContain('juni 2013');
    expect(doc('school001').leaderTerm).toBe('teamleider');
    expect(doc('konot').version).toBeUndefined();
  });

  it('changes the content hash when a text changes', () => {
    const changed = buildKnowledge(sourceOf('konot').replace('Bij twijfel niet publiceren.', 'Bij twijfel wel publiceren.'), board('konot'));
    expect(changed.contentHash).not.toBe(doc('konot').contentHash);
  });

  it.each([
    ['oog:3.1.8', ['medewerkers']],
    ['oog:3.2.1', ['leerlingen']],
    ['oog:4.1.p1', ['school']],
    ['oog:4.2.p1', ['school']],
    ['oog:4.3.p1', ['medewerkers']],
    ['oog:4.4.p1', ['leerlingen']],
    ['oog:4.5.p1', ['ouders']],
    ['konot:r1', ['medewerkers']],
    ['konot:r6', ['medewerkers', 'leidinggevenden']],
    ['konot:privacy.p1', ['ouders']],
    ['school001:r01', ['leerlingen']],
    ['school001:r06', ['medewerkers', 'leerlingen']],
    ['kopwerk:a.1', ['medewerkers', 'leerlingen', 'ouders']],
  ])('%s is addressed to %j', (id, audience) => {
    expect(section(id).audience).toEqual(audience);
  });
});
