import { assigneeFor, isAsker } from '../../core/doubts/doubt-access.js';
import type { Doubt, Notification, UserRef } from '../../core/doubts/types.js';
import { card, textBlock, type AdaptiveCard } from '../shared/adaptive-card.js';
import { doubtAnswerCard, doubtDetailCard, doubtReroutedNoticeCard } from './doubt-asker-cards.js';
import { doubtLeaderCard, type LeaderCardOptions } from './doubt-leader-card.js';
import { DEFAULT_DOUBT_CARD_OPTIONS } from './doubt-actions.js';

/** The card the shell sends for an outbox notification. */
export function doubtNotificationCard(doubt: Doubt, notification: Notification, options: LeaderCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  switch (notification.kind) {
    case 'new-doubt':
      return doubtLeaderCard(doubt, { ...options, reason: 'new' });
    case 'reminder':
      return doubtLeaderCard(doubt, { ...options, reason: 'reminder' });
    case 'rerouted':
      return doubtLeaderCard(doubt, { ...options, reason: doubt.messages.at(-1)?.decision === 'forward' ? 'forwarded' : 'rerouted' });
    case 'follow-up':
      return doubtLeaderCard(doubt, { ...options, reason: 'follow-up' });
    case 'answer':
      return doubtAnswerCard(doubt, options);
    case 'escalated-asker-notice':
      return doubtReroutedNoticeCard(doubt, options);
  }
}

/**
 * The card for an Action.Execute refresh or "doubt.open": assignees get the answer card (or the
 * outcome once answered), the asker the detail view, anyone else a neutral message.
 */
export function doubtCardForViewer(doubt: Doubt | undefined, viewer: UserRef, options: LeaderCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  if (doubt && assigneeFor(viewer, doubt)) return doubtLeaderCard(doubt, options);
  if (doubt && isAsker(viewer, doubt)) return doubtDetailCard(doubt, options);
  return card([textBlock('Deze twijfel kan ik niet laten zien. Misschien is hij verwijderd, of hij is niet voor jou bedoeld.')]);
}
