import { ONBOARDING_VERBS, POSTING_START_VERB, DOUBT_COMPOSE_VERB } from '../core/onboarding/actions.js';
import { card, submit, textBlock, type AdaptiveCard } from './adaptive-card.js';

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
    submit('Mag ik dit posten?', POSTING_START_VERB),
    submit(`Vraag aan je ${leaderTerm}`, DOUBT_COMPOSE_VERB),
  ];
}

/** Greeting when the bot is installed or opened for the first time; offers the onboarding. */
export function welcomeCard(orgName: string, leaderTerm: string): AdaptiveCard {
  return card(body(orgName, leaderTerm, 'Welkom! 👋'), actions(leaderTerm));
}

/** Answer to "help": the same content as the welcome card. */
export function helpCard(orgName: string, leaderTerm: string): AdaptiveCard {
  return card(body(orgName, leaderTerm, 'Waarmee kan ik je helpen?'), actions(leaderTerm));
}
