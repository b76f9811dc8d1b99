/** Minimal Adaptive Card JSON typing: enough to keep builders honest without a dependency. */
export type CardElement = Record<string, unknown> & { type: string };
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  [key: string]: unknown;
}

/** Wraps a body and actions in a v1.5 card (the version Teams desktop and mobile render). */
export function card(body: CardElement[], actions: CardElement[] = [], extra: Record<string, unknown> = {}): AdaptiveCard {
  const result: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...extra,
  };
  if (actions.length > 0) result.actions = actions;
  return result;
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** An Action.Submit whose payload the bot routes by `verb` (teams-ai actionSubmit). */
export function submit(title: string, verb: string, data: Record<string, unknown> = {}, options: Record<string, unknown> = {}): CardElement {
  return { type: 'Action.Submit', title, data: { ...data, verb }, ...options };
}
