import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { loadBoardKnowledge, listOrgs } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { CODE_INTENTS, OPTIONAL_INTENTS, unknownIntentSections, validateCodeIntents } from '../../src/core/knowledge/code-intents.js';
import { detectCodeIntent } from '../../src/core/retrieval/code-intent.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { search } from '../../src/core/retrieval/search.js';

describe('standard questions about the code itself', () => {
  it.each([
    ['waarom hebben we eigenlijk zo n gedragscode?', 'purpose'],
    ['wat is het doel van dit protocol', 'purpose'],
    ['voor wie geldt dit protocol eigenlijk?', 'audience'],
    ['geldt de code ook voor stagiairs?', 'audience'],
    ['moeten ouders zich ook aan het protocol houden?', 'audience'],
    ['wie moeten zich allemaal aan deze regels houden?', 'audience'],
    ['ik werk op het bestuurskantoor. is de code dan ook voor mij?', 'audience'],
    ['geldt die tekst over insta alleen voor de leerlingen of ook voor ons docenten?', 'audience'],
    // Compounds whose last part names people: overblijfkrachten, hulpouders.
    ['geldt dit ook voor overblijfkrachten?', 'audience'],
    ['geldt het protocol ook voor hulpouders?', 'audience'],
    ['geldt die code ook voor mn privé insta?', 'private'],
    ['code ook voor prive insta?', 'private'],
    ['gaan de regels ook over wat ik in het weekend post?', 'private'],
    ['geldt dat hele verhaal ook als ik thuis zit?', 'private'],
    ['geldt die social media regeling ook voor mn eigen insta?', 'private'],
    ['geldt dat sm protocol ook voor wat ik in mn vrije tijd zet?', 'private'],
    ['gelden de regels ook op schoolkamp en tijdens de sportdag of alleen in het gebouw zelf?', 'private'],
    ['geldt dit ook op schoolreis?', 'private'],
    ['geldt het protocol ook buiten of alleen in het schoolgebouw?', 'private'],
    ["geldt zo'n protocol ook voor mn prive insta?", 'private'],
    ["waar vind ik zo'n gedragscode?", 'find'],
    ['wie heeft dit protocol opgesteld?', 'source'],
    ['waar komt die tekst eigenlijk vandaan?', 'source'],
    ['is deze code goedgekeurd door de gmr?', 'approval'],
    ['heeft de mr iets over het protocol gezegd?', 'consent'],
    ['wat gebeurt er als ik me niet aan de code hou?', 'consequences'],
    ['wat gebeurt er als ik me niet aan het protocl hou?', 'consequences'],
    ['waar kan ik het protocol nalezen?', 'find'],
    ['wat valt er allemaal onder sociale media?', 'definition'],
    ['telt whatsapp ook mee als social media?', 'definition'],
    ['telt linkedin ook als sociale media?', 'definition'],
    ['heeft de mr hier eigenlijk mee ingestemd?', 'consent'],
    ['geldt dit ook na werktijd?', 'private'],
    ['dat protocol, is dat alleen voor de lln bedoeld of ook voor ons?', 'audience'],
    ['toen dat protocol in mn mailbox kwam voelde ik me aangevallen. waarom is het er eigenlijk gekomen?', 'purpose'],
    ['klopt het dat de stichting meekijkt met wat ik op mn insta zet?', 'monitoring'],
    ['wie let erop dat we ons eraan houden?', 'oversight'],
    ['wie controleert er eigenlijk of wij ons als team aan die code houden?', 'oversight'],
    ['wie checkt of mn team de code naleeft?', 'oversight'],
    ['controleert iemand eigenlijk of we ons eraan houden, of is het allemaal vrijblijvend?', 'oversight'],
    ['moeten lln en ouders de afspraken over social media ook kennen of alleen het personeel?', 'shared'],
    ['krijgen lln de afspraken over social media ook te horen?', 'shared'],
    ['welke apps vallen hier eigenlijk onder?', 'definition'],
    ['staat ergens welke straffen er zijn?', 'consequences'],
    ['sinds wanneer geldt dit beleid eigenlijk?', 'effective'],
    ['vanaf wanneer moet elke school zich hier aan houden?', 'effective'],
    ['wanneer is het protocol ingegaan?', 'effective'],
    ['een ouder vroeg waarom de school eigenlijk fotos van activiteiten op fb zet. wat zeg ik?', 'stance'],
    ['valt whatsapp ook onder de regels?', 'definition'],
    ['houdt het bestuur in de gaten wat ik op insta zet?', 'monitoring'],
    ['checkt de school eigenlijk wat wij posten?', 'monitoring'],
    ['kijkt de directie mee op mijn eigen tiktok?', 'monitoring'],
    ['controleert de stichting mijn prive insta?', 'monitoring'],
    ['is dit alleen voor personeel of moeten de vrijwilligers zich er ook aan houden?', 'audience'],
    ['is dit toch alleen voor de lln?', 'audience'],
    // More everyday forms of the same standard questions.
    ['wat als ik me er niet aan hou?', 'consequences'],
    ['heeft de school iets te zeggen over mijn privé account?', 'private'],
    ['vallen mijn privé accounts ook onder de code?', 'private'],
    ['kijkt mijn baas mee op mijn fb?', 'monitoring'],
    ['wordt er gecontroleerd wat ik post?', 'monitoring'],
    ['controleert het bestuur onze social media?', 'monitoring'],
    ['checkt de directie wat personeel online zet?', 'monitoring'],
    ['kan ik de code ergens downloaden?', 'find'],
    ['hoe kom ik aan het protocol?', 'find'],
    ['is whatsapp ook social media?', 'definition'],
    ['wat is het nut van deze regels?', 'purpose'],
    ['geldt het ook voor stagiaires?', 'audience'],
    ['is het protocol ook voor leerlingen?', 'audience'],
    ['mag onze school extra regels maken?', 'local'],
    ['mogen we als school eigen afspraken maken bovenop die algemene code?', 'local'],
    ['krijgen we een lijst met verboden dingen of vertrouwt het bestuur erop dat we zelf snappen wat handig is?', 'trust'],
    ['krijgen we nou precieze regels of wordt verwacht dat we het zelf wel weten?', 'trust'],
    ['is dat protocol nou een verbod op van alles of meer een soort hulpmiddel?', 'purpose'],
    ['gaan ze er bij ons vanuit dat wij als leerkrachten zelf wel snappen hoe je met socials omgaat?', 'trust'],
    ['is er nou een lijst met verboden dingen of gaan ze uit van ons gezonde verstand?', 'trust'],
    ['op mijn profiel staat nergens waar ik werk, dus dan maakt het toch niet uit wat ik post?', 'representative'],
    ['ik zeg nooit op welke school ik werk', 'representative'],
    ['mn insta staat op prive dus lln en ouders kunnen toch niks zien van wat ik post?', 'findable'],
    ['een collega zet alles in een besloten fb groep, dus niemand ziet het ooit?', 'findable'],
    ["ik zet mijn account straks op privé, dan vindt niemand die oude foto's meer toch?", 'findable'],
    ["er staat steeds 'Konot'. geldt dat dan ook voor mijn eigen school?", 'audience'],
    ['geldt dit voor alle scholen van de stichting?', 'audience'],
    ['als ik iets online zet en het loopt uit de hand, wie is er dan op aan te spreken: ik of het bestuur?', 'responsible'],
    ['ben ik zelf aansprakelijk voor wat ik post of de school?', 'responsible'],
    ['een collega beweert dat de school aansprakelijk is voor wat wij op twitter zetten', 'responsible'],
    // "Het protocol over social media" is this code.
    ['waar vind ik dat protocol over social media eigenlijk?', 'find'],
    ['ik sta niet voor de klas, geldt dit nou ook voor mij?', 'audience'],
    ['heeft mijn werkgever iets te zeggen over wat ik op mijn privé insta zet?', 'private'],
    ['een collega post iets stoms op twitter, wiens verantwoordelijkheid is dat?', 'responsible'],
    ['wie bepaalt de sanctie als een collega online over de schreef gaat?', 'sanctionDecision'],
    ['wie beslist er over de straf als een leerling iets kwetsends over een docent post?', 'sanctionDecision'],
    ['moeten we alles laten controleren of vertrouwt de stichting ons?', 'trust'],
    ['snapchat staat niet in de lijst, geldt het daar ook voor?', 'definition'],
    ['valt bereal er ook onder?', 'definition'],
    ['ziet het bestuur social media als kans of als risico?', 'stance'],
    ['is de school nou voor of tegen social media?', 'stance'],
    ['heeft sm volgens de stichting ook voordelen voor ons werk?', 'stance'],
    ['social media vind ik tijdverspilling, waarom zouden we daar op school iets mee doen?', 'stance'],
    ['wat wil het bestuur nou bereiken met deze regels?', 'purpose'],
    ["hoe weten nieuwe collega's eigenlijk van dit protocol?", 'informed'],
    ['wie had mij over deze regels moeten vertellen?', 'informed'],
    ['moet ik dat protocol zelf opzoeken of hoort de directie ons in te lichten?', 'informed'],
    ["mijn leerling zegt: ik heb het alleen doorgestuurd, niet zelf gemaakt. klopt dat?", 'forwarded'],
    // Another document: where the code points to the board's other protocols, not "where is the code".
    ['waar vind ik het protocol over grensoverschrijdend gedrag?', 'documents'],
    ['waar staan die andere protocollen, zoals dat van schorsing?', 'documents'],
    ['is er bij ons ook een pestprotocol?', 'documents'],
    ['komt er nog een apart protocol over leerlinggegevens?', 'documents'],
    ['een moeder scheldt de juf uit in de ouderapp, kan de school daar iets tegen doen?', 'pupilMeasures'],
    ['wat kan er met die leerling gebeuren als hij zo doorgaat?', 'pupilMeasures'],
    ['wat kan school doen als een ll zich online niet aan de regels houdt? telefoon innemen?', 'pupilMeasures'],
    ['een jongen uit groep 7 heeft een nepaccount van mij gemaakt. wat kan school met hem doen?', 'pupilMeasures'],
    ['wat als ik me online niet aan de regels hou?', 'consequences'],
    ['krijgt die jongen straf voor dat filmpje?', 'pupilMeasures'],
    ['wat betekent het voor een ouder als die zich niet aan het protocol houdt?', 'pupilMeasures'],
    // Whether the school acts at all is asked apart from what it may do to the pupil or parent.
    ['een moeder zette een nare meme over de meester in de groepsapp. doet de school daar iets aan?', 'schoolActs'],
    ['een vader maakt mijn collega zwart in de oudergroep, doet school hier eigenlijk iets mee?', 'schoolActs'],
    ['wat is nou eigenlijk de hoofdregel?', 'mainRule'],
    ['moet je op social media anders met elkaar omgaan dan gewoon in het echt?', 'mainRule'],
    ["een leerling zei 'online gelden jullie regels niet meneer'. klopt dat?", 'mainRule'],
    ['kun je in 1 zin zeggen wat de regels zijn?', 'mainRule'],
    // "Andere regels" online is the question whether the code holds online what holds in class, not another document.
    ["een collega zegt 'online gelden gewoon andere regels', klopt dat?", 'mainRule'],
    ['welke andere regels moet ik er nog bij pakken, waar staan die?', 'documents'],
    ['is de klassenapp ook social media?', 'definition'],
    ["mijn collega zegt 'snapchat staat nergens in dat protocol, dus dat mag gewoon'. klopt dat?", 'definition'],
    ['gaat de stichting nu ook controleren wat wij op insta zetten?', 'monitoring'],
    ['wat als een leerling zich niet aan de social media regels houdt?', 'pupilMeasures'],
    ['waarom zit de school zelf eigenlijk op tiktok?', 'stance'],
    ['moeten leerlingen zich online net zo gedragen als in de klas?', 'mainRule'],
    ['wat is de grondgedachte van die regels?', 'mainRule'],
    ['is het een verbod of mogen we het zelf inschatten?', 'trust'],
    // A staff member breaking the code is 'consequences'; a parent or pupil doing so is 'pupilMeasures'.
    ['wat gebeurt er als ik me niet aan het protocol hou?', 'consequences'],
    ['is er ergens materiaal met voorbeelden over social media voor een teamvergadering?', 'support'],
    ['geldt die socialmedia code ook voor mijn prive insta?', 'private'],
    ["een collega zei 'niemand vindt dat ooit nog terug'. klopt dat?", 'findable'],
    // Why the code exists, asked as a complaint about trust: the board's trust answers it.
    ['waarom is dat protocol er eigenlijk gekomen? vertrouwen ze ons niet ofzo', 'trust'],
    ['iemand zei dat het protocol er alleen is om ons te pesten. waar is het echt voor bedoeld?', 'purpose'],
    ['waarom dit protocol eigenlijk, uit wantrouwen?', 'trust'],
    ['wordt die code ooit nog met het team doorgenomen?', 'informed'],
    ["een collega zegt 'ze lezen bij het bestuur alles mee'. klopt dat?", 'monitoring'],
    ['leest de directie stiekem mee op mijn fb?', 'monitoring'],
    ['wie bepaalt of ik te ver ben gegaan met een post?', 'consequences'],
    ['en als ik een fout maak online, wat gebeurt er dan met mij?', 'consequences'],
    ['mijn story is toch na 24 uur weg, dan maakt het niet uit?', 'deleted'],
    ["een ll zei 'ik haal het toch zo weer weg'. klopt dat?", 'deleted'],
    ['waarom hebben we dit stuk eigenlijk?', 'purpose'],
    ['valt mijn pinterest bord ook onder de regels?', 'definition'],
    ["mijn dochter zegt dat snapchat niet echt meetelt, klopt dat?", 'definition'],
    ['heeft school er iets mee te maken wat mijn zoon thuis op snapchat doet?', 'private'],
    ['geldt dit ook voor tso vrijwilligers?', 'audience'],
    ['geldt het protocol ook voor de overblijfmoeders?', 'audience'],
    ['is de school nou tegen social media?', 'stance'],
    ['is dat protocol er gekomen omdat ze bang zijn dat we er een puinhoop van maken?', 'trust'],
    ['kan ik daarvoor ontslagen worden?', 'consequences'],
    // Who adopted the code and whether the staff council consented are told apart (kopwerk records both).
    ['wie heeft dat protocol eigenlijk vastgesteld?', 'approval'],
    ['heeft de mr eigenlijk ingestemd met dit protocol?', 'consent'],
  ])('%j → %s', (question, intent) => {
    expect(detectCodeIntent(question)).toBe(intent);
  });

  // Questions about a rule are not questions about the code, even when they name a private account.
  it.each([
    'mag ik op mijn privé insta een foto van mijn klas zetten?',
    'wie heeft die foto van de sportdag gemaakt?',
    'wat zijn de regels voor foto s van leerlingen?',
    'waar vind ik het toestemmingsformulier voor foto s?',
    'een ouder scheldt me uit op facebook, wat nu?',
    'hoe zet ik mijn insta op privé?',
    'geldt dit ook voor whatsapp?',
    'mag ik thuis foto s van de klas bewerken?',
    'is dit alleen voor mij zichtbaar op insta?',
    'is die foto alleen voor ouders?',
    // Who can explain the code is a contact question; whose job it is to tell staff is 'informed'.
    'wie kan mij meer vertellen over dit protocol?',
    // Sharing with one's own team is no excuse of having only forwarded something.
    'ik heb de foto alleen gedeeld met mijn team, mag dat?',
    'vindt de school het goed als ik social media in de les gebruik?',
    'mag ik tiktok gebruiken in de klas?',
    // A colleague's conduct is a staff matter; how long a suspension may last is school life.
    'een collega zet nare dingen op fb, kan de school daar iets tegen doen?',
    'hoe lang mag een leerling geschorst worden voor spijbelen?',
    // kopwerk's "uitgangspunten" are a list of their own, not the main rule.
    'wat is het uitgangspunt voor hoe we online met elkaar omgaan?',
    'is whatsapp veilig voor leerlingen?',
    'ik vertrouw het niet, mag ik de foto weghalen?',
    'ik weet niet waar ik werk moet melden dat ik ziek ben',
    'geldt dat ook voor onze school insta?',
    // Parents' share in their children's conduct is a rule of its own; "ik of de school" alone asks nothing about blame.
    'zijn ouders eigenlijk verantwoordelijk voor wat hun kind online doet?',
    'mag ik dat posten, ik of de school?',
    // How to set an account to private is a question about the app's settings.
    'hoe zet ik mijn insta op privé zodat niemand mijn fotos ziet?',
    'mag ik een lijst maken van leerlingen die zelf naar huis gaan?',
    // A teacher's own class rules are a rule question (phones in class), not the school's own approach.
    'mag ik eigen regels maken voor mijn klas over telefoons?',
    // Rules on a subject of this code, not another document.
    "waar vind ik de regels over foto's?",
    'het protocol over pesten, wat staat daarin?',
    // What pupils are taught, not whose job it is to tell staff; distrust without the code is a feeling.
    'worden de social media regels in de les aan de leerlingen uitgelegd?',
    'ik heb wantrouwen tegen die nieuwe app, mag ik hem gebruiken in de klas?',
    // Watching what pupils post is no board monitoring staff.
    'mijn leerlingen lezen alles mee wat ik post, mag ik ze blokkeren?',
    // Taking a post down without the claim that it is then gone; "een stuk" is any piece.
    'ik heb een foto met een fout erin, haal ik die weg?',
    'waarom reageert hij op een stuk in de krant?',
    'heeft school iets te maken met de schoolreis?',
    // A pupil's suspension is the school's measure, not a staff consequence; fear alone is no distrust.
    'kan die leerling geschorst worden?',
    'ik ben bang dat we de regels niet snappen, wie legt ze uit?',
    // Rules for the trip itself, not where the code applies.
    'wat zijn de regels op schoolkamp voor snoep?',
    'geldt de bedtijd ook op kamp?',
    // A ban on something in particular, not what the code is meant as.
    'is er een verbod op telefoons in de klas of mogen ze hem als hulpmiddel gebruiken?',
    // The council's say in something else; a platform counted as something other than social media.
    'heeft de mr ingestemd met de nieuwe schoolgids?',
    'telt een tiktokje als huiswerk?',
    // Parents watching a class chat is not the board monitoring staff.
    'mogen ouders meekijken in de klassenapp?',
    // Nobody named who broke the code: what to do with a colleague is no pupil measure.
    'mijn collega post steeds over haar klas. wat moet ik met haar doen?',
    // Who keeps to an appointment or a rule of the classroom, not who sees to the code.
    'wie controleert of de kinderen zich aan de bedtijd houden op kamp?',
    // Who else a consent or a rule of the day is for; a private photo's rule, not the code's reach.
    'geldt die toestemming alleen voor de leerlingen of ook voor hun ouders die op de foto staan?',
    'zijn er regels ook voor prive fotos van het schoolreisje?',
    // Behaving differently at home than in class is no question about online conduct; rules that do not hold on a trip neither.
    'mag ik thuis anders doen dan in de klas?',
    'op schoolreis gelden de regels niet, toch?',
    // A rule for pupils ("volgens de regels"), not whether they are told the rules.
    'moeten lln volgens de regels weten wat er met hun fotos gebeurt?',
    // Since when something else holds.
    'sinds wanneer mogen lln hun telefoon mee naar school nemen?',
    // Why one post went up, not why the school is on social media at all.
    'waarom heeft de school die foto van mijn klas op fb gezet?',
  ])('%j is no question about the code itself', (question) => {
    expect(detectCodeIntent(question)).toBeUndefined();
  });

  it("loads a board's file written before the intents added in session 9 existed (the code is taken to be silent on it), but no file missing an older intent", () => {
    const older = Object.fromEntries(CODE_INTENTS.filter((i) => !OPTIONAL_INTENTS.has(i)).map((i) => [i, []]));
    const parsed = validateCodeIntents({ org: 'x', intents: older });
    expect(parsed.ok).toBe(true);
    for (const intent of OPTIONAL_INTENTS) expect(parsed.ok && parsed.value.byIntent.get(intent)).toEqual([]);
    const { purpose: _purpose, ...withoutPurpose } = older;
    expect(validateCodeIntents({ org: 'x', intents: withoutPurpose }).ok).toBe(false);
  });

  it.each(listOrgs('knowledge'))('%s names existing sections for the standard questions (code-intents.yaml)', (org) => {
    const board = loadBoardKnowledge('knowledge', org);
    expect(board.codeIntents, 'code-intents.yaml is missing').toBeDefined();
    expect(unknownIntentSections(board.knowledge, board.codeIntents!)).toEqual([]);
    expect([...board.codeIntents!.byIntent.keys()]).toEqual([...CODE_INTENTS]);
  });

  it("answers with the section the board names, also without a social-media word", () => {
    const board = loadBoardKnowledge('knowledge', 'kopwerk');
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    const question = 'voor wie geldt dit protocol eigenlijk?';
    const result = search(index, question);
    expect(result.codeIntent?.intent).toBe('audience');
    expect(result.hits[0]!.indexed.section.id).toBe('kopwerk:doelgroep.1');
    const answer = answerQuestion(index, question);
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.best.section.id).toBe('kopwerk:doelgroep.1');
    // Without the board's file the same question is ranked by words alone.
    const plain = createSearchIndex(board.knowledge, loadVocabulary(), { ...board, codeIntents: undefined });
    expect(search(plain, question).codeIntent).toBeUndefined();
  });
});

