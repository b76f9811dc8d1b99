import { describe, expect, it } from 'vitest';
import { ANSWER_HEADING, answerCard, codeLead, notFoundCard, relatedTitle, TITLE_MAX } from '../../src/cards/answers/answer-card.js';
import { listOrgs, loadBoardKnowledge } from '../../src/board/board-files.js';
import { activityText } from '../support/fake-connector.js';

const knowledgeDir = new URL('../../knowledge', import.meta.url).pathname;
const text = (body: unknown) => activityText({ attachments: [{ content: body }] });

describe('"Lees ook" labels', () => {
  it.each(listOrgs(knowledgeDir))('name every passage of %s by its hand-written title, short and never cut inside a word', (org) => {
    for (const s of loadBoardKnowledge(knowledgeDir, org).knowledge.sections) {
      const label = relatedTitle({ quote: s.text, citation: '', section: s });
      expect(label.length, label).toBeLessThanOrEqual(TITLE_MAX);
      const words = label.replace(/…$/, '');
      expect(s.title!.startsWith(words), label).toBe(true);
      // The next character of the title is a space or punctuation: the cut fell between words.
      expect(s.title!.charAt(words.length), label).toMatch(/^$|[\s,;:.)!?]/);
    }
  });

  it('without a title, names a passage by its own first words, cut between words', () => {
    const long = 'Medewerkers plaatsen geen berichten die de goede naam van de school kunnen schaden.';
    const label = relatedTitle({ quote: long, citation: '', section: { id: 'x:1', headingPath: [] } });
    expect(label).toBe('Medewerkers plaatsen geen berichten…');
  });

  it('puts the rule number first and says what the rule is about, not "4.2 School"', () => {
    const rule = { quote: 'Plaats geen foto’s van leerlingen zonder toestemming van hun ouders.', citation: 'x', section: { id: 'oog:3.1.8', headingPath: ['3 Richtlijnen'], rule: '8' } };
    expect(relatedTitle(rule)).toBe('Regel 8 · Plaats geen foto’s van…');
    const paragraph = { quote: 'De school zorgt voor een veilige omgeving.', citation: 'x', section: { id: 'oog:4.2.p1', headingPath: ['4 Verantwoordelijkheden', '4.2 School'] } };
    expect(relatedTitle(paragraph)).toBe('De school zorgt voor een veilige…');
  });
});

describe('answer headings and the leidinggevende', () => {
  const passage = { quote: 'Bij twijfel: niet publiceren.', citation: 'OOG, regel 8', section: { id: 'oog:3.1.8', headingPath: ['3 Richtlijnen'], rule: '8' } };

  it('uses one heading on answers and on the code’s answer above a flow', () => {
    expect(text(answerCard(passage, [], 'a1', 'leidinggevende'))).toContain(ANSWER_HEADING);
    expect(text({ type: 'AdaptiveCard', body: codeLead({ best: passage, related: [] }) })).toContain(ANSWER_HEADING);
  });

  it('quotes a rule as written: "1." and "*" stay text (a TextRun), never a Markdown list or emphasis', () => {
    const tricky = { ...passage, quote: '1. Plaats *nooit* foto_s' };
    for (const c of [answerCard(tricky, [tricky], 'a1', 'leidinggevende'), { type: 'AdaptiveCard', body: codeLead({ best: tricky, related: [] }) }]) {
      const json = JSON.stringify(c);
      expect(json).toContain('{"type":"TextRun","text":"1. Plaats *nooit* foto_s"}');
      expect(json).not.toContain('"type":"TextBlock","text":"1. Plaats');
    }
  });

  it('names the action "Vraag mijn teamleider" and asks for feedback without blaming the reader', () => {
    const silent = text(notFoundCard('KONOT', 'teamleider', 'a1'));
    expect(silent).toContain('Vraag mijn teamleider');
    expect(silent).toContain('👎 Hier had ik een antwoord verwacht');
    expect(silent).not.toMatch(/moeten weten|Leg voor aan/);
  });
});

describe('sources on an answer', () => {
  it('names the board and code in full under the passage, and only the place in it under related passages', () => {
    const best = { quote: 'Plaats geen foto’s van leerlingen zonder toestemming.', citation: 'Testbestuur, Code Sociale Media, 3.1 Medewerkers, regel 8', section: { id: 't:3.1.8', headingPath: ['3.1 Medewerkers'], rule: '8' } };
    const related = { quote: 'Respecteer elkaars privacy.', citation: 'Testbestuur, Code Sociale Media, 3.2 Leerlingen:, regel 5', section: { id: 't:3.2.5', headingPath: ['3 Regels', '3.2 Leerlingen:'], rule: '5' } };
    const shown = text(answerCard(best, [related], 'a1', 'leidinggevende'));
    expect(shown).toContain('Bron: Testbestuur, Code Sociale Media, 3.1 Medewerkers, regel 8');
    expect(shown).toContain('Bron: 3.2 Leerlingen, regel 5');
    expect(shown.match(/Testbestuur/g)).toHaveLength(1);
  });

  it('keeps the full citation for a related passage that has no place to name', () => {
    const bare = { quote: 'Inleiding.', citation: 'Testbestuur, Code Sociale Media', section: { id: 't:p1', headingPath: [] } };
    expect(text(answerCard(bare, [bare], 'a1', 'leidinggevende')).match(/Bron: Testbestuur, Code Sociale Media/g)).toHaveLength(2);
  });
});
