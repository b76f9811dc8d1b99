import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AppStore } from './deps.js';
import type { UserRecord } from '../store/data-store.js';
import type { KnownIdentities } from '../core/doubts/known-identities.js';
import { signInNames } from '../core/doubts/types.js';
import type { Clock } from '../core/shared/clock.js';
import type { Logger } from '../infra/logger.js';
import { ACTOR_KEY, actorFromActivity, type Actor } from './identity.js';
import { updateUserRecord } from './user-records.js';

/** How a turn's sender was identified: from the cache, by a fresh look-up, or not (look-up failed or timed out). */
export type IdentitySource = 'cached' | 'looked-up' | 'failed';

export interface ResolvedActor extends Actor {
  identity: IdentitySource;
  /** True when this turn learned sign-in names the bot did not have (a leidinggevende named by UPN may now be reachable). */
  learned: boolean;
}

export interface IdentitySettings {
  /** How long an answer may wait for the look-up; a late result is still kept for the next turn. */
  timeoutMs: number;
  /** How long a successful look-up counts; after that the user is looked up again on their next turn. */
  ttlMs: number;
  /** How long after a failed look-up the bot tries again (no retry storm when the connector is down). */
  retryMs: number;
}

export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = { timeoutMs: 1_500, ttlMs: 24 * 60 * 60_000, retryMs: 5 * 60_000 };

/** Graph's `/users/{id}`, used when the Bot Connector's member look-up fails (only with GRAPH_* settings). */
export interface UserDirectory {
  getUser(id: string): Promise<{ upn?: string; email?: string; name?: string } | undefined>;
}

export interface IdentityResolverDeps {
  store: AppStore;
  clock: Clock;
  logger: Logger;
  graph?: UserDirectory;
  settings?: Partial<IdentitySettings>;
}

export interface IdentityResolver {
  /**
   * Who sent this turn, with the UPN and e-mail address Teams knows them by: cached per user
   * (on their user record), looked up with `TeamsInfo.getMember` when missing or expired, else
   * with Graph. Never waits longer than the time-out; the result is kept for `actorOf`. `known`
   * is the user's record as this turn read it a moment ago, so it is not read (and parsed) twice.
   */
  resolve(context: TurnContext, known?: UserRecord): Promise<ResolvedActor>;
}

type Profile = { upn?: string; email?: string; name?: string };

/** The sign-in names → object id index over the store, for the doubts domain. */
export function knownIdentitiesOver(store: Pick<AppStore, 'identities' | 'users'>): KnownIdentities {
  return {
    async objectIdFor(name) {
      return (await store.identities.get(name.trim().toLowerCase()))?.id;
    },
    async profileOf(id) {
      const user = await store.users.get(id);
      if (!user?.identityCheckedAt) return undefined;
      const profile: Profile = {};
      if (user.upn) profile.upn = user.upn;
      if (user.email) profile.email = user.email;
      return profile;
    },
  };
}

