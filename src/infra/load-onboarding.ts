import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseOnboardingCourse, type OnboardingCourse } from '../core/onboarding/course-schema.js';

/** A course file that is missing or invalid; `problems` lists each issue in Dutch. */
export class OnboardingCourseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Onboarding-cursus ${file} is ongeldig:\n- ${problems.join('\n- ')}`);
    this.name = 'OnboardingCourseError';
  }
}

/** Path of an organisation's course file. */
export function onboardingCoursePath(dialogsDir: string, org: string): string {
  return path.join(dialogsDir, org, 'onboarding.yaml');
}

/**
 * Reads and validates `dialogs/<org>/onboarding.yaml`.
 * @throws OnboardingCourseError when the file is missing, not YAML, invalid, or for another org.
 */
export async function loadOnboardingCourse(dialogsDir: string, org: string): Promise<OnboardingCourse> {
  if (!/^[a-z0-9-]+$/.test(org)) throw new OnboardingCourseError(org, [`ongeldige organisatie-id "${org}"`]);
  const file = onboardingCoursePath(dialogsDir, org);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new OnboardingCourseError(file, ['bestand niet gevonden']);
  }
  let data: unknown;
  try {
    data = parse(raw);
  } catch (error) {
    throw new OnboardingCourseError(file, [`geen geldige YAML: ${(error as Error).message}`]);
  }
  const result = parseOnboardingCourse(data);
  if (!result.ok) throw new OnboardingCourseError(file, result.errors);
  if (result.course.org !== org) throw new OnboardingCourseError(file, [`org is "${result.course.org}", verwacht "${org}"`]);
  return result.course;
}
