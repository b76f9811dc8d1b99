import type { PersonalDataSection } from '../../core/privacy/personal-data.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { PRIVACY_VERBS } from './privacy-actions.js';

/**
 * "mijn gegevens": one block per kind of data (your questions, your reactions, your onboarding,
 * your profile, your chat), each saying why it is kept and how it is deleted, its records as
 * label/value pairs. `removals` adds the deletion sentence for kinds whose section has none.
 */
export function myDataCard(sections: readonly PersonalDataSection[], removals: Readonly<Record<string, string>> = {}): AdaptiveCard {
  const withData = sections.filter((s) => s.records.length > 0);
  if (withData.length === 0) {
    return card([textBlock('Mijn gegevens', { size: 'Medium', weight: 'Bolder' }), textBlock('Mediawijs bewaart op dit moment geen gegevens over jou.')]);
  }
  const body: CardElement[] = [
    textBlock('Mijn gegevens', { size: 'Medium', weight: 'Bolder' }),
    textBlock('Dit bewaart Mediawijs over jou, per soort gegevens. Alleen jij ziet dit overzicht.'),
  ];
  for (const section of withData) {
    const removal = section.removal ?? removals[section.source];
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Large',
      items: [
        textBlock(section.title, { weight: 'Bolder' }),
        textBlock(section.purpose, { size: 'Small', isSubtle: true, spacing: 'Small' }),
        ...section.records.slice(0, 10).flatMap((r): CardElement[] => [
          textBlock(r.heading, { size: 'Small', weight: 'Bolder', spacing: 'Medium' }),
          { type: 'FactSet', spacing: 'Small', facts: r.fields.map((f) => ({ title: f.label, value: f.value || '(leeg)' })) },
        ]),
        ...(section.records.length > 10 ? [textBlock(`En nog ${section.records.length - 10} andere.`, { size: 'Small', isSubtle: true })] : []),
        ...(removal ? [textBlock(`🗑️ ${removal}`, { size: 'Small', spacing: 'Medium' })] : []),
      ],
    });
  }
  return card(body, [submit('Verwijder mijn gegevens', PRIVACY_VERBS.askDelete, {}, { style: 'destructive' })]);
}