export function createIdentityResolver(deps: IdentityResolverDeps): IdentityResolver {
  const settings = { ...DEFAULT_IDENTITY_SETTINGS, ...deps.settings };
  const failedAt = new Map<string, number>();
  const inFlight = new Map<string, Promise<{ profile: Profile; learned: boolean } | undefined>>();

  async function lookUp(context: TurnContext, actor: Actor): Promise<Profile | undefined> {
    const from = context.activity.from;
    try {
      // GET {serviceUrl}/v3/conversations/{conversationId}/members/{from.id}: a TeamsChannelAccount.
      const member = await TeamsInfo.getMember(context, from.id);
      const profile: Profile = {};
      if (member.userPrincipalName) profile.upn = member.userPrincipalName;
      if (member.email) profile.email = member.email;
      if (member.name) profile.name = member.name;
      if (profile.upn || profile.email) return profile;
      deps.logger.warn({ event: 'identity.lookup-empty', source: 'connector' });
    } catch (error) {
      deps.logger.warn({ event: 'identity.lookup-failed', source: 'connector', status: statusOf(error) });
    }
    if (!deps.graph) return undefined;
    try {
      const user = await deps.graph.getUser(actor.id);
      if (user && (user.upn || user.email)) return user;
    } catch (error) {
      deps.logger.warn({ event: 'identity.lookup-failed', source: 'graph', err: { name: (error as Error).name, message: (error as Error).message } });
    }
    return undefined;
  }

  /** Keeps the names on the user record and in the index; drops index entries of names the user no longer has. */
  async function remember(actor: Actor, profile: Profile): Promise<boolean> {
    const at = deps.clock.now().toISOString();
    let before: UserRecord = {};
    await updateUserRecord(deps, actor.id, (user) => {
      before = user;
      const next: UserRecord = { ...user, identityCheckedAt: at };
      if (profile.upn) next.upn = profile.upn;
      else delete next.upn;
      if (profile.email) next.email = profile.email;
      else delete next.email;
      return next;
    });
    const names = signInNames(profile);
    for (const old of signInNames(before)) {
      if (names.includes(old)) continue;
      if ((await deps.store.identities.get(old))?.id === actor.id) await deps.store.identities.delete(old);
    }
    for (const name of names) await deps.store.identities.put(name, { id: actor.id, at });
    const known = signInNames(before);
    return names.some((n) => !known.includes(n));
  }

  return {
    async resolve(context, known) {
      const actor = actorFromActivity(context);
      const done = (identity: IdentitySource, profile: Profile | undefined, learned: boolean): ResolvedActor => {
        const resolved: ResolvedActor = { ...actor, identity, learned };
        if (profile?.upn) resolved.upn = profile.upn;
        if (profile?.email) resolved.email = profile.email;
        context.turnState.set(ACTOR_KEY, resolved);
        return resolved;
      };
      if (!actor.id) return done('failed', undefined, false);
      const now = deps.clock.now().getTime();
      const record = known ?? (await deps.store.users.get(actor.id).catch(() => undefined));
      const cached: Profile | undefined = record?.identityCheckedAt ? { ...(record.upn ? { upn: record.upn } : {}), ...(record.email ? { email: record.email } : {}) } : undefined;
      const checkedAt = record?.identityCheckedAt ? Date.parse(record.identityCheckedAt) : NaN;
      if (cached && now - checkedAt < settings.ttlMs && now >= checkedAt) return done('cached', cached, false);
      const failed = failedAt.get(actor.id);
      if (failed !== undefined && now - failed < settings.retryMs && now >= failed) return done(cached ? 'cached' : 'failed', cached, false);

      // One look-up per user at a time: Teams sends install events together.
      let pending = inFlight.get(actor.id);
      if (!pending) {
        pending = lookUp(context, actor)
          .then(async (profile) => {
            if (profile) {
              failedAt.delete(actor.id);
              return { profile, learned: await remember(actor, profile) };
            }
            failedAt.set(actor.id, deps.clock.now().getTime());
            if (failedAt.size > 50_000) failedAt.delete(failedAt.keys().next().value as string);
            return undefined;
          })
          .catch((error: unknown) => {
            deps.logger.error({ event: 'identity.store-failed', err: { name: (error as Error).name, message: (error as Error).message } });
            return undefined;
          })
          .finally(() => inFlight.delete(actor.id));
        inFlight.set(actor.id, pending);
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), settings.timeoutMs);
        timer.unref();
      });
      const outcome = await Promise.race([pending, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        deps.logger.warn({ event: 'identity.lookup-timeout', timeoutMs: settings.timeoutMs });
        return done(cached ? 'cached' : 'failed', cached, false);
      }
      if (!outcome) return done(cached ? 'cached' : 'failed', cached, false);
      return done('looked-up', outcome.profile, outcome.learned);
    },
  };
}

function statusOf(error: unknown): number {
  const e = error as { statusCode?: unknown; status?: unknown };
  const raw = e.statusCode ?? e.status;
  return typeof raw === 'number' ? raw : 0;
}
