import type { KnowledgeDocument, Section } from '../../src/core/knowledge/types.js';
import { validateOnboardingCourse, type OnboardingCourse } from '../../src/core/onboarding/course-schema.js';

export const T0 = new Date('2025-03-03T09:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
export const days = (n: number) => new Date(T0.getTime() + n * 24 * 60 * 60_000);

function section(id: string, heading: string, text: string, rule?: string): Section {
  const s: Section = { id, org: 'demo', headingPath: ['3 Richtlijnen', heading], audience: ['medewerkers'], text };
  if (rule) s.rule = rule;
  return s;
}

export function knowledgeV1(): KnowledgeDocument {
  return {
    org: 'demo',
    organisation: 'Demo Onderwijs',
    title: 'Code Sociale Media',
    version: 'januari 2025',
    leaderTerm: 'leidinggevende',
    contentHash: 'hash-v1',
    sections: [
      section('demo:3.1', '3.1 Medewerkers', 'Plaats geen foto\'s van leerlingen zonder toestemming. De AVG is leidend.', '1'),
      section('demo:3.2', '3.2 Medewerkers', 'Ga niet in discussie met een ouder op sociale media.', '2'),
      section('demo:3.3', '3.3 Medewerkers', 'Bij twijfel: niet publiceren.', '3'),
      section('demo:3.4', '3.4 Medewerkers', 'Je bent ambassadeur van je school.', '4'),
    ],
  };
}

/** v2: 3.2 changed, 3.4 removed, 3.5 added. */
export function knowledgeV2(): KnowledgeDocument {
  const v1 = knowledgeV1();
  const sections = v1.sections
    .filter((s) => s.id !== 'demo:3.4')
    .map((s) => (s.id === 'demo:3.2' ? { ...s, text: 'Ga niet in discussie met een ouder of leerling op sociale media.' } : s));
  sections.push(section('demo:3.5', '3.5 Medewerkers', 'Gebruik het logo van de school niet privé.', '5'));
  return { ...v1, version: 'juni 2025', contentHash: 'hash-v2', sections };
}

function step(id: string, sectionId: string, quote: string) {
  return {
    id,
    theme: `Thema ${id}`,
    explanation: `Uitleg bij ${id}. Nog een zin.`,
    rule: { section: sectionId, quote },
    quiz: {
      question: `Wat doe je bij ${id}?`,
      options: [
        { id: 'goed', label: 'Het goede', correct: true },
        { id: 'fout', label: 'Het foute' },
      ],
      explanation: `Goed is het goede, want de regel zegt het (${id}).`,
    },
  };
}

export function demoCourseData() {
  return {
    org: 'demo',
    title: 'Kennismaken met de code',
    intro: 'Welkom bij de korte cursus.',
    steps: [
      step('privacy', 'demo:3.1', 'Plaats geen foto\'s van leerlingen zonder toestemming.'),
      step('discussie', 'demo:3.2', 'Ga niet in discussie met een ouder op sociale media.'),
      step('twijfel', 'demo:3.3', 'Bij twijfel: niet publiceren.'),
      step('ambassadeur', 'demo:3.4', 'Je bent ambassadeur van je school.'),
      step('privacy-2', 'demo:3.1', 'De AVG is leidend.'),
      step('twijfel-2', 'demo:3.3', 'Bij twijfel: niet publiceren.'),
    ],
  };
}

export function demoCourse(): OnboardingCourse {
  const parsed = validateOnboardingCourse(demoCourseData());
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.value;
}
