import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAnswer, renderAnswer } from '../../src/core/ai/citation-markers.js';
import { checkGrounding } from '../../src/core/ai/grounding.js';
import { ChatCallError } from '../../src/core/ai/types.js';
import type { AiConfig } from '../../src/config.js';
import { createOpenAiChat } from '../../src/infra/open-ai-chat.js';
import { FakeOpenAi } from '../support/fake-openai.js';

const ids = ['P1', 'P2', 'P3'];

describe('citation markers: the [1] Teams opens, numbered by first use', () => {
  it.each([
    ['Nee, dat mag niet. [P1]', 'Nee, dat mag niet. [1]', ['P1']],
    ['Nee [P2], alleen met toestemming [P1].', 'Nee [1], alleen met toestemming [2].', ['P2', 'P1']],
    ['Nee. [P2, P1]', 'Nee. [1][2]', ['P2', 'P1']],
    ['Nee. [P3][P1] [p3]', 'Nee. [1][2][1]', ['P3', 'P1']],
    ['Nee . [P9]', 'Nee.', []],
  ])('%s → %s', (raw, marked, cited) => {
    expect(renderAnswer(raw, ids)).toMatchObject({ marked, cited });
  });

  it('the grounding check gives the same marked text, and the plain text without marks', () => {
    expect(checkGrounding('Nee [P2], alleen met toestemming [P1].', ids)).toEqual({ ok: true, text: 'Nee, alleen met toestemming.', marked: 'Nee [1], alleen met toestemming [2].', cited: ['P2', 'P1'] });
  });
});

describe('previewAnswer: what a stream may show of an answer being written', () => {
  it.each([
    ['', undefined],
    ['N', undefined],
    ['NIET_IN', undefined],
    ['NIET_IN_CODE', undefined],
    ['Niet zonder', 'Niet zonder'],
    ['Nee, dat mag niet [P', 'Nee, dat mag niet'],
    ['Nee, dat mag niet [P1', 'Nee, dat mag niet'],
    ['Nee, dat mag niet [P1]', 'Nee, dat mag niet [1]'],
    ['Nee.\nDe zon die schijnt', undefined],
    ['- ja\n- nee', undefined],
    [`${'Dat mag niet. '.repeat(4)}`, undefined],
    [`${'a'.repeat(321)}`, undefined],
  ])('%j → %j', (partial, shown) => {
    expect(previewAnswer(partial, ids)?.marked).toBe(shown);
  });

  // Teams refuses a stream whose text changes instead of growing: every preview must be the start of the final text.
  it.each([
    'Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [P1]',
    'Nee [P2], alleen met toestemming van de ouders [P1] .',
    'Ja, maar  alleen als de school het goed vindt. [P2, P1]',
    'Niet zonder toestemming; vraag het eerst aan je leidinggevende [P3][P1].',
  ])('every prefix of %j previews as a prefix of the grounded text', (raw) => {
    const final = checkGrounding(raw, ids);
    if (!final.ok) throw new Error(`should be grounded: ${final.failure}`);
    let previous = '';
    for (let i = 1; i <= raw.length; i++) {
      const preview = previewAnswer(raw.slice(0, i), ids);
      if (!preview) continue;
      expect(final.marked.startsWith(preview.marked), `${raw.slice(0, i)} → ${preview.marked}`).toBe(true);
      expect(preview.marked.startsWith(previous)).toBe(true);
      previous = preview.marked;
    }
    expect(previous).toBe(final.marked);
  });
});

describe('createOpenAiChat streaming (server-sent events from the fake server)', () => {
  const model = new FakeOpenAi();
  let ai: AiConfig;
  const request = { messages: [{ role: 'user' as const, content: 'vraag' }], temperature: 0, maxTokens: 160 };

  beforeAll(async () => {
    const endpoint = await model.start();
    ai = { provider: 'openai', endpoint, apiKey: '', model: 'm', apiVersion: 'x', timeoutMs: 500, dailyTokenBudget: 1000, sendPersonalData: false };
  });
  afterAll(() => model.stop());

  it('tells the listener the growing text and resolves with the whole text and the tokens billed', async () => {
    model.behave = () => ({ content: 'Nee, dat mag niet zonder toestemming. [P1]', dripMs: 5 });
    const seen: string[] = [];
    const reply = await createOpenAiChat(ai)(request, (soFar) => seen.push(soFar));
    expect(reply).toEqual({ text: 'Nee, dat mag niet zonder toestemming. [P1]', totalTokens: 940 });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(reply.text);
    seen.forEach((s, i) => i > 0 && expect(s.startsWith(seen[i - 1]!)).toBe(true));
  });

  it('a stream cut off before [DONE] is a bad response; one slower than the time-out a time-out; a 429 an http error', async () => {
    const fail = async () => {
      try {
        await createOpenAiChat(ai)(request, () => undefined);
      } catch (error) {
        return error as ChatCallError;
      }
      throw new Error('expected a failure');
    };
    model.behave = () => ({ content: 'Nee, dat mag niet. [P1]', cutOff: true });
    expect(await fail()).toMatchObject({ failure: 'bad_response' });
    model.behave = () => ({ content: 'Nee, dat mag niet zonder toestemming van de ouders. [P1]', dripMs: 100 });
    expect(await fail()).toMatchObject({ failure: 'timeout' });
    model.behave = () => ({ status: 429 });
    expect(await fail()).toMatchObject({ failure: 'http_error', status: 429 });
  });

  it('a server that ignores `stream` and answers with one JSON body still answers', async () => {
    model.behave = () => ({ raw: JSON.stringify({ choices: [{ message: { content: 'Ja. [P1]' } }], usage: { total_tokens: 12 } }) });
    expect(await createOpenAiChat(ai)(request, () => undefined)).toEqual({ text: 'Ja. [P1]', totalTokens: 12 });
  });
});
