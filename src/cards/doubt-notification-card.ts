import type { Doubt, Notification } from '../core/doubts/types.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { doubtAnswerCard, doubtReroutedNoticeCard } from './doubt-asker-cards.js';
import { doubtLeaderCard, type LeaderCardOptions } from './doubt-leader-card.js';
import { DEFAULT_DOUBT_CARD_OPTIONS } from './doubt-verbs.js';

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
