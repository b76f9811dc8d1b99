import type { CodeIntent } from '../knowledge/code-intents.js';

/**
 * The patterns that recognise the standard questions about the code itself ("waarom hebben we dit protocol?",
 * "geldt de code ook voor mijn privé insta?", "wie heeft dit opgesteld?"). Deliberately narrow:
 * a question about a rule ("mag ik op mijn privé insta een klassenfoto zetten?") is not one, so
 * most patterns need a word that names the code itself. Patterns run on the normalised tokens
 * (lower case, no accents, chat shorthand expanded: "mr" and "gmr" arrive as "medezeggenschapsraad")
 * joined by single spaces.
 */
const CODE = String.raw`(?:code|gedragscode|protoc\w*|protok\w*|socialmediaprotocol|regels|regeling|regelingen|richtlijnen|afspraken|beleid|reglement|document)`;
// "zo'n" reaches the patterns as "zo een" (chat shorthand), "zo 'n" as "zo n".
const THIS = String.raw`(?:dit|deze|die|dat|het|de|ons|onze|jullie|zo n|zo een)`;
// "waarom hebben we dit stuk eigenlijk?": only with a word that points at it ("een stuk" is anything).
const THE_CODE = String.raw`(?:(?:dit|dat|ons) (?:hele )?stuk|${THIS} (?:hele )?(?:${CODE}|verhaal)|${THIS} (?:social media |sociale media |socialmedia |socialemedia )${CODE})`;
const ANY = String.raw`(?: \S+)*?`;
/** The people a code can be for ("geldt het ook voor stagiairs?"); compounds ending in them too (hulpouders, overblijfmoeders), and a word saying which ones ("de tso vrijwilligers"). */
const AUDIENCE = String.raw`(?:de |alle |ons |onze )?(?:(?:tso|bso|nieuwe|andere|externe|vaste|tijdelijke) )?(?:\w*(?:ouders|moeders|vaders|leerlingen|stagiaires?|stagiairs?|invallers?|vrijwilligers|krachten|medewerkers)|directie|directeuren|bestuur|personeel|docenten|leerkrachten|collegas|onderwijsassistenten|conciërges?|concierges?|mij|ons|iedereen)`;

/** "… of we ons eraan houden", "… dat het team zich aan de code houdt": keeping to the code. */
const KEEPS_TO_IT = String.raw`(?:of|dat) (?:\S+ ){0,6}?(?:eraan|aan ${THE_CODE}) (?:\S+ )?(?:houden|houdt|hou|naleven|naleeft)\b`;

/** Who speaks for the code when a teacher asks what "they" think of social media. */
const BOARD = String.raw`(?:het bestuur|de stichting|de school|school|de directie|ze|jullie)`;
/** Pupils and parents, whom a school's measures other than staff's concern. */
const PUPIL_OR_PARENT = String.raw`(?:\w*leerling(?:en)?|ouders?|vader|moeder|jongen|meisje|kind|kinderen|klasgenoot|scholier)`;
/** Platforms a teacher may doubt are social media in the code's sense ("valt tiktok daar ook onder?"). */
const PLATFORM = String.raw`(?:whatsapp|linkedin|youtube|teams|snapchat|pinterest|twitch|discord|tiktok|threads|bereal|mastodon|bluesky|reddit|strava|een blog|een forum|een podcast|(?:een |de )?(?:groepsapp|appgroep|klassenapp|whatsappgroep|groepschat|klassenchat)s?|appgroepen)`;

/**
 * Each intent's patterns, tried in this order (the first intent with a matching branch wins); one
 * alternative per line so a change reads as one line in a diff.
 */
