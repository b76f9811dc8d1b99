import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSectionTitles, validateSectionTitles, withTitles } from '../../src/core/knowledge/titles.js';
import { loadKnowledge, loadSectionTitles } from '../../src/board/board-files.js';
import { parseBoards } from '../../tools/lib/ingest/board-entry.js';

const boards = parseBoards(readFileSync('knowledge/boards.yaml', 'utf8')).map((b) => b.org);
const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

describe('section titles (knowledge/<org>/titles.yaml)', () => {
  it.each(boards)('%s: every section has one title, none for a missing section, none twice', (org) => {
    const titles = loadSectionTitles('knowledge', org);
    expect(titles, `knowledge/${org}/titles.yaml is missing`).toBeDefined();
    const knowledge = loadKnowledge('knowledge', org);
    expect(checkSectionTitles(knowledge, titles!)).toEqual({ sectionsWithoutTitle: [], unknownSections: [], duplicates: [] });
    // The loaded code carries them, so cards and retrieval need no second file.
    expect(knowledge.sections.every((s) => s.title === titles!.byId.get(s.id))).toBe(true);
  });

  it.each(boards)('%s: titles paraphrase: no run of 4 words of the section text', (org) => {
    const copied: string[] = [];
    for (const section of loadKnowledge('knowledge', org).sections) {
      const text = ` ${words(section.text).join(' ')} `;
      const w = words(section.title!);
      for (let i = 0; i + 4 <= w.length; i++) if (text.includes(` ${w.slice(i, i + 4).join(' ')} `)) copied.push(`${section.id}: ${section.title}`);
    }
    expect(copied).toEqual([]);
  });

  it('refuses a title longer than a button may be, and a file of another shape', () => {
    const long = validateSectionTitles({ org: 'oog', titles: { 'oog:1.p1': 'een twee drie vier vijf zes zeven' } });
    expect(long.ok).toBe(false);
    expect(validateSectionTitles({ org: 'oog', sections: {} }).ok).toBe(false);
    expect(validateSectionTitles({ org: 'oog', titles: { 'oog:1.p1': 'Wat sociale media zijn' } }).ok).toBe(true);
  });

  it('reports sections without a title, titles of unknown sections and doubles', () => {
    const doc = { org: 'x', organisation: 'X', title: 'Code', leaderTerm: 'leidinggevende', contentHash: 'h', sections: [
      { id: 'x:1', org: 'x', headingPath: [], audience: [], text: 'a' },
      { id: 'x:2', org: 'x', headingPath: [], audience: [], text: 'b' },
    ] } as never;
    const titles = { org: 'x', byId: new Map([['x:1', 'Eerste titel'], ['x:9', 'eerste titel']]) };
    expect(checkSectionTitles(doc, titles)).toEqual({ sectionsWithoutTitle: ['x:2'], unknownSections: ['x:9'], duplicates: ['eerste titel'] });
    expect(withTitles(doc, titles).sections.map((s) => s.title)).toEqual(['Eerste titel', undefined]);
  });
});
