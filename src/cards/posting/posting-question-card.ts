import type { QuestionDecision } from '../../core/posting/types.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { verbatim } from '../shared/quote.js';
import { POSTING_VERBS } from './posting-actions.js';

/** One question of the dialog: Ja / Nee / Weet ik niet, with why it matters and the rule it comes from. */
export function postingQuestionCard(decision: QuestionDecision, options: { canGoBack: boolean }): AdaptiveCard {
  const { answered, remainingAtMost } = decision.progress;
  const body: CardElement[] = [
    textBlock(remainingAtMost <= 1 ? `Vraag ${answered + 1} · de laatste vraag` : `Vraag ${answered + 1} · nog hooguit ${remainingAtMost - 1} daarna`, {
      size: 'Small',
      isSubtle: true,
    }),
    textBlock(decision.question, { size: 'Medium', weight: 'Bolder' }),
    textBlock(`Waarom ik dit vraag: ${decision.why}`, { spacing: 'Small' }),
  ];
  if (decision.source) {
    body.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'Wat zegt de code?',
          card: {
            type: 'AdaptiveCard',
            body: [verbatim(decision.source.quote), textBlock(`Bron: ${decision.source.citation}`, { size: 'Small', isSubtle: true })],
          },
        },
      ],
    });
  }
  const answer = (title: string, value: string) => submit(title, POSTING_VERBS.answer, { fact: decision.fact, value });
  body.push({
    type: 'ActionSet',
    spacing: 'Medium',
    actions: [answer('Ja', 'ja'), answer('Nee', 'nee'), answer('Weet ik niet', 'weet-niet')],
  });
  const nav = [
    ...(options.canGoBack ? [submit('Terug', POSTING_VERBS.back)] : []),
    submit('Opnieuw', POSTING_VERBS.restart),
    submit('Stoppen', POSTING_VERBS.stop),
  ];
  return card(body, nav);
}