describe('a standard question about pupils', () => {
  // oog names its staff rule and its pupil rule for "what is the main rule": the one for the people asked about.
  it.each([
    ['wat is de hoofdregel voor ons als leraren?', 'oog:3.1.3'],
    ['wat is de hoofdregel voor lln online?', 'oog:3.2.1'],
  ])('%j quotes %s', (question, id) => {
    const board = loadBoardKnowledge('knowledge', 'oog');
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    const answer = answerQuestion(index, question);
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.best.section.id).toBe(id);
  });
});

describe('"does the board watch what I post?" on every board', () => {
  // Four codes describe no checking of staff posts; their starting point (staff are trusted) answers it.
  it.each([
    ['oog', 'oog:4.1.p4'],
    ['konot', 'konot:intro.p2'],
    ['kopwerk', 'kopwerk:inleiding.p3'],
    ['kempenkind', 'kempenkind:intro.p2'],
    ['school001', 'school001:intro.p3'],
  ])('%s quotes %s', (org, id) => {
    const board = loadBoardKnowledge('knowledge', org);
    const index = createSearchIndex(board.knowledge, loadVocabulary(), board);
    const answer = answerQuestion(index, 'controleert de school eigenlijk wat wij op insta posten?');
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.best.section.id).toBe(id);
  });
});

describe('what happens and who decides on a sanction, on a board that says both apart', () => {
  const board = loadBoardKnowledge('knowledge', 'school001');
  const index = createSearchIndex(board.knowledge, loadVocabulary(), board);

  it('answers "wat gebeurt er als ik me niet aan het protocol hou?" with the measures the school records', () => {
    const answer = answerQuestion(index, 'wat gebeurt er als ik me als docent niet aan het protocol hou?');
    expect(answer.kind === 'answer' && answer.best.section.id).toBe('school001:r08');
  });

  it('answers "wie beslist over de straf?" with whoever decides on the sanction', () => {
    const answer = answerQuestion(index, 'wie beslist er over de straf als een leerling iets kwetsends over een docent post?');
    expect(answer.kind === 'answer' && answer.best.section.id).toBe('school001:incidenten.p2');
  });
});
