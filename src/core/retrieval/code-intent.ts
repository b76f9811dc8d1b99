import type { CodeIntent } from '../knowledge/code-intents.js';
import { tokenize } from './normalize.js';
import type { SearchIndex } from './index.js';
import type { SectionHit } from './search.js';

/**
 * Recognises the standard questions about the code itself ("waarom hebben we dit protocol?",
 * "geldt de code ook voor mijn privé insta?", "wie heeft dit opgesteld?"). Deliberately narrow:
 * a question about a rule ("mag ik op mijn privé insta een klassenfoto zetten?") is not one, so
 * most patterns need a word that names the code itself. Patterns run on the normalised tokens
 * (lower case, no accents, chat shorthand expanded: "mr" and "gmr" arrive as "medezeggenschapsraad")
 * joined by single spaces.
 */
const CODE = String.raw`(?:code|gedragscode|protoc\w*|protok\w*|socialmediaprotocol|regels|regeling|regelingen|richtlijnen|afspraken|beleid|reglement|document)`;
// "zo'n" reaches the patterns as "zo een" (chat shorthand), "zo 'n" as "zo n".
const THIS = String.raw`(?:dit|deze|die|dat|het|de|ons|onze|jullie|zo n|zo een)`;
const THE_CODE = String.raw`(?:${THIS} (?:hele )?(?:${CODE}|verhaal)|${THIS} (?:social media |sociale media )${CODE})`;
const ANY = String.raw`(?: \S+)*?`;
/** The people a code can be for ("geldt het ook voor stagiairs?"); compounds ending in them too (hulpouders, overblijfkrachten). */
const AUDIENCE = String.raw`(?:de |alle |ons |onze )?(?:\w*(?:ouders|leerlingen|stagiaires?|stagiairs?|invallers?|vrijwilligers|krachten|medewerkers)|directie|directeuren|bestuur|personeel|docenten|leerkrachten|collegas|onderwijsassistenten|conciërges?|concierges?|mij|ons|iedereen)`;

/** Who speaks for the code when a teacher asks what "they" think of social media. */
const BOARD = String.raw`(?:het bestuur|de stichting|de school|school|de directie|ze|jullie)`;
/** Pupils and parents, whom a school's measures other than staff's concern. */
const PUPIL_OR_PARENT = String.raw`(?:\w*leerling(?:en)?|ouders?|vader|moeder|jongen|meisje|kind|kinderen|klasgenoot|scholier)`;
/** Platforms a teacher may doubt are social media in the code's sense ("valt tiktok daar ook onder?"). */
const PLATFORM = String.raw`(?:whatsapp|linkedin|youtube|teams|snapchat|pinterest|twitch|discord|tiktok|threads|bereal|mastodon|bluesky|reddit|strava|een blog|een forum|een podcast|appgroepen|groepsapps)`;

