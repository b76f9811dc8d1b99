import { describe, expect, it } from 'vitest';
import { postingPrecheckCard } from '../../src/cards/posting/posting-precheck-card.js';
import { postingPayload } from '../../src/cards/posting/posting-actions.js';
import { postingQuestionCard } from '../../src/cards/posting/posting-question-card.js';
import { postingStartCard } from '../../src/cards/posting/posting-start-card.js';
import { postingVerdictCard } from '../../src/cards/posting/posting-verdict-card.js';
import { POSTING_VERBS } from '../../src/cards/posting/posting-actions.js';
import type { QuestionDecision, VerdictDecision } from '../../src/core/posting/types.js';

/** Every element of a card, depth first (body, containers, action sets, show-cards). */
function walk(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
}
const submits = (card: unknown) => walk(card).filter((n) => n.type === 'Action.Submit') as { title: string; data: Record<string, unknown> }[];
/** Shown text: TextBlocks and the TextRuns of RichTextBlocks (quoted rules, shown as written). */
const texts = (card: unknown) => walk(card).filter((n) => n.type === 'TextBlock' || n.type === 'TextRun').map((n) => String(n.text));
const runs = (card: unknown) => walk(card).filter((n) => n.type === 'TextRun').map((n) => String(n.text));
const allVerbs = new Set<string>(Object.values(POSTING_VERBS));

const rule = { id: 'oog:3.1.8', citation: 'Openbaar Onderwijs Groningen, Code Sociale Media, 3.1, regel 8', quote: 'Plaats dus nooit foto\'s zonder toestemming.' };
const verdict = (v: VerdictDecision['verdict'], extra: Partial<VerdictDecision> = {}): VerdictDecision => ({
  kind: 'verdict', verdict: v, conditions: [], alternatives: [], rules: [rule], decidedBy: ['x'], unknownFacts: [], ...extra,
});

describe('posting cards', () => {
  it('start card: multi-line draft, media toggle, check and skip', () => {
    const card = postingStartCard('Openbaar Onderwijs Groningen');
    expect(card.version).toBe('1.5');
    const nodes = walk(card);
    expect(nodes.find((n) => n.type === 'Input.Text')).toMatchObject({ isMultiline: true });
    expect(nodes.find((n) => n.type === 'Input.Toggle')).toMatchObject({ title: 'Er zit een foto of video bij' });
    expect(submits(card).map((s) => [s.title, s.data.verb])).toEqual([
      ['Controleer mijn bericht', 'posting.draft'],
      ['Sla over', 'posting.skip-draft'],
    ]);
    expect(postingPayload.parse({ verb: 'posting.draft', draft: 'hoi', hasMedia: 'true' })).toEqual({ verb: 'posting.draft', draft: 'hoi', hasMedia: true });
    expect(postingPayload.parse({ verb: 'posting.draft', draft: 42 })).toEqual({ verb: 'posting.draft', draft: '', hasMedia: false });
  });

  it('pre-check card: what it noticed and proposals to confirm', () => {
    const card = postingPrecheckCard(
      [{ kind: 'phone', message: 'Er staat een telefoonnummer in.', excerpt: '"06 12345678"' }],
      [{ fact: 'recognisable_people', value: true, reason: 'Foto en klas.' }],
    );
    expect(texts(card).join('\n')).toContain('Er staat een telefoonnummer in.');
    expect(walk(card).find((n) => n.type === 'Input.Toggle')).toMatchObject({ id: 'accept.recognisable_people', value: 'true' });
    expect(submits(card)[0]?.data.verb).toBe('posting.confirm');
    expect(postingPayload.parse({ 'accept.recognisable_people': 'true', 'accept.confidential': 'false', verb: 'posting.confirm' })).toEqual({ verb: 'posting.confirm', accepted: ['recognisable_people'] });
  });

  it('question card: Ja / Nee / Weet ik niet with the fact, why, source and navigation', () => {
    const decision: QuestionDecision = {
      kind: 'question', fact: 'written_consent', question: 'Heb je schriftelijke toestemming?', why: 'Zonder toestemming geen beelden.',
      source: rule, progress: { answered: 2, remainingAtMost: 4 },
    };
    const card = postingQuestionCard(decision, { canGoBack: true });
    const answers = submits(card).filter((s) => s.data.verb === POSTING_VERBS.answer);
    expect(answers.map((s) => [s.title, s.data.fact, s.data.value])).toEqual([
      ['Ja', 'written_consent', 'ja'],
      ['Nee', 'written_consent', 'nee'],
      ['Weet ik niet', 'written_consent', 'weet-niet'],
    ]);
    expect(submits(card).map((s) => s.title)).toEqual(expect.arrayContaining(['Terug', 'Opnieuw', 'Stoppen']));
    expect(texts(card).join('\n')).toMatch(/Vraag 3/);
    expect(texts(card)).toContain(`Bron: ${rule.citation}`);
    expect(submits(postingQuestionCard(decision, { canGoBack: false })).map((s) => s.title)).not.toContain('Terug');
  });

  it.each<[VerdictDecision, string, string[], boolean]>([
    [verdict('ja'), '✅ Ja', [], true],
    [verdict('ja, mits', { conditions: ['Noem je rol.'] }), '☑️ Ja, mits …', ['• Noem je rol.'], true],
    [verdict('nee', { alternatives: ['Vraag eerst toestemming.'] }), '⛔ Nee', ['• Vraag eerst toestemming.'], true],
    [verdict('twijfel', { alternatives: ['Vraag je leidinggevende.'] }), '🤔 Twijfel', ['• Vraag je leidinggevende.'], false],
  ])('verdict card %#: headline, points, quoted rules and escalation', (decision, headline, points, disagree) => {
    const card = postingVerdictCard(decision, 'leidinggevende');
    const t = texts(card);
    expect(t[0]).toBe(headline);
    for (const p of points) expect(t).toContain(p);
    expect(t).toContain(rule.quote);
    // A rule such as "1. Plaats *nooit* …" must not become a list or emphasis: it is a TextRun, not Markdown.
    expect(runs(card)).toContain(rule.quote);
    expect(t).toContain(`Bron: ${rule.citation}`);
    const escalate = submits(card).find((s) => s.data.verb === POSTING_VERBS.escalate);
    expect(escalate?.title).toBe('Vraag mijn leidinggevende');
    expect(walk(card).some((n) => n.title === 'Ik ben het er niet mee eens')).toBe(disagree);
    expect(submits(card).some((s) => s.data.verb === POSTING_VERBS.restart)).toBe(true);
  });

  it('every submit carries a known posting verb', () => {
    const cards = [
      postingStartCard('X'),
      postingPrecheckCard([], []),
      postingQuestionCard({ kind: 'question', fact: 'unsure', question: 'Twijfel je?', why: 'Daarom.', progress: { answered: 0, remainingAtMost: 1 } }, { canGoBack: false }),
      postingVerdictCard(verdict('nee'), 'teamleider'),
    ];
    for (const card of cards) for (const s of submits(card)) expect(allVerbs.has(String(s.data.verb))).toBe(true);
  });
});
