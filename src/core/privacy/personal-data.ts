import type { UserRef } from '../doubts/types.js';

/** One field the bot stores, as shown to the user under "mijn gegevens". */
export interface PersonalDataField {
  label: string;
  value: string;
}

/** One stored thing (a doubt, a feedback entry, a conversation reference) with its fields. */
export interface PersonalDataRecord {
  heading: string;
  fields: PersonalDataField[];
}

/**
 * A part of "mijn gegevens": one store's data about the user. The doubts domain provides
 * sections for doubts asked and doubts assigned; the shell adds its own (feedback, onboarding,
 * conversation references) through the same {@link PersonalDataProvider} shape.
 */
export interface PersonalDataSection {
  /** Stable id of the provider, e.g. 'doubts-asked'. */
  source: string;
  /** Dutch title, e.g. "Je twijfels". */
  title: string;
  /** Dutch sentence on why it is kept and for how long. */
  purpose: string;
  /** Dutch sentence on how this kind of data is deleted (shown on the "mijn gegevens" card). */
  removal?: string;
  records: PersonalDataRecord[];
}

/** What "verwijder mijn gegevens" did in one store. */
export interface DeletionSummary {
  source: string;
  deleted: number;
  /** Records kept without the user's identity because someone else still needs them. */
  anonymised: number;
}

/** A store that can show and delete what it keeps about a user. */
export interface PersonalDataProvider {
  source: string;
  exportFor(user: UserRef): Promise<PersonalDataSection[]>;
  deleteFor(user: UserRef): Promise<DeletionSummary>;
}

/** Collects every provider's sections, in provider order. */
export async function exportPersonalData(providers: readonly PersonalDataProvider[], user: UserRef): Promise<PersonalDataSection[]> {
  const sections: PersonalDataSection[] = [];
  for (const p of providers) sections.push(...(await p.exportFor(user)));
  return sections;
}

/** Deletes in every provider; one failing provider does not stop the others (its error is rethrown at the end). */
export async function deletePersonalData(providers: readonly PersonalDataProvider[], user: UserRef): Promise<DeletionSummary[]> {
  const summaries: DeletionSummary[] = [];
  let firstError: unknown;
  for (const p of providers) {
    try {
      summaries.push(await p.deleteFor(user));
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError !== undefined) throw firstError;
  return summaries;
}

/** Plain Dutch text (Teams markdown) of the sections, for a chat reply or a download. */
export function formatPersonalDataText(sections: readonly PersonalDataSection[]): string {
  const withData = sections.filter((s) => s.records.length > 0);
  if (withData.length === 0) return 'Mediawijs bewaart op dit moment geen gegevens over jou.';
  const lines = ['Dit bewaart Mediawijs over jou:'];
  for (const s of withData) {
    lines.push('', `**${s.title}** (${s.records.length})`, s.purpose);
    for (const r of s.records) {
      lines.push(`- ${r.heading}`);
      for (const f of r.fields) lines.push(`  - ${f.label}: ${f.value}`);
    }
  }
  return lines.join('\n');
}

/** Dutch one-liner about what was deleted. */
export function formatDeletionSummary(summaries: readonly DeletionSummary[]): string {
  const deleted = summaries.reduce((n, s) => n + s.deleted, 0);
  const anonymised = summaries.reduce((n, s) => n + s.anonymised, 0);
  if (deleted === 0 && anonymised === 0) return 'Er waren geen gegevens over jou om te verwijderen.';
  const parts = [`${deleted} ${deleted === 1 ? 'gegeven is' : 'gegevens zijn'} verwijderd`];
  if (anonymised > 0) parts.push(`${anonymised} ${anonymised === 1 ? 'twijfel is' : 'twijfels zijn'} bewaard zonder je naam en tekst, omdat een ander die nog in behandeling had`);
  return `Klaar. ${parts.join('; ')}.`;
}
