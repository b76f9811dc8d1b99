/** Short Dutch replies for messages that are not questions. */
export const SMALL_TALK = {
  greeting: (org: string) =>
    `Hoi! Ik ben Mediawijs. Ik beantwoord je vragen over de code sociale media van ${org}. ` +
    'Stel gewoon een vraag, bijvoorbeeld: "Mag ik een foto van mijn klas op Instagram zetten?" Typ "help" om te zien wat ik nog meer kan.',
  thanks: 'Graag gedaan! Je kunt me altijd een nieuwe vraag stellen.',
  nonsense:
    'Dat begrijp ik niet helemaal. Stel je vraag in een zin, bijvoorbeeld: "Mag ik een ouder een vriendschapsverzoek sturen?" Typ "help" om te zien wat ik kan.',
  empty: 'Ik zie geen tekst. Typ je vraag over de code sociale media, of typ "help".',
  tooLong: (length: number, max: number) =>
    `Je bericht is te lang voor mij (${length} tekens; ik lees er maximaal ${max}). Kun je je vraag korter maken? Plak geen hele documenten.`,
  error: 'Sorry, er ging bij mij iets mis. Probeer het nog eens. Blijft het misgaan, vraag het dan aan je leidinggevende.',
  storeUnavailable: 'Het lukte me nu even niet om dit te bewaren, dus er is niets opgeslagen of verstuurd. Probeer het zo nog eens.',
  badCardData: 'Die knop werkt niet meer. Typ je vraag opnieuw, of typ "help".',
  feedbackThanks: 'Dank je voor je reactie! Daar word ik beter van.',
  feedbackDown: 'Dank je, we kijken ernaar. Wil je het antwoord zeker weten? Leg je vraag dan voor aan je leidinggevende.',
} as const;
