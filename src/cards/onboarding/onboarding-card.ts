import { formatCitation } from '../../core/knowledge/citation.js';
import type { KnowledgeDocument } from '../../core/knowledge/types.js';
import { ONBOARDING_VERBS } from '../../core/onboarding/actions.js';
import type { CourseStep, OnboardingCourse } from '../../core/onboarding/course-schema.js';
import type { OnboardingProgress } from '../../core/onboarding/progress-types.js';
import { ACKNOWLEDGEMENT_STATEMENT, startCourse } from '../../core/onboarding/progress.js';
import { latestAcknowledgement, needsUpdate } from '../../core/onboarding/updates.js';
import { diffVersions } from '../../core/onboarding/code-snapshot.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { formatDutchDate } from '../../core/shared/dutch-date.js';
import { verbatim } from '../shared/quote.js';
import { onboardingUpdateCard } from './onboarding-update-card.js';

/** "stap 3 van 8" for the step with `stepId` (1-based). */
export function progressText(course: OnboardingCourse, stepId: string): string {
  const index = course.steps.findIndex((s) => s.id === stepId);
  return `Stap ${index + 1} van ${course.steps.length}`;
}

/** Citation of the step's rule, or the code's title when the section is (no longer) in the knowledge. */
function citationFor(step: CourseStep, knowledge: KnowledgeDocument): string {
  const section = knowledge.sections.find((s) => s.id === step.rule.section);
  return section ? formatCitation(knowledge, section) : `${knowledge.organisation}, ${knowledge.title}`;
}

/** Input id of the answer choice; Teams merges it into the submit data as `optionId`. */
export const ANSWER_INPUT_ID = 'optionId';

/** The quoted rule with its citation, as one emphasised block. */
export function ruleQuote(quote: string, citation: string): CardElement {
  // A quote that starts mid-sentence gets an ellipsis, so it does not read as a typo.
  const shown = /^[a-zà-ÿ]/.test(quote) ? `…${quote}` : quote;
  return {
    type: 'Container',
    style: 'emphasis',
    bleed: false,
    items: [verbatim(`“${shown}”`, { italic: true }), verbatim(`Bron: ${citation}`, { size: 'Small', isSubtle: true })],
  };
}

/**
 * One course step: progress, theme, explanation, quoted and cited rule, and the scenario
 * question. Before an answer it offers the options (plus skip/stop); after an answer it
 * shows the feedback and "Volgende".
 */
export function onboardingStepCard(
  progress: OnboardingProgress,
  course: OnboardingCourse,
  knowledge: KnowledgeDocument,
  stepId: string,
): AdaptiveCard {
  const index = course.steps.findIndex((s) => s.id === stepId);
  const step = course.steps[index];
  if (!step) return onboardingMessageCard('Deze stap bestaat niet meer. Typ "onboarding" om verder te gaan.');
  const record = progress.steps[step.id];
  const body: CardElement[] = [textBlock(progressText(course, step.id), { size: 'Small', isSubtle: true, weight: 'Bolder' })];
  if (index === 0 && record === undefined) body.push(textBlock(course.intro, { spacing: 'Small' }));
  body.push(
    textBlock(step.theme, { size: 'Large', weight: 'Bolder', spacing: 'Medium' }),
    textBlock(step.explanation),
    ruleQuote(step.rule.quote, citationFor(step, knowledge)),
    textBlock(step.quiz.question, { weight: 'Bolder', spacing: 'Medium' }),
  );
  // Without associated inputs, skip/stop work even when no answer is chosen (the choice is required).
  const stop = submit('Stoppen, later verder', ONBOARDING_VERBS.stop, {}, { associatedInputs: 'none' });
  if (record === undefined) {
    // Radio buttons rather than one button per answer: Teams cuts long button titles off.
    body.push({
      type: 'Input.ChoiceSet',
      id: ANSWER_INPUT_ID,
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: 'Kies eerst een antwoord.',
      choices: step.quiz.options.map((o) => ({ title: o.label, value: o.id })),
    });
    return card(body, [
      submit('Controleer mijn antwoord', ONBOARDING_VERBS.answer, { stepId: step.id }, { style: 'positive' }),
      submit('Overslaan', ONBOARDING_VERBS.skip, { stepId: step.id }, { associatedInputs: 'none' }),
      stop,
    ]);
  }
  const correctOption = step.quiz.options.find((o) => o.correct);
  const correct = record.outcome === 'answered' && record.correct;
  body.push({
    type: 'Container',
    style: correct ? 'good' : 'attention',
    items: [
      textBlock(correct ? '✅ Goed zo!' : record.outcome === 'skipped' ? 'Overgeslagen.' : '❌ Niet helemaal.', { weight: 'Bolder' }),
      verbatim(`Het goede antwoord: ${correctOption?.label ?? ''}`),
      textBlock(step.quiz.explanation),
    ],
  });
  const isLast = index === course.steps.length - 1;
  return card(body, [submit(isLast ? 'Naar de afronding' : 'Volgende', ONBOARDING_VERBS.next, { stepId: step.id }, { style: 'positive' }), stop]);
}

