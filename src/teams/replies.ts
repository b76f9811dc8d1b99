import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';

/** Wraps a card in a message activity; the summary is what notifications and screen readers show. */
export function cardMessage(card: AdaptiveCard, summary?: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) activity.summary = summary;
  return activity;
}

export function textMessage(text: string): Partial<Activity> {
  return MessageFactory.text(text);
}
