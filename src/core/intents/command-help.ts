/**
 * Every command a user can type, as "help" lists it and as the Teams command menu (manifest/,
 * personal scope) offers it; test/unit/manifest.test.ts keeps the two in step.
 */
export interface CommandHelp {
  /** What to type, exactly as the Teams command menu shows it. */
  title: string;
  /** Who it is for, when not everyone. */
  for?: 'leidinggevenden' | 'nieuwe collega’s';
  /** What it does, in one short sentence (B1). */
  description: string;
}

export function commandHelp(leaderTerm: string): CommandHelp[] {
  const leaders = leaderTerm === 'leidinggevende' ? 'leidinggevenden' : `${leaderTerm}s`;
  return [
    { title: 'vraag', description: 'Typ je vraag over sociale media. Je krijgt de tekst uit de code erbij.' },
    { title: 'mag ik dit posten?', description: 'Check in een paar korte vragen of je een bericht of foto mag plaatsen.' },
    { title: 'twijfel', description: `Stuur je vraag naar je ${leaderTerm}.` },
    { title: 'mijn vragen', description: `Je vragen aan je ${leaderTerm}, met alle antwoorden.` },
    { title: 'openstaande twijfels', for: 'leidinggevenden', description: `Voor ${leaders}: vragen van je team die op jouw antwoord wachten.` },
    { title: 'onboarding', for: 'nieuwe collega’s', description: 'Leer de code in een paar korte stappen kennen.' },
    { title: 'onboarding overzicht', for: 'leidinggevenden', description: `Voor ${leaders}: wie van je team de onboarding heeft afgerond.` },
    { title: 'mijn gegevens', description: 'Zie wat Mediawijs over jou bewaart.' },
    { title: 'verwijder mijn gegevens', description: 'Wis wat Mediawijs over jou bewaart.' },
    { title: 'help', description: 'Dit overzicht.' },
  ];
}