const BRANCHES: ReadonlyArray<readonly [CodeIntent, readonly string[]]> = [
  ['definition', [
    String.raw`\bwat (?:valt|vallen|telt|tellen|rekenen|verstaan|bedoelen)\b${ANY} (?:sociale|social) media\b`,
    String.raw`\bwat (?:zijn|is) (?:eigenlijk |precies )?(?:sociale|social) media\b`,
    String.raw`\bwelke (?:apps|platforms|platformen|sites|kanalen|media|socials) (?:vallen|tellen|horen) (?:er |hier |daar )?(?:eigenlijk |nou |allemaal |dan )*(?:onder|mee|bij)\b`,
    String.raw`\b(?:valt|telt|hoort|vallen|tellen|horen) (?:mijn |ons |onze |een |het |de )?${PLATFORM}\b${ANY} (?:onder|bij|mee)\b`,
    // "snapchat telt niet echt mee, het is gewoon kletsen"
    String.raw`\b(?:${PLATFORM}|snap|insta|instagram|facebook|twitter)\b(?: \S+){0,3}? (?:meetelt|meetellen|mee telt|telt (?:niet )?(?:echt )?mee|tellen (?:niet )?(?:echt )?mee)\b`,
    String.raw`\b(?:is|zijn) ${PLATFORM} (?:ook |eigenlijk |nou |dan )*(?:sociale|social) media\b`,
    String.raw`\b(?:telt|tellen|valt|vallen|geldt|gelden) (?:mijn |ons |onze |een |het |de )?(?:${PLATFORM}|insta|instagram|facebook|fb|twitter|snap) (?:ook |eigenlijk |nou |dan |wel )*als (?:sociale|social) media\b`,
    String.raw`\b${PLATFORM} (?:staat|staan) niet (?:in|bij|op) (?:het|de) (?:rijtje|lijst|lijstje|opsomming)\b`,
    String.raw`^(?=.*\b(?:${PLATFORM}|insta|instagram|facebook|fb|twitter|snap)\b).*\b(?:staat|staan) (?:er )?(?:nergens|niet) (?:in|bij|op) (?:${THE_CODE}|het rijtje|de lijst|het lijstje)\b`,
  ]],
  ['private', [
    String.raw`\b(?:geldt|gelden|gaat|gaan|telt|tellen)\b${ANY} (?:${THE_CODE}|dit|het)\b${ANY} (?:prive|thuis|vrije tijd|buiten (?:school|schooltijd|werktijd|werk|het werk)|na (?:werktijd|schooltijd|het werk|school|vieren)|weekend|vakantie|eigen (?:insta|instagram|account|profiel|facebook|tiktok))\b`,
    String.raw`\b(?:valt|vallen) mijn (?:prive|eigen|persoonlijke)\b${ANY} onder\b`,
    // "gelden de regels ook op schoolkamp of alleen in het gebouw?": where the code applies beyond the school building.
    String.raw`\b(?:geldt|gelden)\b${ANY} (?:${THE_CODE}|dit|het) (?:\S+ )?ook (?:op|tijdens|bij|in)\b${ANY} (?:\w*kamp|schoolreis(?:je)?|excursies?|sportdag(?:en)?|uitje|uitstapje|werkweek|schoolfeest)\b`,
    String.raw`\b(?:geldt|gelden)\b${ANY} (?:${THE_CODE}|dit|het)\b${ANY} of alleen (?:in|op) (?:het |de )?(?:gebouw|schoolgebouw|school|schoolplein|klas|lokaal)\b`,
    String.raw`\bte zeggen (?:over|van)\b${ANY} mijn (?:prive|eigen|persoonlijke)\b`,
    // "code ook voor prive insta?", a bare "also for my private account".
    String.raw`\b${CODE} ook (?:voor|op) (?:mijn |mn |je |jouw |ons )?(?:prive|eigen) (?:insta|instagram|account|accounts|profiel|facebook|fb|tiktok|socials|social media)\b`,
    // "heeft school er iets mee te maken wat haar zoon 's avonds thuis op snapchat doet?"
    String.raw`^(?=.*\b(?:thuis|avonds|savonds|prive|weekend|buiten school|buiten schooltijd|vakantie)\b).*\b(?:(?:heeft|hebben) (?:de )?(?:school|wij|we|jullie)\b${ANY} (?:mee te maken|te maken met)|gaat (?:dat|dit|het) (?:ons|de school|school|jullie) (?:iets |wel |eigenlijk )*aan)\b`,
  ]],
  ['audience', [
    String.raw`\bvoor wie\b${ANY} (?:${CODE}|dit|het)\b`,
    String.raw`\b(?:${CODE}|dit|het)\b${ANY} voor wie\b`,
    String.raw`\b(?:geldt|gelden)\b${ANY} (?:${THE_CODE}|dit|het)\b (?:(?:dan|nou|eigenlijk|toch|wel) )*(?:ook )?(?:voor|alleen voor) ${AUDIENCE}\b`,
    String.raw`\b${THE_CODE} alleen voor\b`,
    String.raw`\bmoeten? (?:ik|ouders|leerlingen|wij|we|docenten|leerkrachten)\b${ANY} (?:ook )?aan ${THE_CODE}${ANY} houden\b`,
    String.raw`\b(?:is|zijn) ${THE_CODE} (?:ook |alleen |eigenlijk |nou |toch |dan )*(?:voor|bedoeld voor) ${AUDIENCE}\b`,
    String.raw`\b(?:geldt|gelden)\b${ANY} (?:ook |alleen )?voor (?:mijn|onze|elke|iedere|alle) (?:eigen )?(?:school|scholen|locatie)\b(?! (?:insta|instagram|account|pagina|website|facebook|site))`,
    String.raw`\b(?:is|zijn) (?:dit|dat|deze|die)(?: (?:toch|nou|eigenlijk|nu))? alleen (?:voor|bedoeld voor) ${AUDIENCE} (?:bedoeld )?(?:of |en |$)`,
    // "wie moeten zich allemaal aan deze regels houden?"
    String.raw`\bwie (?:moet|moeten) zich\b${ANY} aan ${THE_CODE}${ANY} houden\b`,
    // "geldt die tekst over insta alleen voor de leerlingen of ook voor ons docenten?": whatever the code is called.
    String.raw`\b(?:geldt|gelden)\b${ANY} alleen voor ${AUDIENCE} of (?:ook )?(?:voor )?${AUDIENCE}\b`,
  ]],
  // "vindt het bestuur social media nuttig of vooral een risico?": the board's view, which the introductions give.
  ['stance', [
    String.raw`\b(?:vindt|vinden|ziet|zien|denkt|denken|staat|staan) (?:${BOARD}|men)\b${ANY} (?:social media|sociale media|socials)\b${ANY} (?:nuttig|goed|slecht|positiefs?|negatiefs?|risico|gevaar|gevaarlijk|waardevol|belangrijk|kans|kansen|voordelen|nadelen)\b`,
    // "waarom moet de school zelf op insta en fb zitten?": what the board sees in social media.
    String.raw`\bwaarom (?:(?:moet|moeten|zit|zitten|is|zijn|gebruikt|gebruiken|doet|doen) )?${BOARD} (?:zelf |eigenlijk |nou |ook )*(?:op|aan|met|iets met) (?:social media|sociale media|socials|insta|instagram|facebook|fb|tiktok|linkedin|twitter)\b`,
    // "waarom zet de school eigenlijk foto's van activiteiten op fb?", the verb last in a relayed question.
    String.raw`\bwaarom (?:de school|school|de stichting|het bestuur|we|wij)\b(?: \S+){0,5}? (?:op|via) (?:social media|sociale media|socials|insta|instagram|facebook|fb|tiktok|linkedin|twitter)\b (?:zet|zetten|plaatst|plaatsen|post|posten|deelt|delen|zit|zitten)\b`,
    String.raw`\b(?:social media|sociale media|socials) (?:nou |eigenlijk |nu )*(?:goed|slecht|nuttig|positief|negatief) (?:of|en) (?:goed|slecht|nuttig|positief|negatief|gevaarlijk)\b${ANY} (?:volgens|vindt|vinden)\b`,
    String.raw`\bhoe (?:kijkt|kijken|staat|staan|denkt|denken) ${BOARD}\b${ANY} (?:social media|sociale media|socials)\b`,
    String.raw`\b(?:social media|sociale media|socials)\b${ANY} volgens ${BOARD}\b${ANY} (?:voordelen|nadelen|nuttig|goed|slecht|positief|negatief|kansen|risico|risicos)\b`,
    String.raw`\b(?:is|zijn) ${BOARD} (?:nou |eigenlijk |nu )*voor of tegen\b`,
    String.raw`\b(?:is|zijn) ${BOARD} (?:nou |eigenlijk |nu |dan |echt )*(?:tegen|voor) (?:social media|sociale media|socials)\b`,
    String.raw`^(?=.*\b(?:social media|sociale media|socials)\b).*\bwaarom (?:zou|zouden|moet|moeten) (?:ik|we|wij|je)\b${ANY} (?:er|daar) (?:\S+ )*?(?:iets |wat )?mee (?:doen|werken|bezig zijn)\b`,
  ]],
  ['trust', [
    String.raw`\bvertrouw\w* (?:${BOARD}|men)\b(?:${ANY} (?:op|erop)| (?:ons|mij|me|het personeel|personeel|medewerkers|docenten|leerkrachten))\b`,
    String.raw`\b(?:gaan|gaat) (?:ze|jullie|het bestuur|de stichting|de school|de directie|men)\b${ANY} (?:vanuit|ervanuit|uit)\b${ANY} (?:we|wij|ik|leerkrachten|docenten|medewerkers|professionals|personeel)\b${ANY} (?:zelf|wel)\b`,
    String.raw`\b(?:lijst|lijstje)\b${ANY} (?:verboden|niet mag|regels)\b${ANY} (?:vertrouw\w*|gezonde? verstand|zelf)\b`,
    // "is het nou een verbod of moeten we het zelf weten?"
    String.raw`\b(?:verbod|verboden|verbieden)\b${ANY} (?:of|en) (?:moeten|mogen) (?:we|wij|ik|jullie) (?:het |dat )?zelf (?:weten|bepalen|beslissen|inschatten)\b`,
    // "krijgen we nou precieze regels of wordt verwacht dat we het zelf wel weten?"
    String.raw`\b(?:precieze|concrete|vaste|harde|strakke|exacte) regels\b${ANY} of\b${ANY} (?:we|wij|ik|jullie) (?:het |dat )?zelf (?:wel )?(?:weten|bepalen|beslissen|inschatten|uitzoeken)\b`,
    // "waarom dit protocol, wantrouwen ofzo?"
    String.raw`^(?=.*\b${CODE}\b).*\bwantrouw\w*\b`,
    // "is dat protocol er gekomen omdat ze bang zijn dat we er een puinhoop van maken?"
    String.raw`^(?=.*\b${CODE}\b).*\b(?:ze|zij|het bestuur|de stichting|de school|de directie) (?:\S+ )?(?:bang|angstig|bezorgd)\b${ANY} (?:we|wij|personeel|medewerkers|docenten|leerkrachten)\b`,
  ]],
  ['purpose', [
    String.raw`\bwaarom\b${ANY} (?:${CODE})\b`,
    String.raw`\bwaarom (?:hebben|krijgen|kregen|is|moeten) (?:we|wij|er|jullie)\b${ANY} ${THE_CODE}\b`,
    String.raw`\b(?:doel|bedoeling|nut)\b${ANY} (?:van )?${THE_CODE}\b`,
    String.raw`\bwat wil(?:len)?\b${ANY} ${THE_CODE}${ANY} bereiken\b`,
    String.raw`\bwat wil(?:len)?\b${ANY} bereiken (?:met|door) ${THE_CODE}`,
    String.raw`\bwaar (?:is|dient)\b ${THE_CODE}${ANY} voor\b`,
    // "is dat protocol nou een verbod op van alles of meer een soort hulpmiddel?"
    String.raw`^(?=.*\b${CODE}\b).*\b(?:verbod|verboden|verbodslijst)\b${ANY} of (?:\S+ ){0,3}?(?:hulpmiddel|handvat|handvatten|leidraad|houvast|hulp|richtlijn)\b`,
    // "… dat hele protocol … Waar is het nou eigenlijk voor bedoeld?": the code named earlier in the message.
    String.raw`^(?=.*\b${CODE}\b).*\bwaar (?:is|zijn|dient|dienen) (?:het|dat|die|dit|ze)\b${ANY} voor (?:bedoeld|nodig)\b`,
    String.raw`^(?=.*\b${CODE}\b).*\bwaarom (?:is|zijn) (?:het|dat|die|dit|ze|deze) (?:er )?(?:eigenlijk |nou |ineens |toch |dan )*gekomen\b`,
  ]],
  ['source', [
    String.raw`\bwie (?:heeft|hebben)\b${ANY} (?:${CODE}|dit|het)\b${ANY} (?:geschreven|opgesteld|gemaakt|bedacht|samengesteld)\b`,
    String.raw`\bwie (?:schreef|maakte|stelde)\b${ANY} ${THE_CODE}\b`,
    String.raw`\bwaar komt ${THE_CODE}${ANY} vandaan\b`,
    // "waar komt die tekst eigenlijk vandaan?": the code by what it is on the screen.
    String.raw`\bwaar komt (?:die|deze|dat|de) (?:tekst|text)\b${ANY} vandaan\b`,
    String.raw`\b${THE_CODE}${ANY} gebaseerd op\b`,
  ]],
  // "heeft de mr ingestemd met dit protocol?": the staff council's consent, which a code may record
  // apart from who drew it up and adopted it ('approval').
  ['consent', [
    String.raw`\bmedezeggenschapsraad\b${ANY} (?:${CODE})\b`,
    // "heeft de mr hier eigenlijk mee ingestemd?"
    String.raw`\bmedezeggenschapsraad (?:\S+ ){0,3}?(?:hier|hiermee|daar|daarmee|ermee|er) (?:\S+ ){0,2}?(?:ingestemd|instemming|akkoord)\b`,
  ]],
  // "sinds wanneer geldt dit beleid?", "vanaf wanneer moeten alle scholen zich hieraan houden?": the date it took effect.
  ['effective', [
    String.raw`\b(?:sinds|vanaf) wanneer (?:\S+ )?(?:geldt|gelden|bestaat|bestaan|is|zijn|hebben|moet|moeten|hanteren|gebruiken)\b${ANY} (?:${THE_CODE}|dit|dat|het|hier|hieraan|eraan)\b`,
    String.raw`\bwanneer (?:is|zijn|ging|gingen) (?:${THE_CODE}|dit|het) (?:\S+ )?(?:ingegaan|ingevoerd|van kracht|in werking getreden|begonnen|gestart)\b`,
  ]],
  ['approval', [
    String.raw`\b${THE_CODE}${ANY} (?:goedgekeurd|vastgesteld|ingestemd|ondertekend)\b`,
    String.raw`\bwie (?:heeft|hebben)\b${ANY} ${THE_CODE}${ANY} (?:goedgekeurd|vastgesteld)\b`,
  ]],
  // "wat is de hoofdregel?", "wat is in één zin de belangrijkste regel?": the rule the code puts above the others.
  ['mainRule', [
    String.raw`\b(?:hoofdregel|hoofdregels|gouden regel|basisregel|belangrijkste (?:regel|afspraak|richtlijn))\b`,
    String.raw`\bin (?:een|1) (?:zin|zinnetje)\b${ANY} (?:${CODE}|regel)\b`,
    String.raw`\b(?:kern|samenvatting) van ${THE_CODE}\b`,
    // Not "uitgangspunt": kopwerk's "uitgangspunten" are a list of their own.
    String.raw`\b(?:basisgedachte|grondgedachte|hoofdgedachte|kerngedachte)\b`,
    String.raw`^(?=.*\b(?:online|op social media|op sociale media|op internet|op socials)\b).*\b(?:net zo|hetzelfde|precies zo|zelfde)\b${ANY} (?:als|zoals) (?:in de klas|in de les|op school|in het echt|offline|in real life|op het werk)\b`,
    // "online is alles anders, daar gelden andere regels": whether the code holds online what holds in class.
    // Not "… welke andere regels ik erbij moet pakken, waar staan die?": that asks for other documents.
    String.raw`^(?!.*\bwaar (?:staan|staat|vind|vinden|lees)\b).*\b(?:online|op social media|op sociale media|op internet|op socials)\b${ANY} (?:andere|dezelfde|zelfde|eigen) (?:regels|normen|omgangsregels|omgangsvormen)\b`,
    String.raw`^(?!.*\bwaar (?:staan|staat|vind|vinden|lees)\b).*\b(?:andere|dezelfde|zelfde) (?:regels|normen|omgangsregels|omgangsvormen)\b${ANY} (?:online|op social media|op sociale media|op internet|op socials)\b`,
    // "moet je op social media anders met elkaar omgaan dan in het echt?", "online gelden jullie regels niet".
    String.raw`\b(?:online|op social media|op sociale media|op internet|op socials)\b${ANY} anders\b${ANY} dan (?:\S+ )?(?:in het echt|offline|in real life|in de klas|op school|in het gewone leven)\b`,
    String.raw`\b(?:online|op social media|op sociale media|op internet|op socials) (?:gelden|geldt) (?:de |jullie |onze |die |de school |school )?(?:regels|afspraken|schoolregels) (?:toch |eigenlijk |dus )?niet\b`,
  ]],
  // "een moeder zwart een juf op fb, doet school daar iets mee?": whether the school acts at all, which a
  // code may answer with the rule that names the behaviour rather than with its list of measures.
  ['schoolActs', [
    String.raw`^(?=.*\b${PUPIL_OR_PARENT}\b).*\b(?:doet|doen) (?:de )?(?:school|directie)\b${ANY} (?:iets|wat) (?:mee|aan|tegen)\b`,
  ]],
  // "een vader zet nare dingen over de juf op fb, kan de school daar iets tegen doen?": what the school
  // may do to a pupil or parent who breaks the code (staff measures are 'consequences').
  ['pupilMeasures', [
    // "een leerling die zich niet aan de regels houdt", "een ouder als die zich niet aan het protocol houdt".
    String.raw`\b${PUPIL_OR_PARENT} (?:(?:als|wanneer|die) (?:die |hij |zij |ze )?zich (?:\S+ )?|(?:zich )?(?:(?:online|ook|gewoon|dan|nou|toch) )?)niet aan ${THE_CODE}${ANY} (?:hou|houd|houdt|houden)\b`,
    String.raw`\bwat (?:kan|kunnen|gaat|zal|mag) (?:de )?(?:school|directie|stichting|het bestuur|we|wij)\b${ANY} (?:doen )?(?:tegen|met) (?:die |deze |zo een |zo n |een |de |dat |zon )?${PUPIL_OR_PARENT}\b`,
    String.raw`\bwat (?:kan|gaat|zal) er (?:met|gebeuren met) (?:die |deze |zo een |een |de |dat )?${PUPIL_OR_PARENT}\b`,
    // "een jongen uit groep 7 heeft een nepaccount van mij gemaakt. wat kan school met hem doen?"
    String.raw`^(?=.*\b${PUPIL_OR_PARENT}\b).*\bwat (?:kan|kunnen|gaat|mag|moet) (?:de )?(?:school|directie|we|wij) (?:\S+ )?(?:met|tegen) (?:hem|haar|hen|ze|die|deze) (?:doen|ondernemen|beginnen)\b`,
    String.raw`^(?=.*\b${PUPIL_OR_PARENT}\b).*\b(?:kan|kunnen|mag|mogen) (?:de )?(?:school|directie|we|wij)\b${ANY} (?:iets|wat|echt iets) (?:tegen|aan) (?:doen|ondernemen)\b`,
    String.raw`^(?=.*\b${PUPIL_OR_PARENT}\b).*\bvan school (?:sturen|gestuurd|getrapt|verwijderen|verwijderd)\b`,
    String.raw`\bkrijgt (?:die |deze |zo een |een |de |dat )?${PUPIL_OR_PARENT}\b${ANY} (?:straf|een straf|gevolgen|een sanctie)\b`,
  ]],
  // "wie beslist er over de straf?": who decides on a sanction, which a code may say apart from what
  // the sanctions are ('consequences').
  ['sanctionDecision', [
    String.raw`\bwie (?:beslist|beslissen|besluit|bepaalt|bepalen)\b${ANY} (?:straf|straffen|sanctie|sancties|strafmaatregel|strafmaatregelen)\b`,
  ]],
  ['consequences', [
    String.raw`\b(?:niet aan|niet houd|niet hou)\b${ANY} ${THE_CODE}`,
    String.raw`\b${THE_CODE}${ANY} (?:niet aan|overtreed|overtreden|overtreedt|breek|breekt|schend)\b`,
    String.raw`\b(?:ik|je|jij|een collega|iemand|medewerkers?) (?:me |zich |mij )?(?:(?:online|ook|gewoon|dan|nou|toch) )?niet aan ${THE_CODE}${ANY} (?:hou|houd|houdt|houden)\b`,
    String.raw`\b(?:gevolgen|consequenties|sancties|straf)\b${ANY} (?:overtreden|overtreding)\b${ANY} ${THE_CODE}`,
    String.raw`\bwat (?:als|gebeurt er als) (?:ik|je|jij|we|wij) (?:me|mij|je|ons) er niet aan (?:hou|houd|houdt|houden)\b`,
    // "wie bepaalt of ik over de grens ben gegaan, en wat gebeurt er dan met mij?"
    String.raw`\bwie (?:bepaalt|bepalen|beslist|beslissen|beoordeelt|beoordelen|besluit)\b${ANY} of (?:ik|je|iemand|een collega|hij|zij)\b${ANY} (?:over de grens|te ver|de fout in|in de fout|over de schreef)\b`,
    String.raw`\bwat gebeurt er (?:dan |daarna |vervolgens )?met (?:mij|me)\b`,
    String.raw`\b(?:staat|staan|is|zijn) (?:er )?(?:ergens|nergens) (?:vastgelegd |beschreven |opgeschreven )?welke (?:straffen|sancties|maatregelen|consequenties)\b`,
    // "kan ik daarvoor ontslagen worden?": what the code's breach costs a member of staff.
    String.raw`\b(?:kan|kun|word|wordt|worden|kunnen) (?:ik|je|jij|we|wij|een collega|medewerkers)\b${ANY} (?:ontslagen|geschorst|berispt|op staande voet)\b`,
  ]],
  // "is er een toolkit met voorbeelden voor een teamvergadering?": the material and help the board offers staff.
  ['support', [
    String.raw`^(?=.*\b(?:waar|is er|zijn er|bestaat er|bestaan er|hebben we|heeft de school|kan ik|kunnen we|krijgen we|zijn daar|is daar)\b)(?=.*\b(?:social media|sociale media|socials|${CODE}|teamvergadering|studiedag|teamoverleg|ons team)\b).*\b(?:materiaal|materialen|tips|toolkit|toolbox|voorbeelden|voorbeeldsituaties|casussen|werkvormen?|handreiking|kant en klare|trainingen?|scholing)\b`,
  ]],
  ['find', [
    String.raw`\bwaar (?:vind|vinden|staat|staan|lees|kan|kunnen|ligt)\b${ANY} ${THE_CODE}\b`,
    String.raw`\b${THE_CODE}${ANY} (?:nalezen|terugvinden|inzien|lezen|vinden|downloaden|bekijken)\b`,
    String.raw`\bhoe kom (?:ik|je|we|wij) aan ${THE_CODE}\b`,
    String.raw`\bhoe (?:krijgen|krijg)\b${ANY} ${THE_CODE}\b`,
  ]],
  ['local', [
    String.raw`\b(?:mag|mogen|kan|kunnen|moet|moeten) (?:we|wij|scholen|de school|onze school|een school|elke school|iedere school)\b${ANY} (?:eigen|extra|aanvullende|strengere|schooleigen) (?:regels|afspraken|beleid|aanpak)\b`,
    String.raw`\b(?:eigen|extra|aanvullende|strengere|schooleigen) (?:regels|afspraken|beleid|aanpak)\b${ANY} (?:bovenop|naast|aanvulling op) ${THE_CODE}`,
  ]],
  ['representative', [
    String.raw`(?:\b(?:nergens|nooit)\b|\b(?:zeg|zet|noem|vermeld|laat|staat) (?:ik |je )?niet\b|\bniemand weet)${ANY} (?:waar ik werk|waar ik les geef|op welke school ik|dat ik (?:juf|meester|docent|leraar|leerkracht) ben)\b`,
  ]],
  // Not "hoe zet ik mijn account op privé zodat niemand …?": that asks for the app's settings.
  ['findable', [
    String.raw`^(?!.*\bhoe (?:zet|maak|stel|krijg|kan|kun|doe|moet)\b).*\b(?:prive|besloten|beslote|afgeschermd|verborgen|close friends|alleen vrienden|alleen voor vrienden)\b${ANY} (?:niemand|niks|niets|niet)\b${ANY} (?:zien|ziet|zie|lezen|vinden|terugvinden|terugzien)\b`,
    // "'niemand vindt dat ooit terug' zei een collega, klopt dat?"
    String.raw`\bniemand (?:vindt|ziet|leest) (?:dat|het|dit|die|zoiets)\b${ANY} (?:terug|meer)\b`,
    // "… zet ik mijn insta later op privé, dan vindt niemand die foto's meer"
    String.raw`^(?!.*\bhoe (?:zet|maak|stel|krijg|kan|kun|doe|moet)\b).*\b(?:prive|besloten|afgeschermd|verborgen)\b${ANY} (?:ziet|vindt|leest|kan|kunnen) (?:niemand|geen mens|niemand meer)\b`,
  ]],
  // "ik haal het toch zo weer weg": the claim that a post is gone once taken down, or disappears by itself.
  ['deleted', [
    String.raw`^(?=.*\btoch\b).*\b(?:haal|haalt|halen)(?: (?:ik|je|jij|we|ze|hij|zij))? (?:het|hem|dat|die|m|t|dit)\b(?: \S+){0,4}? weg\b`,
    // "een story is toch na 24 uur weg?": what disappears by itself.
    String.raw`\b(?:story|storie|stories|snap|snaps|verhaal|bericht|berichtje|post)\b${ANY} na (?:\d+|een|een paar) (?:uur|uurtjes|dag|dagen) (?:weer |toch )?(?:weg|verdwenen|verdwijnt|verdwijnen)\b`,
  ]],
  ['responsible', [
    String.raw`\b(?:ben ik|zijn wij|zijn we)\b${ANY} (?:zelf |persoonlijk )?(?:verantwoordelijk|aansprakelijk|aan te spreken)\b`,
    String.raw`\bwie is\b${ANY} (?:verantwoordelijk|aansprakelijk|aan te spreken)\b${ANY} (?:ik|wij|we)\b`,
    String.raw`\b(?:de school|het bestuur|de stichting|de werkgever|mijn werkgever) (?:is |zijn )?(?:ook )?(?:verantwoordelijk|aansprakelijk)(?: is| zijn)? (?:voor|als)\b${ANY} (?:wij|we|ik|personeel|medewerkers)\b`,
    String.raw`\bwiens (?:probleem|verantwoordelijkheid|schuld)\b`,
  ]],
  // "ik ben nieuw, wie had mij over dit protocol moeten inlichten?": who makes the code known to staff.
  ['informed', [
    String.raw`\bwie (?:had|moet|moest|zou|hoort|hoorde|gaat)\b${ANY} (?:over |van )?${THE_CODE}${ANY} (?:inlichten|informeren|vertellen|uitleggen|op de hoogte (?:brengen|stellen))\b`,
    String.raw`\bwie (?:informeert|vertelt|licht)\b${ANY} (?:over|van) ${THE_CODE}\b`,
    String.raw`\bwie (?:moet|moeten|moest|had|hoort|hoorde|zou)\b${ANY} (?:inlichten|informeren|vertellen|uitleggen) (?:over|van) ${THE_CODE}\b`,
    String.raw`\bhoe (?:horen|weten|hoor|weet)\b${ANY} (?:ik|we|wij|leerkrachten|docenten|medewerkers|collegas|personeel)\b${ANY} (?:van |over )?${THE_CODE}\b`,
    String.raw`\b(?:ooit )?(?:iets )?over ${THE_CODE}${ANY} (?:verteld|uitgelegd|geinformeerd)\b${ANY} wiens (?:taak|klus)\b`,
    String.raw`\b(?:hoort|moet|moeten|hoorde|moest) (?:de directie|de school|school|mijn leidinggevende|de leidinggevende|het bestuur|de stichting)\b${ANY} (?:in te lichten|te informeren|op de hoogte te (?:brengen|stellen))\b`,
    // "wordt die code ooit nog met ons doorgenomen of krijg je hem één keer in je mail?"
    // Not "worden de regels in de les aan de leerlingen uitgelegd?": that is what pupils are taught.
    String.raw`^(?!.*\b(?:leerlingen|ouders|in de les|in de klas)\b).*\b(?:wordt|worden|werd|gaan (?:ze|we|jullie)|gaat (?:de school|de directie|school))\b${ANY} ${THE_CODE}${ANY} (?:met ons |met het team |met de collegas |met het personeel |samen )?(?:doorgenomen|besproken|doornemen|bespreken|toegelicht|uitgelegd)\b`,
  ]],
  // The excuse "ik heb het alleen doorgestuurd, niet gemaakt": whoever shares answers for it too. Only
  // with the excuse itself (not gemaakt, niks fout, verantwoordelijk): "alleen gedeeld met mijn team" is no excuse.
  ['forwarded', [
    String.raw`^(?=.*\balleen (?:maar )?(?:doorgestuurd|gedeeld|geliked|geliket|gerepost|geretweet|doorgezet|doorgeplaatst|geforward)\b(?! met))(?=.*\b(?:niet (?:zelf )?(?:gemaakt|geschreven|bedacht|verzonnen|gepost)|(?:niks|niets) (?:fout|verkeerd|mee te maken)|verantwoordelijk|schuld|maakt (?:dat|het) (?:uit|verschil))\b)`,
  ]],
  // "wie let erop dat we ons eraan houden?", "wie controleert of ons team zich aan de code houdt?":
  // who sees to compliance (managers, the school), not whether the board reads along.
  ['oversight', [
    String.raw`\bwie (?:controleert|controleren|checkt|checken|let|letten|ziet|zien|houdt|houden|bewaakt|handhaaft) (?:er )?(?:eigenlijk |nou |dan )*(?:op |erop |toe |erop toe |toezicht )?${KEEPS_TO_IT}`,
    String.raw`\bwie (?:checkt|controleert|ziet erop toe|let erop) (?:of|dat) (?:\S+ ){0,4}?${THE_CODE} (?:naleeft|naleven|volgt|volgen)\b`,
    // "controleert iemand eigenlijk of we ons eraan houden, of is het vrijblijvend?"
    String.raw`\b(?:controleert|checkt|let) (?:er )?iemand (?:eigenlijk |nou |wel )*(?:op )?${KEEPS_TO_IT}`,
  ]],
  // "moeten ouders de social media regels ook van ons krijgen?": whether pupils and parents are told
  // the rules (staff being told is 'informed').
  ['shared', [
    String.raw`\b(?:moeten|krijgen|kennen|weten|horen) (?:de )?(?:ouders|leerlingen|kinderen)(?: en (?:de )?(?:ouders|leerlingen|kinderen))?\b${ANY} (?<!\bvolgens )${THE_CODE}\b${ANY} (?:ook )?(?:krijgen|kennen|weten|te horen|horen|te zien|lezen)\b`,
  ]],
  ['monitoring', [
    String.raw`\b(?:gaat|gaan|zal|zullen) (?:het bestuur|de stichting|de school|school|de directie|de werkgever|mijn werkgever|ze|jullie)\b${ANY} (?:controleren|checken|monitoren|bijhouden|meekijken|meelezen|in de gaten houden)\b`,
    String.raw`\b(?:houdt|houden|kijkt|kijken|controleert|controleren|checkt|checken|volgt|volgen|monitort|monitoren|leest|lezen)\b (?:het bestuur|de stichting|de school|school|de directie|de werkgever|mijn werkgever|mijn baas|de baas|mijn leidinggevende|de leidinggevende|ze|jullie)\b${ANY} (?:mee|in de gaten|wat (?:ik|wij|we|personeel|medewerkers|docenten|leerkrachten|collegas)|(?:mijn|onze|ons) (?:(?:prive|eigen|persoonlijke) )?(?:posts|berichten|account|accounts|insta|instagram|facebook|fb|tiktok|twitter|linkedin|socials|social media|sociale media|profiel|profielen|tijdlijn))\b`,
    String.raw`\bwordt (?:er )?(?:gecontroleerd|gecheckt|bijgehouden|gemonitord|meegekeken|meegelezen) (?:wat|of) (?:ik|wij|we|personeel|medewerkers|docenten|leerkrachten)\b`,
    // "ze lezen bij het bestuur gewoon alles mee wat je post", "de directie kijkt heus mee"
    String.raw`\b(?:lezen|leest|kijken|kijkt|controleren|controleert|checken|checkt)\b (?:ze |er )?(?:bij|op|vanuit) (?:het bestuur|de stichting|de school|school|kantoor|het bestuurskantoor|de directie)\b${ANY} (?:mee|alles)\b`,
    // "klopt het dat de stichting meekijkt met wat ik post?": the verb last, split or joined.
    String.raw`\b(?:het bestuur|de stichting|de directie|de werkgever|mijn werkgever|mijn baas|de baas)\b(?: \S+){0,2}? (?:(?:leest|lezen|kijkt|kijken)(?: \S+){0,3}? mee|meekijkt|meekijken|meeleest|meelezen)\b`,
  ]],
];

