import { ONBOARDING_VERBS } from '../../core/onboarding/actions.js';
import { DOUBT_COMPOSE_VERB } from '../doubts/doubt-actions.js';
import { POSTING_VERBS } from '../posting/posting-actions.js';
import { card, submit, textBlock, type AdaptiveCard } from '../shared/adaptive-card.js';
import { askLeaderLabel } from '../shared/ask-leader.js';
import { commandHelp } from '../../core/intents/command-help.js';

function body(orgName: string, leaderTerm: string, greeting: string) {
  return [
    textBlock(greeting, { size: 'Large', weight: 'Bolder' }),
    textBlock(`Ik ben Mediawijs. Ik help je met de socialemediacode van ${orgName}.`),
    textBlock(`- **Vragen:** stel je vraag over sociale media, ik antwoord met de regels uit de code.\n- **Mag ik dit posten?** Ik loop met je na of een bericht of foto online mag.\n- **Twijfel?** Stuur je vraag naar je ${leaderTerm}. En met de **onboarding** leer je de code in tien minuten kennen.`),
    textBlock('Je kunt ook gewoon je vraag typen, bijvoorbeeld: "Mag ik een foto van mijn klas op Instagram zetten?"', { isSubtle: true, spacing: 'Medium' }),
  ];
}

function actions(leaderTerm: string) {
  return [
    submit('Start de onboarding', ONBOARDING_VERBS.start, {}, { style: 'positive' }),
    submit('Mag ik dit posten?', POSTING_VERBS.start),
    submit(askLeaderLabel(leaderTerm), DOUBT_COMPOSE_VERB),
  ];
}

/** Greeting when the bot is installed or opened for the first time; offers the onboarding. */
export function welcomeCard(orgName: string, leaderTerm: string): AdaptiveCard {
  return card(body(orgName, leaderTerm, 'Welkom! 👋'), actions(leaderTerm));
}

/** Answer to "help": every command the user can type (the Teams command menu lists the same). */
export function helpCard(orgName: string, leaderTerm: string): AdaptiveCard {
  const commands = commandHelp(leaderTerm).filter((c) => c.title !== 'help');
  return card(
    [
      textBlock('Waarmee kan ik je helpen?', { size: 'Large', weight: 'Bolder' }),
      textBlock(`Ik help je met de socialemediacode van ${orgName}. Dit kun je typen (je vindt het ook in het menu onder het typvak):`),
      {
        type: 'FactSet',
        spacing: 'Medium',
        facts: commands.map((c) => ({ title: c.title === 'vraag' ? 'je vraag' : c.title, value: c.description })),
      },
    ],
    actions(leaderTerm),
  );
}
