import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createMarkerDurably, removeFileDurably, writeFileDurably } from './durable-file.js';

/*
 * The journal's on-disk form (see journal.ts): segments `journal/<8 digits>.log`, one JSON line per
 * change, `{"o":"put"|"remove"|"mark","p":<path relative to the data directory>,"v":<record>}`.
 */

/** One change, by absolute path. `put` carries the file's JSON text. */
export type JournalOp = { kind: 'put'; path: string; text: string } | { kind: 'remove'; path: string } | { kind: 'mark'; path: string };

/** What record collections and indexes need of a journal: committing changes and seeing those not yet in their files. */
export interface JournalView {
  commit(ops: JournalOp[]): Promise<void>;
  /** The newest change of this file not yet in the file, if any. */
  pendingAt(path: string): JournalOp | undefined;
  /** Changes not yet in their files in this directory, as [file name, change]. */
  pendingIn(dir: string): Iterable<[string, JournalOp]>;
  /** Directories below `root` that have changes not yet in their files. */
  pendingDirsUnder(root: string): string[];
}

/** Where the segments live below the data directory. */
export const JOURNAL_DIR = 'journal';
const SEGMENT = /^(\d{8})\.log$/;

export const segmentName = (n: number) => `${String(n).padStart(8, '0')}.log`;

/** The change as one journal line. */
export function journalLine(root: string, op: JournalOp): string {
  const path = JSON.stringify(relative(root, op.path));
  // The record's JSON goes in as it is (no second escaping): it is valid JSON already.
  if (op.kind === 'put') return `{"o":"put","p":${path},"v":${op.text}}\n`;
  return `{"o":"${op.kind}","p":${path}}\n`;
}

/** Applies one change to its file, durably (also used without a journal). */
export async function applyDurably(op: JournalOp): Promise<void> {
  if (op.kind === 'put') await writeFileDurably(op.path, op.text);
  else if (op.kind === 'mark') await createMarkerDurably(op.path);
  else await removeFileDurably(op.path);
}

/** The journal's segments, oldest first, each with its changes (a segment deleted meanwhile has none). */
export async function readSegments(root: string): Promise<Array<{ n: number; ops: JournalOp[] }>> {
  const dir = join(root, JOURNAL_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const numbers = names.map((name) => SEGMENT.exec(name)).filter((m) => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
  const segments: Array<{ n: number; ops: JournalOp[] }> = [];
  for (const n of numbers) segments.push({ n, ops: parseSegment(root, await readFile(join(dir, segmentName(n)), 'utf8').catch(() => '')) });
  return segments;
}

/** The changes of one segment, up to its first line that is not whole (a write torn by a crash). */
function parseSegment(root: string, text: string): JournalOp[] {
  const ops: JournalOp[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const op = parseLine(root, text.slice(start, end));
    if (!op) break;
    ops.push(op);
  }
  return ops;
}

function parseLine(root: string, line: string): JournalOp | undefined {
  let data: { o?: unknown; p?: unknown; v?: unknown };
  try {
    data = JSON.parse(line) as typeof data;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || typeof data.p !== 'string' || isAbsolute(data.p)) return undefined;
  const path = resolve(root, data.p);
  // Never outside the data directory, whatever a damaged line says.
  if (!path.startsWith(root + sep)) return undefined;
  if (data.o === 'put' && data.v !== undefined) return { kind: 'put', path, text: JSON.stringify(data.v) };
  if (data.o === 'remove' || data.o === 'mark') return { kind: data.o, path };
  return undefined;
}
