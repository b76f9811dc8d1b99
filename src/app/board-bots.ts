import type { TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import { tenantOf } from '../http/activity-guard.js';
import type { HttpBot } from '../http/server.js';
import type { AppDeps } from '../teams/deps.js';
import { createApp, type BotApp } from './create-app.js';
import { MediawijsAdapter } from './teams-adapter.js';

/** The bots of one deployment: one per board, and what the HTTP layer runs each activity on. */
export interface BoardBots {
  /** Organisation id → that board's bot (its proactive notifier, for the maintenance sweep). */
  bots: Map<string, BotApp>;
  /** One board: its bot. Several: the shared adapter, and each activity run by its tenant's bot. */
  http: HttpBot;
}

/**
 * Builds a bot per board over one adapter (one bot registration). With TENANT_ORGS an activity is
 * run by the bot of the board its tenant names, with that board's code, dialogs and store view;
 * a tenant without one (the HTTP guard already refused it) reaches no bot at all.
 */
export function createBoardBots(boards: Map<string, AppDeps>, config: Config): BoardBots {
  const adapter = new MediawijsAdapter(config);
  const bots = new Map([...boards].map(([org, deps]) => [org, createApp(deps, { adapter })]));
  const { tenantOrgs } = config;
  if (!tenantOrgs) {
    const [bot] = bots.values();
    if (!bot || bots.size !== 1) throw new Error('One board (ORG) needs exactly one bot');
    return { bots, http: bot };
  }
  const [first] = boards.values();
  const byTenant = new Map(Object.entries(tenantOrgs).map(([tenant, org]) => [tenant, bots.get(org)]));
  const run = async (context: TurnContext): Promise<void> => {
    const tenant = tenantOf(context.activity as unknown as Record<string, unknown>)?.toLowerCase();
    const bot = tenant === undefined ? undefined : byTenant.get(tenant);
    if (!bot) {
      first?.logger.warn({ event: 'tenant.refused' });
      return;
    }
    await bot.app.run(context);
  };
  return { bots, http: { adapter, app: { run } } };
}
