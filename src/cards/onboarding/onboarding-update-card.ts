import { formatCitation } from '../../core/knowledge/citation.js';
import type { KnowledgeDocument, Section } from '../../core/knowledge/types.js';
import { ONBOARDING_VERBS } from '../../core/onboarding/actions.js';
import type { VersionDiff } from '../../core/onboarding/code-snapshot.js';
import { ACKNOWLEDGEMENT_STATEMENT } from '../../core/onboarding/progress.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { verbatim, verbatimList } from '../shared/quote.js';

/** Teams refuses cards over ~28 KB; beyond this many sections the card points to the full code. */
export const MAX_SECTIONS_ON_UPDATE_CARD = 12;

function sectionBlock(section: Section, knowledge: KnowledgeDocument, label: string): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [
      textBlock(label, { size: 'Small', weight: 'Bolder', color: 'Accent' }),
      verbatim(section.text),
      verbatim(`Bron: ${formatCitation(knowledge, section)}`, { size: 'Small', isSubtle: true }),
    ],
  };
}

/** "2 nieuwe regels, 1 gewijzigde regel en 1 vervallen regel". */
export function diffSummary(diff: VersionDiff): string {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`${diff.added.length} ${diff.added.length === 1 ? 'nieuwe regel' : 'nieuwe regels'}`);
  if (diff.changed.length) parts.push(`${diff.changed.length} ${diff.changed.length === 1 ? 'gewijzigde regel' : 'gewijzigde regels'}`);
  if (diff.removed.length) parts.push(`${diff.removed.length} ${diff.removed.length === 1 ? 'vervallen regel' : 'vervallen regels'}`);
  if (parts.length === 0) return 'alleen kleine wijzigingen';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

/** Sent once per new code version to users who acknowledged an older one. */
export function onboardingUpdateInvitationCard(diff: VersionDiff, knowledge: KnowledgeDocument): AdaptiveCard {
  const version = knowledge.version ? ` (versie ${knowledge.version})` : '';
  return card(
    [
      textBlock('De code is bijgewerkt', { size: 'Large', weight: 'Bolder' }),
      textBlock(`Er is een nieuwe versie van de ${knowledge.title} van ${knowledge.organisation}${version}: ${diffSummary(diff)}.`),
      textBlock('Bekijk in een paar minuten alleen wat er veranderd is en bevestig daarna dat je het gelezen hebt.'),
    ],
    [submit('Bekijk wat er veranderd is', ONBOARDING_VERBS.update, {}, { style: 'positive' })],
  );
}

/** The update itself: new and changed sections with their new text, removed ones listed, then a new acknowledgement. */
export function onboardingUpdateCard(diff: VersionDiff, knowledge: KnowledgeDocument): AdaptiveCard {
  const version = knowledge.version ? ` (versie ${knowledge.version})` : '';
  const body: CardElement[] = [
    textBlock('Wat is er veranderd?', { size: 'Large', weight: 'Bolder' }),
    textBlock(`${knowledge.title}${version}: ${diffSummary(diff)}.`),
  ];
  const shown = [
    ...diff.added.map((s) => ({ section: s, label: 'Nieuw' })),
    ...diff.changed.map((s) => ({ section: s, label: 'Gewijzigd' })),
  ];
  for (const { section, label } of shown.slice(0, MAX_SECTIONS_ON_UPDATE_CARD)) body.push(sectionBlock(section, knowledge, label));
  if (shown.length > MAX_SECTIONS_ON_UPDATE_CARD) {
    body.push(textBlock(`En nog ${shown.length - MAX_SECTIONS_ON_UPDATE_CARD} wijzigingen. Vraag me gerust naar een onderwerp, of lees de hele code.`, { isSubtle: true }));
  }
  if (diff.removed.length) {
    body.push(textBlock('Vervallen:', { weight: 'Bolder', spacing: 'Medium' }), verbatimList(diff.removed.map((r) => r.label)));
  }
  // The statement once, in full; the button only says what it does (Teams cuts long titles off).
  body.push({ type: 'Container', style: 'emphasis', spacing: 'Medium', items: [textBlock(`${ACKNOWLEDGEMENT_STATEMENT}.`, { weight: 'Bolder' })] });
  return card(body, [submit('Ik bevestig dit', ONBOARDING_VERBS.acknowledge, {}, { style: 'positive' }), submit('Lees de hele code', ONBOARDING_VERBS.readCode, {})]);
}
