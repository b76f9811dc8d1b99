import { statusLabel } from '../../core/doubts/doubt-format.js';
import { formatDutchDate } from '../../core/shared/dutch-date.js';
import type { Doubt } from '../../core/doubts/types.js';
import { card, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { doubtHeadline, doubtListItem, small } from './doubt-card-parts.js';

/** "openstaande twijfels": doubts waiting for this leader, oldest first (as listed by the service). */
export function openDoubtsCard(doubts: readonly Doubt[], now: Date): AdaptiveCard {
  const title = textBlock('Openstaande twijfels', { size: 'Medium', weight: 'Bolder' });
  if (doubts.length === 0) return card([title, textBlock('Er wachten geen vragen op jouw antwoord. 👍')]);
  const body: CardElement[] = [title, textBlock(`${doubts.length} ${doubts.length === 1 ? 'vraag wacht' : 'vragen wachten'} op je antwoord. De oudste staat bovenaan.`)];
  for (const d of doubts.slice(0, 20)) {
    const days = Math.floor((now.getTime() - new Date(d.createdAt).getTime()) / 86_400_000);
    body.push(
      doubtListItem(d, [
        doubtHeadline(d, `${d.asker.name ?? 'Een collega'}: `),
        small(`${formatDutchDate(d.createdAt)} (${days === 0 ? 'vandaag' : days === 1 ? '1 dag geleden' : `${days} dagen geleden`}) · ${statusLabel(d)}`),
      ]),
    );
  }
  if (doubts.length > 20) body.push(small(`En nog ${doubts.length - 20} vragen.`));
  body.push(small('Alleen de vragensteller en wie de vraag heeft gekregen zien een vraag. Een vervanger of Communicatie krijgt hem pas als hij onbeantwoord blijft of wordt doorgestuurd.'));
  return card(body);
}