const PATTERNS: ReadonlyArray<[CodeIntent, RegExp]> = [
  ['definition', new RegExp(String.raw`\bwat (?:valt|vallen|telt|tellen|rekenen|verstaan|bedoelen)\b${ANY} (?:sociale|social) media\b|\bwat (?:zijn|is) (?:eigenlijk |precies )?(?:sociale|social) media\b|\b(?:valt|telt|hoort|vallen|tellen|horen) ${PLATFORM}\b${ANY} (?:onder|bij|mee)\b|\b(?:is|zijn) ${PLATFORM} (?:ook |eigenlijk |nou |dan )*(?:sociale|social) media\b|\b${PLATFORM} (?:staat|staan) niet (?:in|bij|op) (?:het|de) (?:rijtje|lijst|lijstje|opsomming)\b`)],
  ['private', new RegExp(String.raw`\b(?:geldt|gelden|gaat|gaan|telt|tellen)\b${ANY} (?:${THE_CODE}|dit|het)\b${ANY} (?:prive|thuis|vrije tijd|buiten (?:school|schooltijd|werktijd|werk|het werk)|weekend|vakantie|eigen (?:insta|instagram|account|profiel|facebook|tiktok))\b|\b(?:valt|vallen) mijn (?:prive|eigen|persoonlijke)\b${ANY} onder\b|\bte zeggen (?:over|van)\b${ANY} mijn (?:prive|eigen|persoonlijke)\b`)],
  ['audience', new RegExp(String.raw`\bvoor wie\b${ANY} (?:${CODE}|dit|het)\b|\b(?:${CODE}|dit|het)\b${ANY} voor wie\b|\b(?:geldt|gelden)\b${ANY} (?:${THE_CODE}|dit|het)\b (?:(?:dan|nou|eigenlijk|toch|wel) )*(?:ook )?(?:voor|alleen voor) ${AUDIENCE}\b|\b${THE_CODE} alleen voor\b|\bmoeten? (?:ik|ouders|leerlingen|wij|we|docenten|leerkrachten)\b${ANY} (?:ook )?aan ${THE_CODE}${ANY} houden\b|\b(?:is|zijn) ${THE_CODE} (?:ook |alleen |eigenlijk |nou |toch )*(?:voor|bedoeld voor) ${AUDIENCE}\b|\b(?:geldt|gelden)\b${ANY} (?:ook |alleen )?voor (?:mijn|onze|elke|iedere|alle) (?:eigen )?(?:school|scholen|locatie)\b(?! (?:insta|instagram|account|pagina|website|facebook|site))|\b(?:is|zijn) (?:dit|dat|deze|die)(?: (?:toch|nou|eigenlijk|nu))? alleen (?:voor|bedoeld voor) ${AUDIENCE} (?:of |en |$)`)],
  ['purpose', new RegExp(String.raw`\bwaarom\b${ANY} (?:${CODE})\b|\b(?:doel|bedoeling|nut)\b${ANY} (?:van )?${THE_CODE}\b|\bwat wil(?:len)?\b${ANY} ${THE_CODE}${ANY} bereiken\b|\bwat wil(?:len)?\b${ANY} bereiken (?:met|door) ${THE_CODE}|\bwaar (?:is|dient)\b ${THE_CODE}${ANY} voor\b`)],
  ['source', new RegExp(String.raw`\bwie (?:heeft|hebben)\b${ANY} (?:${CODE}|dit|het)\b${ANY} (?:geschreven|opgesteld|gemaakt|bedacht|samengesteld)\b|\bwie (?:schreef|maakte|stelde)\b${ANY} ${THE_CODE}\b|\bwaar komt ${THE_CODE}${ANY} vandaan\b|\b${THE_CODE}${ANY} gebaseerd op\b`)],
  ['approval', new RegExp(String.raw`\b${THE_CODE}${ANY} (?:goedgekeurd|vastgesteld|ingestemd|ondertekend)\b|\bwie (?:heeft|hebben)\b${ANY} ${THE_CODE}${ANY} (?:goedgekeurd|vastgesteld)\b|\bmedezeggenschapsraad\b${ANY} (?:${CODE})\b`)],
  ['consequences', new RegExp(String.raw`\b(?:niet aan|niet houd|niet hou)\b${ANY} ${THE_CODE}|\b${THE_CODE}${ANY} (?:niet aan|overtreed|overtreden|overtreedt|breek|breekt|schend)\b|\b(?:ik|je|jij|een collega|iemand|medewerkers?) (?:me |zich |mij )?niet aan ${THE_CODE}${ANY} (?:hou|houd|houdt|houden)\b|\b(?:gevolgen|consequenties|sancties|straf)\b${ANY} (?:overtreden|overtreding)\b${ANY} ${THE_CODE}|\bwat (?:als|gebeurt er als) (?:ik|je|jij|we|wij) (?:me|mij|je|ons) er niet aan (?:hou|houd|houdt|houden)\b|\bwie (?:beslist|beslissen|besluit|bepaalt|bepalen)\b${ANY} (?:straf|straffen|sanctie|sancties|strafmaatregel|strafmaatregelen)\b`)],
  ['find', new RegExp(String.raw`\bwaar (?:vind|vinden|staat|staan|lees|kan|kunnen|ligt)\b${ANY} ${THE_CODE}\b|\b${THE_CODE}${ANY} (?:nalezen|terugvinden|inzien|lezen|vinden|downloaden|bekijken)\b|\bhoe kom (?:ik|je|we|wij) aan ${THE_CODE}\b|\bhoe (?:krijgen|krijg)\b${ANY} ${THE_CODE}\b`)],
  ['local', new RegExp(String.raw`\b(?:mag|mogen|kan|kunnen|moet|moeten) (?:we|wij|scholen|de school|onze school|een school|elke school|iedere school)\b${ANY} (?:eigen|extra|aanvullende|strengere|schooleigen) (?:regels|afspraken|beleid|aanpak)\b|\b(?:eigen|extra|aanvullende|strengere|schooleigen) (?:regels|afspraken|beleid|aanpak)\b${ANY} (?:bovenop|naast|aanvulling op) ${THE_CODE}`)],
  ['trust', new RegExp(String.raw`\bvertrouw\w* (?:het bestuur|de stichting|de school|school|de directie|ze|jullie|men)\b(?:${ANY} (?:op|erop)| (?:ons|mij|me|het personeel|personeel|medewerkers|docenten|leerkrachten))\b|\b(?:gaan|gaat) (?:ze|jullie|het bestuur|de stichting|de school|de directie|men)\b${ANY} (?:vanuit|ervanuit|uit)\b${ANY} (?:we|wij|ik|leerkrachten|docenten|medewerkers|professionals|personeel)\b${ANY} (?:zelf|wel)\b|\b(?:lijst|lijstje)\b${ANY} (?:verboden|niet mag|regels)\b${ANY} (?:vertrouw\w*|gezonde? verstand|zelf)\b`)],
  ['representative', new RegExp(String.raw`(?:\b(?:nergens|nooit)\b|\b(?:zeg|zet|noem|vermeld|laat|staat) (?:ik |je )?niet\b|\bniemand weet)${ANY} (?:waar ik werk|waar ik les geef|op welke school ik|dat ik (?:juf|meester|docent|leraar|leerkracht) ben)\b`)],
  // Not "hoe zet ik mijn account op privé zodat niemand …?": that asks for the app's settings.
  ['findable', new RegExp(String.raw`^(?!.*\bhoe (?:zet|maak|stel|krijg|kan|kun|doe|moet)\b).*\b(?:prive|besloten|beslote|afgeschermd|verborgen|close friends|alleen vrienden|alleen voor vrienden)\b${ANY} (?:niemand|niks|niets|niet)\b${ANY} (?:zien|ziet|zie|lezen|vinden|terugvinden|terugzien)\b`)],
  ['responsible', new RegExp(String.raw`\b(?:ben ik|zijn wij|zijn we)\b${ANY} (?:zelf |persoonlijk )?(?:verantwoordelijk|aansprakelijk|aan te spreken)\b|\bwie is\b${ANY} (?:verantwoordelijk|aansprakelijk|aan te spreken)\b${ANY} (?:ik|wij|we)\b|\b(?:de school|het bestuur|de stichting|de werkgever|mijn werkgever) (?:is |zijn )?(?:ook )?(?:verantwoordelijk|aansprakelijk)(?: is| zijn)? (?:voor|als)\b${ANY} (?:wij|we|ik|personeel|medewerkers)\b|\bwiens (?:probleem|verantwoordelijkheid|schuld)\b`)],
  // "vindt het bestuur social media nuttig of vooral een risico?": the board's view, which the introductions give.
  ['stance', new RegExp(String.raw`\b(?:vindt|vinden|ziet|zien|denkt|denken|staat|staan) (?:${BOARD}|men)\b${ANY} (?:social media|sociale media|socials)\b${ANY} (?:nuttig|goed|slecht|positief|negatief|risico|gevaar|gevaarlijk|waardevol|belangrijk|kans|kansen|voordelen|nadelen)\b|\b(?:social media|sociale media|socials) (?:nou |eigenlijk |nu )*(?:goed|slecht|nuttig|positief|negatief) (?:of|en) (?:goed|slecht|nuttig|positief|negatief|gevaarlijk)\b${ANY} (?:volgens|vindt|vinden)\b|\bhoe (?:kijkt|kijken|staat|staan|denkt|denken) ${BOARD}\b${ANY} (?:social media|sociale media|socials)\b|\b(?:social media|sociale media|socials)\b${ANY} volgens ${BOARD}\b${ANY} (?:voordelen|nadelen|nuttig|goed|slecht|positief|negatief|kansen|risico|risicos)\b|\b(?:is|zijn) ${BOARD} (?:nou |eigenlijk |nu )*voor of tegen\b|^(?=.*\b(?:social media|sociale media|socials)\b).*\bwaarom (?:zou|zouden|moet|moeten) (?:ik|we|wij|je)\b${ANY} (?:er|daar) (?:\S+ )*?(?:iets |wat )?mee (?:doen|werken|bezig zijn)\b`)],
  // "ik ben nieuw, wie had mij over dit protocol moeten inlichten?": who makes the code known to staff.
  ['informed', new RegExp(String.raw`\bwie (?:had|moet|moest|zou|hoort|hoorde|gaat)\b${ANY} (?:over |van )?${THE_CODE}${ANY} (?:inlichten|informeren|vertellen|uitleggen|op de hoogte (?:brengen|stellen))\b|\bwie (?:informeert|vertelt|licht)\b${ANY} (?:over|van) ${THE_CODE}\b|\bwie (?:moet|moeten|moest|had|hoort|hoorde|zou)\b${ANY} (?:inlichten|informeren|vertellen|uitleggen) (?:over|van) ${THE_CODE}\b|\bhoe (?:horen|weten|hoor|weet)\b${ANY} (?:ik|we|wij|leerkrachten|docenten|medewerkers|collegas|personeel)\b${ANY} (?:van |over )?${THE_CODE}\b|\b(?:ooit )?(?:iets )?over ${THE_CODE}${ANY} (?:verteld|uitgelegd|geinformeerd)\b${ANY} wiens (?:taak|klus)\b|\b(?:hoort|moet|moeten|hoorde|moest) (?:de directie|de school|school|mijn leidinggevende|de leidinggevende|het bestuur|de stichting)\b${ANY} (?:in te lichten|te informeren|op de hoogte te (?:brengen|stellen))\b`)],
  // The excuse "ik heb het alleen doorgestuurd, niet gemaakt": whoever shares answers for it too. Only
  // with the excuse itself (not gemaakt, niks fout, verantwoordelijk): "alleen gedeeld met mijn team" is no excuse.
  ['forwarded', new RegExp(String.raw`^(?=.*\balleen (?:maar )?(?:doorgestuurd|gedeeld|geliked|geliket|gerepost|geretweet|doorgezet|doorgeplaatst|geforward)\b(?! met))(?=.*\b(?:niet (?:zelf )?(?:gemaakt|geschreven|bedacht|verzonnen|gepost)|(?:niks|niets) (?:fout|verkeerd|mee te maken)|verantwoordelijk|schuld|maakt (?:dat|het) (?:uit|verschil))\b)`)],
  // "een vader zet nare dingen over de juf op fb, kan de school daar iets tegen doen?": what the school
  // may do to a pupil or parent who breaks the code (staff measures are 'consequences').
  ['pupilMeasures', new RegExp(String.raw`\bwat (?:kan|kunnen|gaat|zal|mag) (?:de )?(?:school|directie|stichting|het bestuur|we|wij)\b${ANY} (?:doen )?(?:tegen|met) (?:die |deze |zo een |zo n |een |de |dat |zon )?${PUPIL_OR_PARENT}\b|\bwat (?:kan|gaat|zal) er (?:met|gebeuren met) (?:die |deze |zo een |een |de |dat )?${PUPIL_OR_PARENT}\b|^(?=.*\b${PUPIL_OR_PARENT}\b).*\b(?:kan|kunnen|mag|mogen) (?:de )?(?:school|directie|we|wij)\b${ANY} (?:iets|wat|echt iets) (?:tegen|aan) (?:doen|ondernemen)\b|^(?=.*\b${PUPIL_OR_PARENT}\b).*\bvan school (?:sturen|gestuurd|getrapt|verwijderen|verwijderd)\b|\bkrijgt (?:die |deze |zo een |een |de |dat )?${PUPIL_OR_PARENT}\b${ANY} (?:straf|een straf|gevolgen|een sanctie)\b`)],
  ['monitoring', new RegExp(String.raw`\b(?:houdt|houden|kijkt|kijken|controleert|controleren|checkt|checken|volgt|volgen|monitort|monitoren|leest|lezen)\b (?:het bestuur|de stichting|de school|school|de directie|de werkgever|mijn werkgever|mijn baas|de baas|mijn leidinggevende|de leidinggevende|ze|jullie)\b${ANY} (?:mee|in de gaten|wat (?:ik|wij|we|personeel|medewerkers|docenten|leerkrachten|collegas)|(?:mijn|onze|ons) (?:(?:prive|eigen|persoonlijke) )?(?:posts|berichten|account|accounts|insta|instagram|facebook|fb|tiktok|twitter|linkedin|socials|social media|sociale media|profiel|profielen|tijdlijn))\b|\bwordt (?:er )?(?:gecontroleerd|gecheckt|bijgehouden|gemonitord|meegekeken|meegelezen) (?:wat|of) (?:ik|wij|we|personeel|medewerkers|docenten|leerkrachten)\b`)],
];

