import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult, type ConnectorClient } from 'botframework-connector';
import type { Config } from '../config.js';
import { appIdOf, CachedConnectorFactory, cacheUserTokenClients, ClientCache } from './client-cache.js';
import { AUTH_GATE_DEFAULTS, createAuthGate, type AuthGateOptions } from '../http/auth-gate.js';

/**
 * The Teams adapter with authentication split from processing, so the HTTP layer decides what a
 * failed authentication looks like (a generic 401 with one log line) instead of CloudAdapter.process,
 * which answers 500 with the upstream's error text and prints a stack trace.
 */
export class MediawijsAdapter extends TeamsAdapter {
  /** Validates the Authorization header (anonymous in local mode) within a deadline; throws AuthRefused. */
  readonly authenticate: (activity: Activity, authHeader: string) => Promise<AuthenticateRequestResult>;
  readonly #connectors = new ClientCache<ConnectorClient>();

  constructor(config: Config, gate: AuthGateOptions = AUTH_GATE_DEFAULTS) {
    super({
      MicrosoftAppId: config.bot.appId,
      MicrosoftAppPassword: config.bot.password,
      MicrosoftAppTenantId: config.bot.tenantId,
      MicrosoftAppType: config.bot.tenantId ? 'SingleTenant' : 'MultiTenant',
      ...(config.openIdMetadataUrl ? publicCloudWithKeysFrom(config.openIdMetadataUrl) : {}),
    });
    cacheUserTokenClients(this.botFrameworkAuthentication);
    this.authenticate = createAuthGate((activity: Activity, authHeader: string) => this.botFrameworkAuthentication.authenticateRequest(activity, authHeader), gate);
  }

  /** Runs the turn for an activity that passed {@link authenticate}; returns the invoke response, if any. */
  processAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const inner = auth.connectorFactory;
    const cached = inner ? { ...auth, connectorFactory: new CachedConnectorFactory(inner, appIdOf(auth.claimsIdentity), this.#connectors) } : auth;
    return this.processActivity(cached, withDates(activity), logic);
  }
}

/**
 * Overriding one endpoint makes the library take every endpoint from the settings (the rest would
 * be undefined and every token refused), so the public-cloud values go along with the test's key URL.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string): Record<string, string> {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: 'urn:botframework:azure',
  };
}

/** What CloudAdapter.process does to the parsed body before a turn: timestamps become dates. */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & { rawTimestamp?: string; rawLocalTimestamp?: string; rawExpiration?: string };
  if (typeof a.timestamp === 'string') {
    a.rawTimestamp = a.timestamp;
    a.timestamp = new Date(a.timestamp);
  }
  if (typeof a.localTimestamp === 'string') {
    a.rawLocalTimestamp = a.localTimestamp;
    a.localTimestamp = new Date(a.localTimestamp);
  }
  if (typeof a.expiration === 'string') {
    a.rawExpiration = a.expiration;
    a.expiration = new Date(a.expiration);
  }
  return a;
}
