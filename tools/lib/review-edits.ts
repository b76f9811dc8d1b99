/**
 * The reviewer's two actions of `npm run review`, as pure text edits (the tool reads and writes
 * the files): link a question to a section in `knowledge/<org>/questions.yaml`, or keep it as an
 * out-of-scope example in `test/fixtures/review-out-of-scope.json`. Edits keep the files' layout,
 * so a review shows as a one-line diff.
 */
import { parse } from 'yaml';
import { normaliseQuestion } from '../../src/core/learning/review.js';

export class ReviewEditError extends Error {}

export interface EditResult {
  text: string;
  /** False when the question was already there (the text is unchanged). */
  added: boolean;
}

/** The question as the knowledge files keep it: one line, single spaces; an empty one is refused. */
export function cleanQuestion(question: string): string {
  const clean = question.replace(/\s+/g, ' ').trim();
  if (!clean) throw new ReviewEditError('De vraag is leeg.');
  return clean;
}

/**
 * Adds `question` to the questions of `sectionId` (after its last one; a new entry at the end
 * when the section has none yet). Refuses a section id that is not in `sectionIds` and a question
 * already kept under another section; a question already under this section is not added twice.
 */
export function linkQuestion(yamlText: string, sectionId: string, question: string, sectionIds: ReadonlySet<string>): EditResult {
  const q = cleanQuestion(question);
  if (!sectionIds.has(sectionId)) {
    const prefix = sectionId.replace(/[^:]*$/, '');
    const near = [...sectionIds].filter((id) => prefix && id.startsWith(prefix)).slice(0, 5);
    throw new ReviewEditError(
      `Onbekende sectie "${sectionId}": die staat niet in sections.yaml van deze organisatie.` + (near.length > 0 ? ` Bedoel je bijvoorbeeld ${near.join(', ')}?` : ''),
    );
  }
  const data = (parse(yamlText) ?? {}) as { sections?: Record<string, unknown> };
  const key = normaliseQuestion(q);
  for (const [id, questions] of Object.entries(data.sections ?? {})) {
    if (!Array.isArray(questions) || !questions.some((existing) => typeof existing === 'string' && normaliseQuestion(existing) === key)) continue;
    if (id === sectionId) return { text: yamlText, added: false };
    throw new ReviewEditError(`Deze vraag staat al bij sectie "${id}". Verplaats hem daar met de hand als hij bij "${sectionId}" hoort.`);
  }

  const lines = yamlText.split('\n');
  const item = `    - ${JSON.stringify(q)}`;
  const header = lines.findIndex((line) => line === `  ${JSON.stringify(sectionId)}:`);
  if (header < 0) {
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    lines.push(`  ${JSON.stringify(sectionId)}:`, item, '');
  } else {
    let last = header;
    for (let i = header + 1; i < lines.length && (lines[i]!.startsWith('    ') || lines[i]!.trim() === ''); i++) {
      if (lines[i]!.trim() !== '') last = i;
    }
    lines.splice(last + 1, 0, item);
  }
  const text = lines.join('\n');
  // The edit must read back as intended; anything else means the file's layout is not the expected one.
  const check = (parse(text) as { sections?: Record<string, unknown> }).sections?.[sectionId];
  if (!Array.isArray(check) || !check.includes(q)) throw new ReviewEditError('questions.yaml heeft een onverwachte opmaak; voeg de vraag met de hand toe.');
  return { text, added: true };
}

export interface OutOfScopeFile {
  version: 1;
  description: string;
  items: unknown[];
  out_of_scope: Array<{ id: string; org: string; question: string }>;
}

export const OUT_OF_SCOPE_DESCRIPTION =
  'Questions staff asked that a reviewer marked out of scope with `npm run review -- --out-of-scope` (issue 9): no code answers them. ' +
  'test/unit/review-out-of-scope.test.ts checks that the bot still declines every one (never a quoted answer). Same shape as the eval sets.';

/** Adds `question` of board `org` as an out-of-scope example (`existing` undefined: a new file). */
export function addOutOfScope(existing: string | undefined, org: string, question: string): EditResult {
  const q = cleanQuestion(question);
  const file: OutOfScopeFile = existing ? (JSON.parse(existing) as OutOfScopeFile) : { version: 1, description: OUT_OF_SCOPE_DESCRIPTION, items: [], out_of_scope: [] };
  if (!Array.isArray(file.out_of_scope)) throw new ReviewEditError('Het bestand met out-of-scope-vragen heeft geen lijst "out_of_scope".');
  const key = normaliseQuestion(q);
  if (file.out_of_scope.some((item) => item.org === org && normaliseQuestion(item.question) === key)) return { text: existing!, added: false };
  const prefix = `review-oos-${org}-`;
  const next = Math.max(0, ...file.out_of_scope.filter((i) => i.id.startsWith(prefix)).map((i) => Number(i.id.slice(prefix.length)) || 0)) + 1;
  file.out_of_scope.push({ id: `${prefix}${next}`, org, question: q });
  return { text: `${JSON.stringify(file, null, 2)}\n`, added: true };
}
