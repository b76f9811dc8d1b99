import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/core/knowledge/citation.js';
import {
  ACKNOWLEDGEMENT_STATEMENT,
  ONBOARDING_VERBS,
  acknowledge,
  answerQuiz,
  diffVersions,
  overview,
  skipStep,
  snapshotCode,
  startCourse,
  startUpdate,
  stopCourse,
  type OnboardingProgress,
} from '../../src/core/onboarding/index.js';
import { ANSWER_INPUT_ID, onboardingCard, onboardingStepCard } from '../../src/cards/onboarding/onboarding-card.js';
import { onboardingInvitationCard, onboardingOverviewCard } from '../../src/cards/onboarding/onboarding-overview-card.js';
import { onboardingUpdateCard, onboardingUpdateInvitationCard } from '../../src/cards/onboarding/onboarding-update-card.js';
import { helpCard, welcomeCard } from '../../src/cards/welcome/welcome-card.js';
import type { AdaptiveCard } from '../../src/cards/shared/adaptive-card.js';
import { at, demoCourse, knowledgeV1, knowledgeV2 } from './onboarding-fixtures.js';

const course = demoCourse();
const knowledge = knowledgeV1();

function unwrap(r: { ok: true; progress: OnboardingProgress } | { ok: false; message: string }): OnboardingProgress {
  if (!r.ok) throw new Error(r.message);
  return r.progress;
}

/** All Action.Submit payloads anywhere in the card (actions and ActionSets). */
function submits(card: AdaptiveCard): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Submit') found.push({ title: String(record.title), data: record.data as Record<string, unknown> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every text the user sees (TextBlock text and TextRun text). */
function texts(card: AdaptiveCard): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((record.type === 'TextBlock' || record.type === 'TextRun') && typeof record.text === 'string') found.push(record.text);
      if (record.type === 'FactSet') for (const f of record.facts as { title: string; value: string }[]) found.push(`${f.title}: ${f.value}`);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found.join('\n');
}

function expectCardShape(card: AdaptiveCard) {
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  expect(JSON.stringify(card).length).toBeLessThan(28_000);
}

describe('step cards', () => {
  const started = unwrap(startCourse(undefined, course, at(0)));

  it.each(course.steps.map((step, i) => [i + 1, step] as const))('step %i shows progress, quote, citation and the quiz buttons', (number, step) => {
    const card = onboardingStepCard(started, course, knowledge, step.id);
    expectCardShape(card);
    const text = texts(card);
    expect(text).toContain(`Stap ${number} van ${course.steps.length}`);
    expect(text).toContain(step.rule.quote);
    const section = knowledge.sections.find((s) => s.id === step.rule.section)!;
    expect(text).toContain(formatCitation(knowledge, section));
    expect(text).toContain(step.quiz.question);
    const choices = card.body.find((e) => e.type === 'Input.ChoiceSet') as unknown as { id: string; isRequired: boolean; choices: { title: string; value: string }[] };
    expect(choices.id).toBe(ANSWER_INPUT_ID);
    expect(choices.isRequired).toBe(true);
    expect(choices.choices).toEqual(step.quiz.options.map((o) => ({ title: o.label, value: o.id })));
    const actions = submits(card);
    expect(actions.filter((a) => a.data.verb === ONBOARDING_VERBS.answer).map((a) => a.data)).toEqual([{ verb: ONBOARDING_VERBS.answer, stepId: step.id }]);
    expect(actions.map((a) => a.data.verb)).toEqual(expect.arrayContaining([ONBOARDING_VERBS.skip, ONBOARDING_VERBS.stop]));
    expect(actions.find((a) => a.data.verb === ONBOARDING_VERBS.skip)!.data.stepId).toBe(step.id);
  });

  it.each([
    ['goed', 'Goed zo'],
    ['fout', 'Niet helemaal'],
  ])('after answering %s it shows feedback with the explanation and "Volgende"', (optionId, verdict) => {
    const answered = unwrap(answerQuiz(started, course, 'privacy', optionId, at(1)));
    const card = onboardingCard(answered, course, knowledge);
    const text = texts(card);
    expect(text).toContain(verdict);
    expect(text).toContain(course.steps[0]!.quiz.explanation);
    expect(text).toContain('Het goede antwoord: Het goede');
    const verbs = submits(card).map((a) => a.data.verb);
    expect(verbs).toContain(ONBOARDING_VERBS.next);
    expect(verbs).not.toContain(ONBOARDING_VERBS.answer);
    expect(JSON.stringify(card)).not.toContain('Input.ChoiceSet');
  });

  it('skip and stop do not require a chosen answer', () => {
    const card = onboardingStepCard(started, course, knowledge, 'privacy');
    const raw = (card.actions ?? []).filter((a) => (a.data as { verb: string }).verb !== ONBOARDING_VERBS.answer);
    expect(raw.map((a) => a.associatedInputs)).toEqual(['none', 'none']);
  });

  it('marks a quote that starts mid-sentence with an ellipsis', () => {
    const partial = { ...course, steps: course.steps.map((s, i) => (i === 0 ? { ...s, rule: { ...s.rule, quote: 'het gedrag wijkt niet af.' } } : s)) };
    expect(texts(onboardingStepCard(started, partial, knowledge, 'privacy'))).toContain('“…het gedrag wijkt niet af.”');
  });

  it('shows a quote containing Markdown characters verbatim, not as Markdown', () => {
    const tricky = { ...course, steps: course.steps.map((s, i) => (i === 0 ? { ...s, rule: { ...s.rule, quote: '1. Plaats *nooit* foto_s' } } : s)) };
    const card = onboardingStepCard(started, tricky, knowledge, 'privacy');
    expect(JSON.stringify(card)).toContain('{"type":"TextRun","text":"“1. Plaats *nooit* foto_s”"');
  });
});

