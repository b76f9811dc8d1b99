import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppDeps, AppTurnState, ConversationState } from './deps.js';
import { card, submit, textBlock } from '../cards/shared/adaptive-card.js';
import { formatDutchDate, formatDutchDateTime } from '../core/shared/dutch-date.js';
import type { UserRef } from '../core/doubts/types.js';
import type { FeedbackVerdict } from '../core/shared/feedback.js';
import {
  deletePersonalData,
  exportPersonalData,
  formatDeletionSummary,
  type PersonalDataProvider,
  type PersonalDataRecord,
} from '../core/privacy/personal-data.js';
import { myDataCard } from '../cards/privacy/my-data-card.js';
import { PRIVACY_VERBS } from '../cards/privacy/privacy-actions.js';
import { actorOf } from './identity.js';
import { cardMessage } from './replies.js';

/** How each kind of data the shell keeps is deleted, in plain words. */
const REMOVALS: Record<string, string> = {
  feedback: 'Met "verwijder mijn gegevens" haal ik je naam en je vraag weg; alleen de 👍 of 👎 blijft, zonder naam.',
  onboarding: 'Met "verwijder mijn gegevens" wis je je voortgang en je bevestiging. Je kunt de onboarding daarna opnieuw doen.',
  user: 'Met "verwijder mijn gegevens" wis je je profiel. Als je Mediawijs weer gebruikt, haal ik je naam opnieuw uit Teams.',
  conversation: 'Met "verwijder mijn gegevens" wis je deze verwijzing. Dan kan ik je pas weer een bericht sturen als jij mij iets stuurt.',
};

/** Stands in for a removed user id in kept feedback. */
const REMOVED_USER = 'verwijderd';

// Learning records carry no user id, so they never show here; labelled all the same for completeness.
const VERDICT_LABELS: Record<FeedbackVerdict, string> = {
  up: '👍 nuttig',
  down: '👎 niet nuttig',
  not_found: 'geen antwoord gevonden',
  unanswered: 'geen antwoord gevonden',
  unsure: '"Bedoel je…?" getoond',
  chosen: 'gekozen uit "Bedoel je…?"',
};

/** "mijn gegevens" and "verwijder mijn gegevens" (with a confirmation card). */
export function registerPrivacy(app: Application<AppTurnState>, deps: AppDeps): void {
  app.adaptiveCards.actionSubmit(PRIVACY_VERBS.confirmDelete, async (context, state) => {
    const user = actorOf(context);
    try {
      const summaries = await deletePersonalData(personalDataProviders(deps), user);
      // Remembered answers and a half-finished posting check are personal data too.
      for (const key of Object.keys(state.conversation)) delete state.conversation[key as keyof ConversationState];
      for (const key of Object.keys(state.user)) delete state.user[key];
      deps.logger.info({ event: 'privacy.deleted', sources: summaries.map((s) => `${s.source}:${s.deleted}/${s.anonymised}`).join(',') });
      await context.sendActivity(formatDeletionSummary(summaries));
    } catch (error) {
      deps.logger.error({ event: 'privacy.delete-failed', err: { name: (error as Error).name, message: (error as Error).message } });
      await context.sendActivity('Het verwijderen is niet helemaal gelukt. Probeer het later nog eens; lukt het dan nog niet, neem contact op met de beheerder.');
    }
  });
  app.adaptiveCards.actionSubmit(PRIVACY_VERBS.askDelete, async (context) => askDeleteMyData(context));
  app.adaptiveCards.actionSubmit(PRIVACY_VERBS.keep, async (context) => {
    await context.sendActivity('Oké, ik heb niets verwijderd.');
  });
}

/** Shows everything the bot keeps about the sender. */
export async function showMyData(context: TurnContext, deps: AppDeps): Promise<void> {
  const sections = await exportPersonalData(personalDataProviders(deps), actorOf(context));
  deps.logger.info({ event: 'privacy.exported', sections: sections.filter((s) => s.records.length > 0).length });
  await context.sendActivity(cardMessage(myDataCard(sections, REMOVALS), 'Mijn gegevens'));
}

/** Asks for confirmation before deleting. */
export async function askDeleteMyData(context: TurnContext): Promise<void> {
  await context.sendActivity(
    cardMessage(
      card(
        [
          textBlock('Wil je al je gegevens bij Mediawijs verwijderen?', { size: 'Medium', weight: 'Bolder' }),
          textBlock(
            'Dan verwijder ik je vragen aan je leidinggevende, je onboarding-voortgang, je reacties op antwoorden en wat ik verder over je weet. ' +
              'Een vraag die iemand nog in behandeling heeft, trek ik in en bewaar ik zonder je naam en tekst. Dit kun je niet ongedaan maken.',
          ),
        ],
        [submit('Ja, verwijder', PRIVACY_VERBS.confirmDelete, {}, { style: 'destructive' }), submit('Nee, niet verwijderen', PRIVACY_VERBS.keep)],
      ),
      'Gegevens verwijderen?',
    ),
  );
}

