import { AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';

/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient for every incoming activity: each
 * builds an HTTP pipeline and reads the proxy settings from the environment, about a tenth of
 * the CPU of a question turn. Both are stateless apart from their credentials, which depend only
 * on the bot's app id (from the claims), the service URL and the audience, so one client per such
 * key serves every turn; the credentials then also keep their token cache between turns.
 */
const MAX_CLIENTS = 64;

/** The app id the library's own factories take from the claims (audience, else appid claim). */
export function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** A small memo; service URLs are a handful per deployment, so a full map is simply emptied. */
export class ClientCache<T> {
  readonly #clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.#clients.get(key);
    if (!client) {
      if (this.#clients.size >= MAX_CLIENTS) this.#clients.clear();
      client = create();
      // A failed creation (credentials not available yet) is tried again on the next turn.
      client.catch(() => this.#clients.delete(key));
      this.#clients.set(key, client);
    }
    return client;
  }

  get size(): number {
    return this.#clients.size;
  }
}

/** A connector factory answering from the cache, creating through the request's own factory. */
export class CachedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** Wraps `createUserTokenClient` of an authentication object so it answers from the cache. */
export function cacheUserTokenClients(auth: { createUserTokenClient(claims: ClaimsIdentity): Promise<UserTokenClient> }): void {
  const cache = new ClientCache<UserTokenClient>();
  const create = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claims) => cache.get(appIdOf(claims), () => create(claims));
}