/** Last card of the course: the user's own score and the acknowledgement with the code version. */
export function onboardingAcknowledgeCard(progress: OnboardingProgress, course: OnboardingCourse, knowledge: KnowledgeDocument): AdaptiveCard {
  const records = course.steps.map((s) => progress.steps[s.id]);
  const answered = records.filter((r) => r?.outcome === 'answered').length;
  const right = records.filter((r) => r?.outcome === 'answered' && r.correct).length;
  const skipped = records.filter((r) => r?.outcome === 'skipped').length;
  const score = `Je had ${right} van de ${answered} vragen goed${skipped > 0 ? ` en sloeg ${skipped} ${skipped === 1 ? 'stap' : 'stappen'} over` : ''}. Alleen jij ziet dit.`;
  return card(
    [
      textBlock('Afronding', { size: 'Small', isSubtle: true, weight: 'Bolder' }),
      textBlock('Je hebt alle stappen doorlopen 🎉', { size: 'Large', weight: 'Bolder' }),
      textBlock(score),
      textBlock(`Lees de ${knowledge.title} van ${knowledge.organisation}${versionSuffix(knowledge)} gerust nog eens helemaal door. Bevestig daarna:`),
      // The statement once, in full; the button only says what it does (Teams cuts long titles off).
      { type: 'Container', style: 'emphasis', items: [textBlock(`${ACKNOWLEDGEMENT_STATEMENT}.`, { weight: 'Bolder' })] },
    ],
    [
      submit('Ik bevestig dit', ONBOARDING_VERBS.acknowledge, {}, { style: 'positive' }),
      submit('Lees de hele code', ONBOARDING_VERBS.readCode, {}),
      submit('Stoppen, later verder', ONBOARDING_VERBS.stop),
    ],
  );
}

function versionSuffix(knowledge: KnowledgeDocument): string {
  return knowledge.version ? ` (versie ${knowledge.version})` : '';
}

/** After the acknowledgement, or when a completed user types "onboarding" again. */
export function onboardingCompletedCard(progress: OnboardingProgress, knowledge: KnowledgeDocument): AdaptiveCard {
  const last = latestAcknowledgement(progress);
  const body: CardElement[] = [textBlock('Onboarding afgerond ✅', { size: 'Large', weight: 'Bolder' })];
  if (last) {
    const version = last.code.version ? `, versie ${last.code.version}` : '';
    body.push(textBlock(`Je bevestigde op ${formatDutchDate(last.at)} dat je de code kent (${knowledge.title}${version}). Dank je wel!`));
  }
  const actions: CardElement[] = [];
  if (needsUpdate(progress, knowledge)) {
    body.push(textBlock('Er is een nieuwe versie van de code. Bekijk in een paar minuten wat er veranderd is.', { weight: 'Bolder' }));
    actions.push(submit('Bekijk wat er veranderd is', ONBOARDING_VERBS.update, {}, { style: 'positive' }));
  } else {
    body.push(textBlock('Heb je een vraag over sociale media? Typ hem gewoon hier.', { isSubtle: true }));
  }
  actions.push(submit('Opnieuw beginnen', ONBOARDING_VERBS.restart));
  return card(body, actions);
}

/** Confirmation after "stoppen": progress is kept. */
export function onboardingPausedCard(progress: OnboardingProgress, course: OnboardingCourse): AdaptiveCard {
  const where = progress.currentStepId ? ` Je bent bij ${progressText(course, progress.currentStepId).toLowerCase()}.` : ' Je hoeft alleen nog te bevestigen.';
  return card(
    [
      textBlock('Gepauzeerd', { size: 'Large', weight: 'Bolder' }),
      textBlock(`Je voortgang is bewaard.${where} Typ "onboarding" of kies "Verder" wanneer het jou uitkomt.`),
    ],
    [submit('Verder', ONBOARDING_VERBS.resume, {}, { style: 'positive' }), submit('Opnieuw beginnen', ONBOARDING_VERBS.restart)],
  );
}

/** A short message with a way back into the course. */
export function onboardingMessageCard(message: string): AdaptiveCard {
  return card([textBlock(message)], [submit('Verder met de onboarding', ONBOARDING_VERBS.resume)]);
}

/**
 * The card for wherever the user is now: the current step (question or feedback), the
 * acknowledgement, the update, the paused note, or the completed note. Not started shows step 1.
 */
export function onboardingCard(progress: OnboardingProgress | undefined, course: OnboardingCourse, knowledge: KnowledgeDocument): AdaptiveCard {
  if (!progress || progress.status === 'not-started') {
    const started = startCourse(progress, course, new Date(0));
    if (!started.ok) return onboardingMessageCard(started.message);
    return onboardingCard(started.progress, course, knowledge);
  }
  if (progress.updating) {
    const last = latestAcknowledgement(progress);
    if (last) return onboardingUpdateCard(diffVersions(last.code, knowledge), knowledge);
  }
  if (progress.status === 'completed') return onboardingCompletedCard(progress, knowledge);
  if (progress.paused) return onboardingPausedCard(progress, course);
  const current = progress.currentStepId;
  if (current !== undefined && course.steps.some((s) => s.id === current)) {
    return onboardingStepCard(progress, course, knowledge, current);
  }
  const open = course.steps.find((s) => progress.steps[s.id] === undefined);
  if (open) return onboardingStepCard(progress, course, knowledge, open.id);
  return onboardingAcknowledgeCard(progress, course, knowledge);
}
