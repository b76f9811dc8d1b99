import { describe, expect, it } from 'vitest';
import { candidateLabel, candidateLabels, LABEL_MAX_WORDS, unsureCard } from '../../src/cards/answers/unsure-card.js';
import { CHOOSE_CANDIDATE_VERB } from '../../src/cards/answers/answer-actions.js';
import { listOrgs, loadBoardKnowledge } from '../../src/board/board-files.js';
import { activityText } from '../support/fake-connector.js';

const knowledgeDir = new URL('../../knowledge', import.meta.url).pathname;
const words = (text: string) => text.match(/[\p{L}\p{N}']+/gu) ?? [];

describe('"Bedoel je…?" labels', () => {
  it.each(listOrgs(knowledgeDir))('every section of %s gets its own short label, never more than 6 words', (org) => {
    const { sections } = loadBoardKnowledge(knowledgeDir, org).knowledge;
    const labels = sections.map((s) => candidateLabel(s, sections));
    for (const label of labels) expect(words(label).length, label).toBeLessThanOrEqual(LABEL_MAX_WORDS);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('names a rule by number and shortened heading, a paragraph by heading and place', () => {
    const rule = { id: 'oog:3.1.8', headingPath: ['3 Richtlijnen', '3.1 Richtlijnen sociale media voor medewerkers'], rule: '8' };
    const p1 = { id: 'oog:4.2.p1', headingPath: ['4 Verantwoordelijkheden', '4.2 School'] };
    const p2 = { id: 'oog:4.2.p2', headingPath: ['4 Verantwoordelijkheden', '4.2 School'] };
    const alone = { id: 'oog:5.p1', headingPath: ['5 Tot slot:'] };
    const intro = { id: 'x:0', headingPath: [] };
    const all = [rule, p1, p2, alone, intro];
    expect(candidateLabel(rule, all)).toBe('Regel 8 · Richtlijnen sociale media … medewerkers');
    expect(candidateLabel(p2, all)).toBe('School, alinea 2');
    expect(candidateLabel(alone, all)).toBe('Tot slot');
    expect(candidateLabel(intro, all)).toBe('Begin van de code');
    expect(candidateLabels([p1, p1], all).map((c) => c.label)).toEqual(['School, alinea 1', 'School, alinea 1 (2)']);
  });

  it('the card offers each candidate by id and "Vraag mijn leidinggevende", and carries no passage text', () => {
    const card = unsureCard([{ sectionId: 'oog:4.2.p1', label: 'School, alinea 1' }], 'a1', 'teamleider');
    const text = activityText({ attachments: [{ content: card }] });
    expect(text).toMatch(/Ik weet het niet zeker/);
    expect(JSON.stringify(card)).toContain(JSON.stringify({ answerId: 'a1', sectionId: 'oog:4.2.p1', verb: CHOOSE_CANDIDATE_VERB }));
    expect(text).toContain('Vraag mijn teamleider');
  });
});
