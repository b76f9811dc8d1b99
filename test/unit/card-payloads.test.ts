import { describe, expect, it } from 'vitest';
import { answerPayload, openPayload, redactPayload, sendPayload } from '../../src/cards/doubts/doubt-actions.js';
import { escalatePayload, postingPayload } from '../../src/cards/posting/posting-actions.js';
import { feedbackPayload } from '../../src/cards/answers/answer-actions.js';

// Card data is parsed where it arrives: wrong types become "missing", so the domain's own Dutch
// refusal answers a forged card the same as a stale one, and handlers never see unknown values.
describe('card payloads', () => {
  it('a doubt id that is not text is no id at all', () => {
    expect(answerPayload.parse({ doubtId: 7, decision: 'approve', comment: 3 })).toEqual({ doubtId: '', decision: 'approve', comment: undefined });
    expect(openPayload.parse({ list: 'everything', doubtId: 'd1' })).toEqual({ list: undefined, doubtId: 'd1' });
  });

  it('the compose card: texts are text, "send as is" only when the card says true', () => {
    expect(sendPayload.parse({ composeId: 'c1', doubtText: 'Mag dit?', draftText: {}, sendAsIs: 'true' })).toEqual({
      composeId: 'c1',
      doubtText: 'Mag dit?',
      draftText: undefined,
      sendAsIs: undefined,
    });
    expect(redactPayload.parse({ mode: 'shred' }).mode).toBe('replace');
    expect(redactPayload.parse({ mode: 'remove' }).mode).toBe('remove');
  });

  it('posting: an unreadable answer stays undefined for the dialog to explain; other verbs are refused', () => {
    expect(postingPayload.parse({ verb: 'posting.answer', fact: 'written_consent', value: 'misschien' })).toEqual({ verb: 'posting.answer', fact: 'written_consent', value: undefined });
    expect(postingPayload.parse({ verb: 'posting.answer', fact: 'written_consent', value: 'weet-niet' })).toMatchObject({ value: null });
    expect(postingPayload.safeParse({ verb: 'posting.escalate' }).success).toBe(false);
    expect(escalatePayload.parse({ disagree: 'yes' })).toEqual({ disagree: undefined });
  });

  it('feedback needs a remembered answer id and a rating', () => {
    expect(feedbackPayload.safeParse({ answerId: 'a1', rating: 'meh' }).success).toBe(false);
    expect(feedbackPayload.parse({ answerId: 'a1', rating: 'up', verb: 'feedback' })).toEqual({ answerId: 'a1', rating: 'up' });
  });
});
