import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoards } from '../../tools/lib/ingest/board-entry.js';
import { buildKnowledge } from '../../tools/lib/ingest/build-knowledge.js';
import { validateKnowledge } from '../../src/core/knowledge/parse.js';
import { parseYamlText } from '../../src/board/load-yaml.js';
import { serializeKnowledge } from '../../tools/lib/ingest/serialize.js';

const text = readFileSync(new URL('../fixtures/ingest/new-board.txt', import.meta.url), 'utf8');
const [board] = parseBoards(`
boards:
  - org: voorbeeld
    organisation: Stichting Voorbeeld
    title: Protocol sociale media
    version: januari 2025
    source: new-board.txt
    leaderTerm: leidinggevende
    defaultAudience: [medewerkers]
    placeholders:
      "[naam school]": de Voorbeeldschool
`);
if (!board) throw new Error('fixture board missing');
const document = buildKnowledge(text, board);
const byId = new Map(document.sections.map((s) => [s.id, s]));

describe('a new board through the same code path', () => {
  it('stores the board metadata', () => {
    expect(document).toMatchObject({ org: 'voorbeeld', organisation: 'Stichting Voorbeeld', title: 'Protocol sociale media', version: 'januari 2025', leaderTerm: 'leidinggevende' });
    expect(document.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('makes one section per numbered rule ("1)" style) under the heading', () => {
    const rules = document.sections.filter((s) => s.rule !== undefined);
    expect(rules.map((s) => [s.id, s.rule])).toEqual([['voorbeeld:r1', '1'], ['voorbeeld:r2', '2'], ['voorbeeld:r3', '3']]);
    expect(rules.every((s) => s.headingPath.join('/') === 'Regels voor medewerkers')).toBe(true);
    expect(byId.get('voorbeeld:r2')?.text).toBe("Plaats geen foto's van leerlingen zonder schriftelijke toestemming van hun ouders.");
  });

  it('resolves the placeholder, capitalised at the start of a sentence', () => {
    expect(byId.get('voorbeeld:r1')?.text).toBe('De Voorbeeldschool deelt graag nieuws over de school op sociale media.');
    expect(byId.get('voorbeeld:intro.p1')?.text).toContain('iedereen die werkt bij de Voorbeeldschool.');
  });

  it('joins the hard-wrapped paragraph, also across the blank line inside a sentence', () => {
    expect(byId.get('voorbeeld:intro.p1')?.text).toBe(
      'Dit protocol geldt voor iedereen die werkt bij de Voorbeeldschool. Het helpt je om verstandig met sociale media om te gaan en beschrijft wat je kunt doen bij twijfel over een bericht.',
    );
  });

  it('keeps the document title out of the sections, and gives list items their own ids', () => {
    expect(document.sections.some((s) => s.text.includes('Protocol sociale media Stichting Voorbeeld'))).toBe(false);
    expect(byId.get('voorbeeld:veiligheid.p1')?.headingPath).toEqual(['Veiligheid']);
    expect(byId.get('voorbeeld:dos.1')?.text).toBe('- Denk na voordat je iets plaatst.');
    expect(byId.get('voorbeeld:dos.2')?.text).toBe('- Gebruik het logo van de Voorbeeldschool alleen voor schoolnieuws.');
  });

  it('round-trips through the stored YAML format', () => {
    expect(parseYamlText(serializeKnowledge(document), 'sections.yaml', validateKnowledge)).toEqual(document);
  });
});
