import type { AdaptiveCard as TeamsAdaptiveCard, Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { card, textBlock, type AdaptiveCard } from '../cards/shared/adaptive-card.js';
import type { AppTurnState } from './deps.js';
import { SMALL_TALK } from './small-talk.js';

type Verb = string | RegExp;
type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

export const asTeamsCard = (c: AdaptiveCard) => c as unknown as TeamsAdaptiveCard;

/**
 * An Action.Submit route whose card data is zod-parsed before the handler sees it: handlers get
 * typed data, and data no schema accepts (an old or forged card) gets a friendly line, never a crash.
 */
export function onSubmit<T>(
  app: Application<AppTurnState>,
  verb: Verb,
  schema: Schema<T>,
  handler: (context: TurnContext, state: AppTurnState, data: T) => Promise<void>,
  invalid: (context: TurnContext) => Promise<unknown> = (context) => context.sendActivity(SMALL_TALK.badCardData),
): void {
  app.adaptiveCards.actionSubmit(verb, async (context, state, data: unknown) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      await invalid(context);
      return;
    }
    await handler(context, state, parsed.data);
  });
}

/** The same for Action.Execute: the returned card replaces the clicked one; bad data gets a card that says so. */
export function onExecute<T>(
  app: Application<AppTurnState>,
  verb: Verb,
  schema: Schema<T>,
  handler: (context: TurnContext, state: AppTurnState, data: T) => Promise<AdaptiveCard>,
): void {
  app.adaptiveCards.actionExecute(verb, async (context, state, data: unknown) => {
    const parsed = schema.safeParse(data);
    return asTeamsCard(parsed.success ? await handler(context, state, parsed.data) : card([textBlock(SMALL_TALK.badCardData)]));
  });
}