export const INTENT_PATTERNS: ReadonlyArray<readonly [CodeIntent, RegExp]> = BRANCHES.map(([intent, branches]) => [intent, new RegExp(branches.join('|'))]);

/**
 * A question that names another document is not about this code: "waar vind ik het protocol over
 * grensoverschrijdend gedrag?", "waar staan de andere protocollen?" (only where the code points to
 * them answers it: 'documents'). "Het protocol over social media" is this one, and "wat zegt het
 * protocol over filmen?" asks what this code says about a subject.
 */
export const OTHER_DOCUMENT = new RegExp(
  String.raw`\banderen? (?:protoc\w*|protok\w*|reglement\w*|documenten?|gedragscodes?|codes?)\b|(?<!\b(?:zegt|zeggen|staat|staan|vindt|vinden)(?: \S+)? )\b${CODE} (?:over|tegen) (?!social|sociale|socials|online|internet|het gebruik)`,
);

/** Other documents by name: a compound ending in "protocol" ("pestprotocol") is another protocol. */
const NAMED_DOCUMENT = String.raw`(?:leerlingenstatuut|integriteitscode|meldcode|klachtenregeling|privacyreglement|privacybeleid|pestprotocol|pestbeleid|(?!socialmedia|sociale?media)\w+protocol(?:len)?|(?:een )?apart(?:e)? (?:protocol|document|regeling|beleid))`;
/** Asking where another document is, or whether there is (or will be) one. */
export const WHERE_DOCUMENT = new RegExp(
  String.raw`\b(?:waar|welke|hoe kom|is er|zijn er|komt er|komen er|bestaat er|bestaan er|hebben we|hebben wij|heeft de school|heeft school)\b`,
);
/** ... and it is a document: "waar vind ik de regels over foto's?" asks for this code's rules on photos. */
export const A_DOCUMENT = new RegExp(String.raw`\banderen? |\b(?:protoc\w*|protok\w*|reglement|document|statuut) (?:over|tegen|van|voor)\b`);
/** "welke andere regels moet ik erbij pakken, waar staan die?" (other rules alone may be online's: "gelden online andere regels?") */
export const OTHER_RULES_ASKED = new RegExp(String.raw`^(?=.*\banderen? (?:regels|afspraken|richtlijnen)\b).*\bwaar (?:staan|staat|vind|vinden|lees)\b`);
/** "waar vind ik het pestprotocol?", "komt er nog een apart protocol?" */
export const NAMED_DOCUMENT_ASKED = new RegExp(String.raw`\b(?:waar|is er|komt er|bestaat er|hebben we|hebben wij)\b${ANY} ${NAMED_DOCUMENT}\b`);

