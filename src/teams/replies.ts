import { CardFactory, MessageFactory, type Activity, type Entity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/shared/adaptive-card.js';

/** Wraps a card in a message activity; the summary is what notifications and screen readers show. */
export function cardMessage(card: AdaptiveCard, summary?: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) activity.summary = summary;
  return activity;
}

export function textMessage(text: string): Partial<Activity> {
  return MessageFactory.text(text);
}

/** A source the AI answer used, for Teams' citation list (name max 80, abstract max 160 characters). */
export interface AiCitation {
  name: string;
  abstract: string;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * The schema.org Message entity Teams reads citations from: `[n]` in the text opens citation n.
 * With `aiGenerated` it also carries `AIGeneratedContent`, Teams' "AI generated" label.
 */
export function citationEntity(citations: readonly AiCitation[], aiGenerated: boolean): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(aiGenerated ? { additionalType: ['AIGeneratedContent'] } : {}),
    citation: citations.map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: { '@type': 'DigitalDocument', name: cut(c.name, 80), abstract: cut(c.abstract.replace(/\s+/g, ' '), 160) },
    })),
  };
}

/** Marks a message as AI-generated the way Teams reads it, with the cited passages as its citations. */
export function markAiGenerated(activity: Partial<Activity>, citations: readonly AiCitation[]): Partial<Activity> {
  return { ...activity, entities: [...(activity.entities ?? []), citationEntity(citations, true) as Entity] };
}
