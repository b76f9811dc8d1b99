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

/** The Graph look-ups Mediawijs makes: managers and direct reports (routing) and users (identities). */
export interface GraphDirectory extends ManagerDirectory {
  getDirectReports(user: UserRef): Promise<ManagerPerson[]>;
  /** UPN, mail and name of an object id; undefined when Graph does not know it. Throws {@link GraphError}. */
  getUser(id: string): Promise<(ManagerPerson & { email?: string }) | undefined>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/users/{id}/manager`, `/users/{id}/directReports` and `/users/{id}` with an app-only (client
 * credentials) token, cached until shortly before it expires. Needs the application permission
 * User.Read.All. A user without a manager is `undefined`; every other failure throws
 * {@link GraphError} (the directory then falls back).
 */
export function createGraphManagerDirectory(options: GraphManagerOptions): GraphDirectory {
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

  /** GET on Graph with the app token; 404 is `undefined`, a stale token is renewed once. */
  async function get(pathAndQuery: string, retried = false): Promise<Record<string, unknown> | undefined> {
    const accessToken = await getToken();
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${pathAndQuery}`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GraphError('request', 0, (error as Error).name);
    }
    if (response.status === 404) return undefined;
    if (response.status === 401 && !retried) {
      token = undefined;
      return get(pathAndQuery, true);
    }
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown> & { error?: { code?: string } };
    if (!response.ok) throw new GraphError('request', response.status, json.error?.code);
    return json;
  }

  const SELECT = '$select=id,displayName,userPrincipalName,mail';

  function personOf(json: Record<string, unknown>): ManagerPerson & { email?: string } {
    const person: ManagerPerson & { email?: string } = { id: String(json.id) };
    const upn = (json.userPrincipalName ?? json.mail) as string | undefined;
    if (upn) person.upn = upn;
    if (typeof json.mail === 'string' && json.mail) person.email = json.mail;
    if (typeof json.displayName === 'string' && json.displayName) person.name = json.displayName;
    return person;
  }

  const keyOf = (user: UserRef) => (GUID.test(user.id) ? user.id : user.upn);

  return {
    async getManager(user: UserRef) {
      // Graph knows AAD object ids and UPNs; a local Teams user id (non-GUID) is useless there.
      const key = keyOf(user);
      if (!key) return undefined;
      const json = await get(`/users/${encodeURIComponent(key)}/manager?${SELECT}`);
      if (!json) return undefined;
      if (typeof json.id !== 'string' || json.id === '') throw new GraphError('request', 200, 'NoManagerId');
      const { email: _email, ...manager } = personOf(json);
      return manager;
    },
    async getDirectReports(user: UserRef) {
      const key = keyOf(user);
      if (!key) return [];
      const json = await get(`/users/${encodeURIComponent(key)}/directReports?${SELECT}&$top=999`);
      const list = Array.isArray(json?.value) ? (json.value as Array<Record<string, unknown>>) : [];
      return list.filter((r) => typeof r.id === 'string' && r.id !== '').map((r) => {
        const { email: _email, ...person } = personOf(r);
        return person;
      });
    },
    async getUser(id: string) {
      // `/users/{id}`: the UPN and mail of an object id, when the Bot Connector's member look-up fails.
      if (!GUID.test(id)) return undefined;
      const json = await get(`/users/${encodeURIComponent(id)}?${SELECT}`);
      if (!json || typeof json.id !== 'string') return undefined;
      return personOf(json);
    },
  };
}
