import { askLeaderLabel } from '../shared/ask-leader.js';
import type { VerdictDecision } from '../../core/posting/types.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { quoteBox } from '../shared/quote.js';
import { POSTING_VERBS } from './posting-actions.js';

const HEADLINE: Record<VerdictDecision['verdict'], { title: string; color: string; intro: string }> = {
  ja: { title: '✅ Ja', color: 'Good', intro: 'Je mag dit posten.' },
  // Not "Warning": yellow on white is hard to read.
  'ja, mits': { title: '☑️ Ja, mits …', color: 'Accent', intro: 'Je mag dit posten als je dit doet:' },
  nee: { title: '⛔ Nee', color: 'Attention', intro: 'Post dit niet. Doe dit liever:' },
  twijfel: { title: '🤔 Twijfel', color: 'Warning', intro: 'Post dit nog niet. Doe dit eerst:' },
};

/** The verdict with its conditions or alternatives, the deciding rules quoted and cited, and next steps. */
/** "Plaats dit niet." under "Post dit niet.": an advice that only repeats the headline is left out. */
const REPEATS_HEADLINE = /^(plaats|post|publiceer|deel)\s+(dit|het)\s+(\(nog\)\s+)?(nog\s+)?niet\.?$/iu;

export function postingVerdictCard(decision: VerdictDecision, leaderTerm: string, options: { offerLeader?: boolean } = {}): AdaptiveCard {
  const head = HEADLINE[decision.verdict];
  const body: CardElement[] = [
    textBlock(head.title, { size: 'ExtraLarge', weight: 'Bolder', color: head.color }),
    textBlock(head.intro, { weight: 'Bolder' }),
  ];
  const points = (decision.verdict === 'ja, mits' ? decision.conditions : decision.alternatives).filter((p) => !REPEATS_HEADLINE.test(p.trim()));
  for (const p of points) body.push(textBlock(`• ${p}`, { spacing: 'Small' }));
  if (decision.rules.length > 0) {
    body.push(textBlock(decision.rules.length === 1 ? 'Deze regel beslist:' : 'Deze regels beslissen:', { weight: 'Bolder', spacing: 'Medium' }));
    for (const rule of decision.rules.filter((r) => r.quote)) {
      body.push(quoteBox(rule.quote, { spacing: 'Small' }));
      body.push(textBlock(`Bron: ${rule.citation}`, { size: 'Small', isSubtle: true, spacing: 'None' }));
    }
  }
  const actions: CardElement[] =
    decision.verdict === 'twijfel' || options.offerLeader
      ? [submit(askLeaderLabel(leaderTerm), POSTING_VERBS.escalate, { verdict: decision.verdict }, { style: 'positive' })]
      : [
          {
            type: 'Action.ShowCard',
            title: 'Ik ben het er niet mee eens',
            card: {
              type: 'AdaptiveCard',
              body: [textBlock(`Denk je dat dit niet klopt? Leg het voor aan je ${leaderTerm}.`)],
              actions: [submit(askLeaderLabel(leaderTerm), POSTING_VERBS.escalate, { verdict: decision.verdict, disagree: true })],
            },
          },
        ];
  actions.push(submit('Opnieuw', POSTING_VERBS.restart));
  return card(body, actions);
}