/**
 * A question that names another document is not about this code: "waar vind ik het protocol over
 * grensoverschrijdend gedrag?", "waar staan de andere protocollen?". "Het protocol over social media"
 * is this one, and "wat zegt het protocol over filmen?" asks what this code says about a subject.
 */
const OTHER_DOCUMENT = new RegExp(
  String.raw`\banderen? ${CODE}|(?<!\b(?:zegt|zeggen|staat|staan|vindt|vinden)(?: \S+)? )\b${CODE} (?:over|tegen) (?!social|sociale|socials|online|internet|het gebruik)`,
);

/** Other documents by name: a compound ending in "protocol" ("pestprotocol") is another protocol. */
const NAMED_DOCUMENT = String.raw`(?:leerlingenstatuut|integriteitscode|meldcode|klachtenregeling|privacyreglement|privacybeleid|pestprotocol|pestbeleid|(?!socialmedia|sociale?media)\w+protocol(?:len)?|(?:een )?apart(?:e)? (?:protocol|document|regeling|beleid))`;
/** Asking where another document is, or whether there is (or will be) one. */
const WHERE_DOCUMENT = new RegExp(
  String.raw`\b(?:waar|welke|hoe kom|is er|zijn er|komt er|komen er|bestaat er|bestaan er|hebben we|hebben wij|heeft de school|heeft school)\b`,
);
/** ... and it is a document: "waar vind ik de regels over foto's?" asks for this code's rules on photos. */
const A_DOCUMENT = new RegExp(String.raw`\banderen? |\b(?:protoc\w*|protok\w*|reglement|document|statuut) (?:over|tegen|van|voor)\b`);
const NAMED_DOCUMENT_ASKED = new RegExp(String.raw`\b(?:waar|is er|komt er|bestaat er|hebben we|hebben wij)\b${ANY} ${NAMED_DOCUMENT}\b`);

