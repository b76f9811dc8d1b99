import type { Activity, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ClientCache } from '../../src/app/client-cache.js';
import { MediawijsAdapter } from '../../src/app/teams-adapter.js';
import { loadConfig } from '../../src/config.js';
import { message, user } from '../support/activities.js';

const config = loadConfig({}, { rootDir: '/repo', knownOrgs: ['oog'] });
const ann = user('ann', 1);

/** The clients a turn was given, for the activity sent to `serviceUrl`. */
async function clientsOfTurn(adapter: MediawijsAdapter, serviceUrl: string) {
  const activity = message(ann, 'hallo', serviceUrl) as unknown as Activity;
  const auth = await adapter.authenticate(activity, '');
  let seen: { connector: ConnectorClient; userToken: unknown } | undefined;
  await adapter.processAuthenticated(auth, activity, async (context: TurnContext) => {
    seen = { connector: context.turnState.get(adapter.ConnectorClientKey), userToken: context.turnState.get(adapter.UserTokenClientKey) };
  });
  return seen!;
}

describe('Bot Framework clients are built once, not per turn', () => {
  it('gives every turn to the same service URL the same connector and user-token client', async () => {
    const adapter = new MediawijsAdapter(config);
    const first = await clientsOfTurn(adapter, 'http://127.0.0.1:9/a/');
    const second = await clientsOfTurn(adapter, 'http://127.0.0.1:9/a/');
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
  });

  it('keeps a client per service URL, so a reply goes back where the activity came from', async () => {
    const adapter = new MediawijsAdapter(config);
    const emea = await clientsOfTurn(adapter, 'http://127.0.0.1:9/emea/');
    const amer = await clientsOfTurn(adapter, 'http://127.0.0.1:9/amer/');
    expect(amer.connector).not.toBe(emea.connector);
    // The service URL the client sends to (a protected field of the client).
    const baseUri = (client: ConnectorClient) => (client as unknown as { baseUri: string }).baseUri;
    expect(baseUri(emea.connector)).toBe('http://127.0.0.1:9/emea/');
    expect(baseUri(amer.connector)).toBe('http://127.0.0.1:9/amer/');
  });

  it('tries a failed creation again instead of keeping the failure', async () => {
    const cache = new ClientCache<string>();
    let calls = 0;
    const create = () => (++calls === 1 ? Promise.reject(new Error('no token yet')) : Promise.resolve('client'));
    await expect(cache.get('k', create)).rejects.toThrow('no token yet');
    await Promise.resolve();
    expect(await cache.get('k', create)).toBe('client');
    expect(await cache.get('k', create)).toBe('client');
    expect(calls).toBe(2);
  });

  it('stays bounded when many service URLs pass by', async () => {
    const cache = new ClientCache<number>();
    for (let i = 0; i < 500; i++) await cache.get(`url-${i}`, () => Promise.resolve(i));
    expect(cache.size).toBeLessThanOrEqual(64);
  });
});
