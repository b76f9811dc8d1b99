import { createHash } from 'node:crypto';
import { formatCitation } from '../knowledge/citation.js';
import type { KnowledgeDocument, Section } from '../knowledge/types.js';
import type { CodeSnapshot } from './progress-types.js';

/** Hash of what a reader sees of a section: its heading and its text. */
export function sectionHash(section: Section): string {
  return createHash('sha256')
    .update(JSON.stringify([section.headingPath, section.rule ?? '', section.text]))
    .digest('hex')
    .slice(0, 16);
}

/** Snapshot of a code version, stored with every acknowledgement. */
export function snapshotCode(knowledge: KnowledgeDocument): CodeSnapshot {
  const sectionHashes: Record<string, string> = {};
  const sectionLabels: Record<string, string> = {};
  for (const section of knowledge.sections) {
    sectionHashes[section.id] = sectionHash(section);
    sectionLabels[section.id] = formatCitation(knowledge, section);
  }
  const snapshot: CodeSnapshot = { contentHash: knowledge.contentHash, sectionHashes, sectionLabels };
  if (knowledge.version !== undefined) snapshot.version = knowledge.version;
  return snapshot;
}

/** What changed between an acknowledged version and the current code. */
export interface VersionDiff {
  added: Section[];
  changed: Section[];
  /** Sections that no longer exist, named by their label at acknowledgement time. */
  removed: { id: string; label: string }[];
}

/** Sections added, changed or removed since `snapshot`, in the current document's order. */
export function diffVersions(snapshot: CodeSnapshot, knowledge: KnowledgeDocument): VersionDiff {
  const current = new Set(knowledge.sections.map((s) => s.id));
  const added: Section[] = [];
  const changed: Section[] = [];
  for (const section of knowledge.sections) {
    const before = snapshot.sectionHashes[section.id];
    if (before === undefined) added.push(section);
    else if (before !== sectionHash(section)) changed.push(section);
  }
  const removed = Object.keys(snapshot.sectionHashes)
    .filter((id) => !current.has(id))
    .map((id) => ({ id, label: snapshot.sectionLabels[id] ?? id }));
  return { added, changed, removed };
}

/** True when the diff contains nothing to show. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}