/** The standard question about the code a question asks, when it is one; `tokens`: the question's, when the caller has them (tokenising again was a tenth of the analysis). */
export function detectCodeIntent(question: string, tokens: readonly string[] = tokenize(question)): CodeIntent | undefined {
  const text = ` ${tokens.join(' ')} `;
  // "waar vind ik het protocol over grensoverschrijdend gedrag?", "komt er nog een apart protocol?":
  // where the code points to other documents (or says one will come) answers it; anything else about
  // another document is not about this code.
  if (OTHER_DOCUMENT.test(text)) return WHERE_DOCUMENT.test(text) && A_DOCUMENT.test(text) ? 'documents' : undefined;
  if (NAMED_DOCUMENT_ASKED.test(text)) return 'documents';
  for (const [intent, pattern] of PATTERNS) if (pattern.test(text)) return intent;
  return undefined;
}

/**
 * A standard question about the code itself goes to the first section the board names for it that
 * the question matches at all; scores stay in place, best first, as with the re-ranker.
 */
export function codeIntentFirst<T extends SectionHit>(index: SearchIndex, intent: CodeIntent | undefined, ranked: T[]): { ranked: T[]; named?: { intent: CodeIntent; hit: T } } {
  // The board's order decides (best first), among the named sections the question matches at all.
  const named = intent ? (index.codeIntents.get(intent) ?? []).map((i) => index.sections[i]!) : [];
  const present = named.map((indexed) => ranked.findIndex((hit) => hit.indexed === indexed && hit.score > 0)).filter((i) => i >= 0);
  const at = present[0] ?? -1;
  if (!intent || at < 0) return { ranked };
  const scores = ranked.map((h) => h.score);
  const reordered = [ranked[at]!, ...ranked.slice(0, at), ...ranked.slice(at + 1)];
  reordered.forEach((h, i) => (h.score = scores[i]!));
  return { ranked: reordered, named: { intent, hit: reordered[0]! } };
}
