/**
 * What every validator of a data file returns (knowledge, questions, posting model, course,
 * leidinggevende mapping, word lists): the value, or the problems, each a Dutch line that says
 * where (`teams[0].leader: "kees" staat niet onder leaders`). The file loader in src/board names
 * the file; core never reads one.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** One problem a schema found (the fields zod 3 and zod 4 issues share). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
}

/** Anything with zod's safeParse (zod 3 and zod 4 schemas alike). */
export interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/** Where a problem is, as the file's reader writes it: `teams[0].members[1]`, or '' for the file itself. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** A problem line: `where: what`, or `what` alone for the whole file. */
export function problem(where: string, what: string): string {
  return where ? `${where}: ${what}` : what;
}

/** The problems of a schema's issues, one line each, with unknown keys named. */
export function issueProblems(issues: readonly SchemaIssue[]): string[] {
  return issues.map((issue) => {
    const what = issue.code === 'unrecognized_keys' && issue.keys ? `onbekende sleutel(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return problem(issuePath(issue.path), what);
  });
}

/** Validates with a zod schema into a {@link Parsed}. */
export function parseWith<T>(schema: SafeParser<T>, data: unknown): Parsed<T> {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: issueProblems(result.error.issues) };
}

export function invalid<T>(...problems: string[]): Parsed<T> {
  return { ok: false, problems };
}