/**
 * Every store that keeps something about a user. Feedback is kept for quality reports but loses
 * the user id and the question text (the FeedbackStore has no delete; adding the same id replaces).
 */
export function personalDataProviders(deps: AppDeps): PersonalDataProvider[] {
  const { store } = deps;
  const keyed = <T>(source: string, title: string, purpose: string, get: (u: UserRef) => Promise<T | undefined>, fields: (v: T) => PersonalDataRecord, remove: (u: UserRef) => Promise<void>): PersonalDataProvider => ({
    source,
    async exportFor(user) {
      const value = await get(user);
      return [{ source, title, purpose, records: value === undefined ? [] : [fields(value)] }];
    },
    async deleteFor(user) {
      const had = (await get(user)) !== undefined;
      await remove(user);
      return { source, deleted: had ? 1 : 0, anonymised: 0 };
    },
  });

  return [
    deps.doubts.asPersonalDataProvider(),
    {
      source: 'feedback',
      async exportFor(user) {
        const mine = (await store.feedback.list()).filter((f) => f.userId === user.id);
        return [
          {
            source: 'feedback',
            title: 'Je reacties op antwoorden',
            purpose:
              'Om de antwoorden van Mediawijs te verbeteren. Alleen je vraag en je reactie worden bewaard. ' +
              'Vragen waarop ik geen zeker antwoord had, bewaar ik ook, maar zonder je naam of account: die horen niet meer bij jou en staan hier dus niet.',
            records: mine.map((f) => ({ heading: formatDutchDate(f.at), fields: [{ label: 'Vraag', value: f.question }, { label: 'Reactie', value: VERDICT_LABELS[f.verdict] }] })),
          },
        ];
      },
      async deleteFor(user) {
        const mine = (await store.feedback.list()).filter((f) => f.userId === user.id);
        for (const f of mine) await store.feedback.add({ ...f, userId: REMOVED_USER, question: '' });
        return { source: 'feedback', deleted: mine.length, anonymised: 0 };
      },
    },
    keyed(
      'onboarding',
      'Je onboarding',
      'Zodat je later verder kunt en je leidinggevende ziet of je de onboarding hebt afgerond (zonder je antwoorden).',
      (u) => store.onboarding.get(u.id),
      (p) => {
        const fields = [{ label: 'Status', value: { 'not-started': 'niet begonnen', 'in-progress': 'bezig', completed: 'afgerond' }[p.status] }];
        if (p.startedAt) fields.push({ label: 'Begonnen', value: formatDutchDate(p.startedAt) });
        fields.push({ label: 'Stappen gedaan', value: String(Object.keys(p.steps).length) });
        for (const a of p.acknowledgements) fields.push({ label: 'Code bevestigd', value: `${formatDutchDate(a.at)}${a.code.version ? ` (versie ${a.code.version})` : ''}` });
        if (p.invitedAt) fields.push({ label: 'Uitgenodigd', value: formatDutchDate(p.invitedAt) });
        return { heading: 'Voortgang', fields };
      },
      (u) => store.onboarding.delete(u.id),
    ),
    keyed(
      'user',
      'Je profiel',
      'Je naam, zodat je leidinggevende weet van wie een vraag komt; je account en e-mailadres uit Teams, zodat ik je in de lijst met leidinggevenden kan vinden; en of je al welkom bent geheten.',
      (u) => store.users.get(u.id),
      (r) => {
        const fields = [];
        if (typeof r.name === 'string') fields.push({ label: 'Naam', value: r.name });
        if (typeof r.upn === 'string') fields.push({ label: 'Account', value: r.upn });
        if (typeof r.email === 'string' && r.email !== r.upn) fields.push({ label: 'E-mailadres', value: r.email });
        if (typeof r.welcomedAt === 'string') fields.push({ label: 'Welkom geheten', value: formatDutchDate(r.welcomedAt) });
        return { heading: 'Profiel', fields };
      },
      async (u) => {
        // The look-up index points from the user's account names to their id: forget those too.
        const record = await store.users.get(u.id);
        for (const name of [record?.upn, record?.email]) {
          const key = name?.trim().toLowerCase();
          if (key && (await store.identities.get(key))?.id === u.id) await store.identities.delete(key);
        }
        await store.users.delete(u.id);
      },
    ),
    keyed(
      'conversation',
      'Je chat met Mediawijs',
      'Een verwijzing naar je chat, zodat ik je een antwoord van je leidinggevende kan sturen. Geen berichten.',
      (u) => store.conversations.get(u.id),
      (c) => ({ heading: 'Zodat ik je een bericht kan sturen', fields: [{ label: 'Laatst bijgewerkt', value: formatDutchDateTime(c.updatedAt) }] }),
      (u) => store.conversations.delete(u.id),
    ),
  ];
}
