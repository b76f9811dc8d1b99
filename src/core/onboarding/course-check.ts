import type { KnowledgeDocument } from '../knowledge/types.js';
import type { OnboardingCourse } from './course-schema.js';

/** Collapses whitespace so a quote that was re-wrapped still counts as verbatim. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Checks a course against the board's knowledge: every referenced section exists and every
 * quote is verbatim text of its section. Returns Dutch problem descriptions; empty means valid.
 */
export function checkCourseAgainstKnowledge(course: OnboardingCourse, knowledge: KnowledgeDocument): string[] {
  const problems: string[] = [];
  if (course.org !== knowledge.org) problems.push(`cursus is voor "${course.org}", kennisbank voor "${knowledge.org}"`);
  const sections = new Map(knowledge.sections.map((s) => [s.id, s]));
  for (const step of course.steps) {
    const section = sections.get(step.rule.section);
    if (!section) {
      problems.push(`stap ${step.id}: sectie ${step.rule.section} bestaat niet in knowledge/${knowledge.org}`);
      continue;
    }
    if (!normaliseWhitespace(section.text).includes(normaliseWhitespace(step.rule.quote))) {
      problems.push(`stap ${step.id}: het citaat staat niet letterlijk in sectie ${section.id}`);
    }
  }
  return problems;
}