describe('onboardingCard follows the progress', () => {
  const finishSteps = () => {
    let p = unwrap(startCourse(undefined, course, at(0)));
    p = unwrap(answerQuiz(p, course, 'privacy', 'goed', at(1)));
    // Skipping an answered step just moves on and keeps the answer.
    for (const step of course.steps) p = unwrap(skipStep(p, course, step.id, at(2)));
    return p;
  };

  it('not started shows step 1 with the intro', () => {
    const text = texts(onboardingCard(undefined, course, knowledge));
    expect(text).toContain('Stap 1 van 6');
    expect(text).toContain(course.intro);
  });

  it('paused offers resume', () => {
    const paused = unwrap(stopCourse(unwrap(startCourse(undefined, course, at(0))), at(1)));
    const card = onboardingCard(paused, course, knowledge);
    expect(texts(card)).toContain('stap 1 van 6');
    expect(submits(card).map((a) => a.data.verb)).toEqual([ONBOARDING_VERBS.resume, ONBOARDING_VERBS.restart]);
  });

  it('after the last step asks for the acknowledgement with the code version and own score', () => {
    const card = onboardingCard(finishSteps(), course, knowledge);
    const text = texts(card);
    expect(text).toContain(ACKNOWLEDGEMENT_STATEMENT);
    expect(text).toContain('januari 2025');
    expect(text).toContain('Je had 1 van de 1 vragen goed en sloeg 5 stappen over');
    expect(submits(card)[0]!.data).toEqual({ verb: ONBOARDING_VERBS.acknowledge });
  });

  it('completed shows the date and offers the update when the code changed', () => {
    const done = unwrap(acknowledge(finishSteps(), knowledge, new Date('2025-03-03T12:00:00Z')));
    const current = onboardingCard(done, course, knowledge);
    expect(texts(current)).toContain('3 maart 2025');
    expect(submits(current).map((a) => a.data.verb)).toEqual([ONBOARDING_VERBS.restart]);
    const outdated = onboardingCard(done, course, knowledgeV2());
    expect(submits(outdated).map((a) => a.data.verb)).toEqual([ONBOARDING_VERBS.update, ONBOARDING_VERBS.restart]);
    const updating = unwrap(startUpdate(done, knowledgeV2(), at(100)));
    expect(texts(onboardingCard(updating, course, knowledgeV2()))).toContain('Wat is er veranderd?');
  });
});

