import { describe, expect, it } from 'vitest';
import {
  answer,
  back,
  confirmProposals,
  nextStep,
  parseAnswerValue,
  restart,
  skipDraft,
  startSession,
  stop,
  withDraft,
  type PostingSession,
} from '../../src/core/posting/session.js';
import { loadKnowledge } from '../../src/board/board-files.js';
import { loadPostingDefinition } from '../../src/board/board-files.js';

const now = new Date('2026-01-05T09:00:00Z');
const definition = loadPostingDefinition('dialogs', 'oog');
const knowledge = loadKnowledge('knowledge', 'oog');
const context = { organisationNames: [knowledge.organisation], swearWords: ['kut*'] };

function ok(result: ReturnType<typeof answer>): PostingSession {
  if (!result.ok) throw new Error(result.error);
  return result.session;
}

describe('posting session', () => {
  it('starts waiting for a draft and is plain JSON', () => {
    const session = startSession('oog', now);
    expect(session).toMatchObject({ org: 'oog', status: 'awaiting-draft', startedAt: '2026-01-05T09:00:00.000Z', answers: {} });
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
    expect(nextStep(session, definition, knowledge).kind).toBe('draft');
  });

  it('proposes answers from the draft and uses the confirmed ones instead of asking', () => {
    let session = withDraft(startSession('oog', now), 'Schoolreisje met mijn klas!', true, context);
    const confirm = nextStep(session, definition, knowledge);
    expect(confirm.kind).toBe('confirm');
    expect(session.proposals.map((p) => p.fact)).toEqual(['about_school', 'recognisable_people']);
    // The user confirms only that it is about school; recognisable_people is asked normally.
    const confirmed = confirmProposals(session, ['about_school', 'not_a_fact']);
    expect(confirmed.ok).toBe(true);
    session = confirmed.session;
    expect(session.answers).toEqual({ about_school: true });
    const step = nextStep(session, definition, knowledge);
    expect(step).toMatchObject({ kind: 'question', decision: { fact: 'recognisable_people' } });
  });

  it('goes straight to questions without a draft, and without findings', () => {
    expect(skipDraft(startSession('oog', now)).status).toBe('asking');
    expect(withDraft(startSession('oog', now), 'Mijn nieuwe keuken!', false, context).status).toBe('asking');
  });

  it('accepts only the answer to the question asked last', () => {
    const asked = nextStep(skipDraft(startSession('oog', now)), definition, knowledge);
    expect(asked).toMatchObject({ kind: 'question', decision: { fact: 'about_school' } });
    const wrong = answer(asked.session, 'could_harm', true);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/andere vraag/);
    expect(answer(asked.session, 'bogus', true).ok).toBe(false);
    expect(answer(skipDraft(startSession('oog', now)), 'about_school', true).ok).toBe(false);
    expect(ok(answer(asked.session, 'about_school', true)).answers).toEqual({ about_school: true });
  });

  it('reaches a verdict, and goes back and restarts', () => {
    let session = skipDraft(startSession('oog', now));
    const script: Record<string, boolean> = { about_school: true, recognisable_people: true, written_consent: false };
    let step = nextStep(session, definition, knowledge);
    while (step.kind === 'question') {
      session = ok(answer(step.session, step.decision.fact, script[step.decision.fact] ?? false));
      step = nextStep(session, definition, knowledge);
    }
    expect(step).toMatchObject({ kind: 'verdict', decision: { verdict: 'nee' }, session: { status: 'decided' } });
    const undone = back(step.session);
    expect(undone.answers).toEqual({ about_school: true, recognisable_people: true });
    expect(nextStep(undone, definition, knowledge)).toMatchObject({ kind: 'question', decision: { fact: 'written_consent' } });
    expect(restart(undone, now)).toEqual(startSession('oog', now));
    expect(nextStep(stop(undone), definition, knowledge).kind).toBe('stopped');
  });

  it('"terug" over confirmed proposals returns to the confirmation, and before that to the draft', () => {
    const drafted = withDraft(startSession('oog', now), 'Dit is vertrouwelijk', false, context);
    const confirmed = confirmProposals(drafted, ['confidential']);
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    const undone = back(confirmed.session);
    expect(undone).toMatchObject({ status: 'confirming', answers: {} });
    expect(back(undone).status).toBe('awaiting-draft');
  });

  it.each([
    ['ja', true],
    ['nee', false],
    ['weet-niet', null],
    ['maybe', undefined],
    [42, undefined],
  ])('parses card value %s', (value, expected) => {
    expect(parseAnswerValue(value)).toBe(expected);
  });
});
