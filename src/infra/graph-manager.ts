import type { ManagerDirectory, ManagerPerson } from '../core/doubts/leader-directory.js';
import type { UserRef } from '../core/doubts/types.js';
import { systemClock, type Clock } from '../core/shared/clock.js';

export interface GraphManagerOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Graph API root; tests point it at a fake server. */
  baseUrl?: string;
  /** Token authority root; tests point it at a fake server. */
  authorityUrl?: string;
  fetch?: typeof fetch;
  clock?: Clock;
  timeoutMs?: number;
}

/** Graph could not be asked: `token` = client-credentials failure, `request` = the manager call failed. */
export class GraphError extends Error {
  constructor(readonly kind: 'token' | 'request', readonly status: number, readonly code?: string) {
    super(`Microsoft Graph ${kind} failed with ${status}${code ? ` (${code})` : ''}`);
    this.name = 'GraphError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/users/{id}/manager` with an app-only (client credentials) token, cached until shortly before
 * it expires. Needs the application permission User.Read.All. A user without a manager is
 * `undefined`; every other failure throws {@link GraphError} (the directory then falls back).
 */
export function createGraphManagerDirectory(options: GraphManagerOptions): ManagerDirectory {
  const baseUrl = (options.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const authority = (options.authorityUrl ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let token: { value: string; expiresAt: number } | undefined;

  async function getToken(): Promise<string> {
    if (token && token.expiresAt > clock.now().getTime()) return token.value;
    const body = new URLSearchParams({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    });
    let response: Response;
    try {
      response = await doFetch(`${authority}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GraphError('token', 0, (error as Error).name);
    }
    const json = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || typeof json.access_token !== 'string') throw new GraphError('token', response.status, json.error);
    // Renew a minute early so a request never starts with a token about to expire.
    const lifetime = Math.max(0, (json.expires_in ?? 3600) - 60) * 1000;
    token = { value: json.access_token, expiresAt: clock.now().getTime() + lifetime };
    return token.value;
  }

  async function call(user: string, retried = false): Promise<ManagerPerson | undefined> {
    const accessToken = await getToken();
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/users/${encodeURIComponent(user)}/manager?$select=id,displayName,userPrincipalName,mail`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GraphError('request', 0, (error as Error).name);
    }
    if (response.status === 404) return undefined;
    if (response.status === 401 && !retried) {
      token = undefined;
      return call(user, true);
    }
    const json = (await response.json().catch(() => ({}))) as { id?: string; displayName?: string; userPrincipalName?: string; mail?: string; error?: { code?: string } };
    if (!response.ok) throw new GraphError('request', response.status, json.error?.code);
    if (typeof json.id !== 'string' || json.id === '') throw new GraphError('request', response.status, 'NoManagerId');
    const manager: ManagerPerson = { id: json.id };
    const upn = json.userPrincipalName ?? json.mail;
    if (upn) manager.upn = upn;
    if (json.displayName) manager.name = json.displayName;
    return manager;
  }

  return {
    async getManager(user: UserRef) {
      // Graph knows AAD object ids and UPNs; a local Teams user id (non-GUID) is useless there.
      const key = GUID.test(user.id) ? user.id : user.upn;
      if (!key) return undefined;
      return call(key);
    },
  };
}