describe('update cards', () => {
  const diff = diffVersions(snapshotCode(knowledgeV1()), knowledgeV2());

  it('shows only what changed: new text of added/changed sections and removed labels', () => {
    const card = onboardingUpdateCard(diff, knowledgeV2());
    expectCardShape(card);
    const text = texts(card);
    expect(text).toContain('Gebruik het logo van de school niet privé.');
    expect(text).toContain('Ga niet in discussie met een ouder of leerling op sociale media.');
    expect(text).toContain('3.4 Medewerkers');
    expect(text).not.toContain('Bij twijfel: niet publiceren.');
    expect(submits(card).map((a) => a.data.verb)).toEqual([ONBOARDING_VERBS.acknowledge, ONBOARDING_VERBS.readCode]);
  });

  it('the invitation summarises the change and links to the update', () => {
    const card = onboardingUpdateInvitationCard(diff, knowledgeV2());
    expect(texts(card)).toContain('1 nieuwe regel, 1 gewijzigde regel en 1 vervallen regel');
    expect(submits(card).map((a) => a.data.verb)).toEqual([ONBOARDING_VERBS.update]);
  });
});

describe('welcome and help cards', () => {
  it.each([
    ['welcome', welcomeCard],
    ['help', helpCard],
  ] as const)('%s card names the features, the leader term and the three buttons', (_label, build) => {
    const card = build('Openbaar Onderwijs Groningen', 'teamleider');
    expectCardShape(card);
    // The help card lists its commands in a FactSet, which texts() does not read.
    const text = `${texts(card)}\n${JSON.stringify(card.body)}`;
    expect(text).toContain('Openbaar Onderwijs Groningen');
    expect(text).toContain('teamleider');
    expect(text).toMatch(/Mag ik dit posten\?/i);
    expect(text).toMatch(/onboarding/i);
    expect(text).toMatch(/typen/);
    expect(submits(card).map((a) => a.data.verb)).toEqual(['onboarding.start', 'posting.start', 'doubt.compose']);
  });
});

describe('leader cards', () => {
  const people = [
    { id: 'u1', name: 'Anna' },
    { id: 'u2', name: 'Bram' },
  ];

  it('overview shows counts and names, and the invite button only when someone may be invited', () => {
    const summary = overview({}, people);
    const card = onboardingOverviewCard(summary, 2);
    expect(texts(card)).toContain('Nog niet begonnen: 2');
    expect(texts(card)).toContain('Bram');
    expect(submits(card).map((a) => [a.data.verb, a.title])).toEqual([[ONBOARDING_VERBS.invite, "Nodig 2 collega's uit"]]);
    expect(submits(onboardingOverviewCard(summary, 0))).toEqual([]);
  });

  it('invitation card starts the onboarding', () => {
    const card = onboardingInvitationCard('Konot', 'leidinggevende');
    expect(texts(card)).toContain('Je leidinggevende nodigt je uit');
    expect(submits(card).map((a) => a.data.verb)).toEqual([ONBOARDING_VERBS.start]);
  });
});

describe('the whole code before confirming', () => {
  it.each(['oog', 'konot', 'kempenkind', 'kopwerk', 'school001'])('%s: every part fits in one Teams card and together they hold every section', async (org) => {
    const { loadKnowledge } = await import('../../src/board/board-files.js');
    const { codeChapterCard, codeChapters, codeContentsCard } = await import('../../src/cards/onboarding/onboarding-code-card.js');
    const knowledge = loadKnowledge(new URL('../../knowledge', import.meta.url).pathname, org);
    const chapters = codeChapters(knowledge);
    expect(chapters.flatMap((c) => c.sections.map((s) => s.id))).toEqual(knowledge.sections.map((s) => s.id));
    // Teams refuses cards over 28 KB.
    for (let i = 0; i < chapters.length; i++) expect(JSON.stringify(codeChapterCard(knowledge, i)).length).toBeLessThan(25_000);
    expect(JSON.stringify(codeContentsCard(knowledge)).length).toBeLessThan(25_000);
  });
});
