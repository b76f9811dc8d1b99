import type { PersonalDataField, PersonalDataSection } from '../privacy/personal-data.js';
import { holderLabel, statusLabel } from './doubt-format.js';
import { formatDutchDate } from '../shared/dutch-date.js';
import { DECISION_LABELS, type Doubt, type DoubtSettings, type UserRef } from './types.js';

/** The doubts' part of "mijn gegevens": what the user asked, and what others asked them. */
export function exportDoubtSections(user: UserRef, asked: readonly Doubt[], assigned: readonly Doubt[], settings: DoubtSettings): PersonalDataSection[] {
  const retention = `Afgesloten twijfels worden na ${settings.retentionMonths} maanden geanonimiseerd.`;
  return [
    {
      source: 'doubts-asked',
      title: 'Je twijfels',
      purpose: `Bewaard zodat je vraag beantwoord kan worden en jij het antwoord terugvindt. ${retention}`,
      removal: 'Met "verwijder mijn gegevens" wis je je vragen. Een vraag die nog in behandeling is, trek ik dan in.',
      records: [...asked].sort(byDate).map((d) => ({ heading: `Twijfel van ${formatDutchDate(d.createdAt)}`, fields: askedFields(d) })),
    },
    {
      source: 'doubts-assigned',
      title: 'Twijfels die aan jou zijn voorgelegd',
      purpose: `Bewaard zodat je ze kunt beantwoorden; je naam staat bij je antwoorden. ${retention}`,
      removal: 'Met "verwijder mijn gegevens" haal ik je naam weg bij deze vragen. De vragen zelf zijn van je collega’s en blijven.',
      records: [...assigned].sort(byDate).map((d) => ({ heading: `Twijfel van ${formatDutchDate(d.createdAt)}`, fields: assignedFields(d, user) })),
    },
  ];
}

const byDate = (a: Doubt, b: Doubt) => a.createdAt.localeCompare(b.createdAt);

function askedFields(d: Doubt): PersonalDataField[] {
  const fields: PersonalDataField[] = [
    { label: 'Status', value: statusLabel(d) },
    { label: 'Ligt bij', value: holderLabel(d) },
  ];
  for (const m of d.messages) {
    if (m.text === '' && !m.decision) continue;
    if (m.kind === 'doubt') fields.push({ label: 'Je vraag', value: m.text });
    if (m.kind === 'follow-up') fields.push({ label: 'Je vervolgvraag', value: m.text });
    if (m.kind === 'answer') fields.push({ label: `Antwoord${m.authorName ? ` van ${m.authorName}` : ''}`, value: [m.decision ? DECISION_LABELS[m.decision] : '', m.text].filter(Boolean).join(': ') });
  }
  if (d.case?.draftText) fields.push({ label: 'Het bericht dat je wilde plaatsen', value: d.case.draftText });
  if (d.case?.verdict) fields.push({ label: 'Uitkomst van de check', value: d.case.verdict });
  return fields;
}

function assignedFields(d: Doubt, user: UserRef): PersonalDataField[] {
  const fields: PersonalDataField[] = [
    { label: 'Gevraagd door', value: d.asker.name ?? (d.askerId === 'anoniem' ? 'verwijderd' : 'een collega') },
    { label: 'Status', value: statusLabel(d) },
  ];
  const mine = new Set([user.id, ...(user.upn ? [`upn:${user.upn.toLowerCase()}`] : [])]);
  for (const m of d.messages) {
    if (m.kind === 'answer' && mine.has(m.authorKey)) {
      fields.push({ label: 'Jouw antwoord', value: [m.decision ? DECISION_LABELS[m.decision] : '', m.text].filter(Boolean).join(': ') });
    }
  }
  return fields;
}
