import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { createGraphManagerDirectory, GraphError } from '../../src/infra/graph-manager.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const TEACHER = 'aaaaaaaa-0000-0000-0000-000000000001';
const NO_MANAGER = 'aaaaaaaa-0000-0000-0000-000000000002';
const BROKEN = 'aaaaaaaa-0000-0000-0000-000000000003';
const MANAGER = { id: 'bbbbbbbb-0000-0000-0000-000000000009', displayName: 'Anna de Vries', userPrincipalName: 'anna@oog.example' };

/** A fake Microsoft identity platform + Graph on 127.0.0.1. */
let server: Server;
let base = '';
const log: string[] = [];
let tokenCount = 0;
let tokenStatus = 200;
let rejectNextGraphCall = false;

async function body(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    // A fake that throws answers 500, so the client under test sees it, instead of an unhandled rejection.
    fakeGraph(req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

async function fakeGraph(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, json: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  };
  if (req.method === 'POST' && url.pathname === `/login/${TENANT}/oauth2/v2.0/token`) {
    const form = new URLSearchParams(await body(req));
    log.push(`token ${form.get('grant_type')} ${form.get('scope')} ${form.get('client_id')}`);
    if (tokenStatus !== 200 || form.get('client_secret') !== 'secret') return send(401, { error: 'invalid_client' });
    tokenCount++;
    return send(200, { access_token: `token-${tokenCount}`, expires_in: 3600, token_type: 'Bearer' });
  }
  const match = /^\/graph\/v1\.0\/users\/([^/]+)\/manager$/.exec(url.pathname);
  if (req.method === 'GET' && match) {
    log.push(`manager ${decodeURIComponent(match[1]!)} ${req.headers.authorization} ${url.searchParams.get('$select')}`);
    if (rejectNextGraphCall) {
      rejectNextGraphCall = false;
      return send(401, { error: { code: 'InvalidAuthenticationToken' } });
    }
    if (!req.headers.authorization?.startsWith('Bearer token-')) return send(401, { error: { code: 'InvalidAuthenticationToken' } });
    const user = decodeURIComponent(match[1]!);
    if (user === TEACHER || user === 'jan@oog.example') return send(200, { '@odata.type': '#microsoft.graph.user', ...MANAGER });
    if (user === BROKEN) return send(503, { error: { code: 'serviceNotAvailable' } });
    return send(404, { error: { code: 'Request_ResourceNotFound', message: 'Resource \'manager\' does not exist' } });
  }
  send(404, {});
}

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  log.length = 0;
  tokenCount = 0;
  tokenStatus = 200;
  rejectNextGraphCall = false;
});

const client = (secret = 'secret', now = { t: Date.UTC(2026, 10, 23, 9) }) =>
  createGraphManagerDirectory({
    tenantId: TENANT,
    clientId: 'client-1',
    clientSecret: secret,
    baseUrl: `${base}/graph/v1.0/`,
    authorityUrl: `${base}/login`,
    clock: { now: () => new Date(now.t) },
  });

describe('Graph manager client against a fake Graph server', () => {
  it('finds the manager with a client-credentials token and caches the token', async () => {
    const graph = client();
    expect(await graph.getManager({ id: TEACHER })).toEqual({ id: MANAGER.id, upn: 'anna@oog.example', name: 'Anna de Vries' });
    expect(await graph.getManager({ id: TEACHER })).toBeDefined();
    expect(log).toEqual([
      'token client_credentials https://graph.microsoft.com/.default client-1',
      `manager ${TEACHER} Bearer token-1 id,displayName,userPrincipalName,mail`,
      `manager ${TEACHER} Bearer token-1 id,displayName,userPrincipalName,mail`,
    ]);
  });

  it('renews an expired token', async () => {
    const now = { t: Date.UTC(2026, 10, 23, 9) };
    const graph = client('secret', now);
    await graph.getManager({ id: TEACHER });
    now.t += 3600_000;
    await graph.getManager({ id: TEACHER });
    expect(tokenCount).toBe(2);
  });

  it('retries once with a fresh token when Graph rejects the cached one', async () => {
    const graph = client();
    await graph.getManager({ id: TEACHER });
    rejectNextGraphCall = true;
    expect(await graph.getManager({ id: TEACHER })).toMatchObject({ id: MANAGER.id });
    expect(tokenCount).toBe(2);
  });

  it('returns undefined when the user has no manager (404)', async () => {
    expect(await client().getManager({ id: NO_MANAGER })).toBeUndefined();
  });

  it('uses the UPN for a non-GUID (local) user id, and skips users without either', async () => {
    expect(await client().getManager({ id: 'local-1', upn: 'jan@oog.example' })).toMatchObject({ id: MANAGER.id });
    expect(await client().getManager({ id: 'local-2' })).toBeUndefined();
    expect(log.filter((l) => l.startsWith('manager')).map((l) => l.split(' ')[1])).toEqual(['jan@oog.example']);
  });

  const failures: Array<[string, () => Promise<unknown>, { kind: string; status: number; code?: string }]> = [
    ['a wrong client secret (401 on the token)', () => client('wrong').getManager({ id: TEACHER }), { kind: 'token', status: 401, code: 'invalid_client' }],
    ['Graph unavailable (503)', () => client().getManager({ id: BROKEN }), { kind: 'request', status: 503, code: 'serviceNotAvailable' }],
  ];
  it.each(failures)('throws a GraphError on %s', async (_name, run, expected) => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject(expected);
    expect((error as Error).message).not.toContain('secret');
  });

  it('lets the leader directory fall back when the token fails', async () => {
    const directory = createLeaderDirectory({ manager: client('wrong') });
    expect(await directory.resolve({ id: TEACHER })).toEqual({ source: 'none', notes: ['graph: GraphError'] });
    const working = createLeaderDirectory({ manager: client() });
    expect((await working.resolve({ id: TEACHER })).leader).toEqual({ key: MANAGER.id, id: MANAGER.id, upn: 'anna@oog.example', name: 'Anna de Vries' });
  });
});
