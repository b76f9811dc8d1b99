/**
 * Dutch function words plus the filler of chat questions ("mag ik ... of niet?", "is dat ok?").
 * They carry no topic, so they neither score nor count towards coverage.
 * Compared after normalisation (lower case, no diacritics).
 */
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set(
  `
aan af al alle alleen als alsjeblieft altijd ander andere anders ben bij bijvoorbeeld binnen daar daarom
dan dat de der deze die dit doe doen doet door dus echt een eens eigen eigenlijk en er erg even eventueel
gaan gaat gedaan geen gewoon had hadden heb hebben hebt heeft hem hen het hier hij hoe hoeveel hoor hun
ie ik in is ja je jij jou jouw jullie kan kon kunnen kun kunt laat laten liever maar me meer men met mij
mijn misschien moet moeten mogen mag mijne na naar net niet niets nog nou nu of ok oke okay om omdat
ons onze ook op over precies qua sowieso te tegen toch toe tot u uit uw van veel voor vooral waar waarom
wanneer want waren was wat we welk welke wel werd wie wij wil willen wilt word worden wordt
ze zal zeggen zegt zelf zich zij zijn zo zoals zonder zou zouden zullen eh he hey hoi hallo dag beste
graag vraag vraagje iemand iets ergens zeker gewoon beetje snel stel keer nee toen vaak soms daarvoor
daarover hierover erover ermee daarmee hiermee erbij erin eruit erop dezelfde hetzelfde ipv plaats
krijg krijgen krijgt kom komen komt hou houd houden houdt gebeurt gebeuren geldt gelden telt tellen werkt vind
vindt zie zien ziet gezien staat staan ga gaan dingen ding iets twee verder alles dus wel zeg zegt gezegd
volgens maken maakt gemaakt waarin waarbij waarover waarmee valt vallen eerst uberhaupt zomaar erbij eraan
haar mee alweer weer hele heel ineens opeens nogal voordat nadat terwijl totdat zodat zodra daarbij daaraan later straks vandaag morgen gisteren onder mezelf jezelf zichzelf trouwens wellicht ermee mogelijk welk elk elke iedere ieder bepaalde zou zoiets maak
gister eergisteren vanochtend vanmorgen vanmiddag vanavond savonds smiddags sochtends vannacht maandag dinsdag woensdag donderdag
vrijdag zaterdag zondag januari februari maart april juni juli augustus september oktober november december behoorlijk
regelmatig serieus super ach zulke zulk eentje compleet complete
`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when the (normalised) word is a stop word. */
export function isStopword(word: string): boolean {
  return DUTCH_STOPWORDS.has(word) || word.length < 2;
}
