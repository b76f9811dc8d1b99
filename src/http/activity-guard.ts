/**
 * Checks that an HTTP body is a Bot Framework activity we can handle, before the adapter sees it.
 * Pure; returns a reason for a 4xx, or ok when the body is acceptable.
 */
export type GuardResult = { ok: true } | { ok: false; status: 400 | 403 | 413; reason: string };

/** What the guard checks beyond the shape of the activity; built from the config. */
export interface GuardPolicy {
  readonly allowedTenants: readonly string[];
  /** Accepted channelIds; empty = any. */
  readonly allowedChannels: readonly string[];
  /**
   * Local anonymous mode: nobody proved who sent the activity, so replies may only go to a
   * connector on this machine. Otherwise any local process could make the bot POST anywhere.
   */
  readonly loopbackServiceUrlOnly: boolean;
}

const KNOWN_TYPES = new Set([
  'message',
  'conversationUpdate',
  'installationUpdate',
  'invoke',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'event',
  'typing',
  'endOfConversation',
]);

/** Hard cap on the message text; the bot politely refuses anything above MAX_MESSAGE_LENGTH long before this. */
const MAX_TEXT = 20_000;

/**
 * Ids travel into URLs and headers of the connector calls: printable ASCII only (Teams ids are),
 * so a NUL or a non-Latin-1 character cannot make the reply fail with ERR_INVALID_CHAR.
 */
const HEADER_SAFE_ID = /^[\x21-\x7e][\x20-\x7e]{0,1023}$/;

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function guardActivity(body: unknown, policy: GuardPolicy): GuardResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return bad('body must be a JSON activity object');
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type === '') return bad('activity.type is required');
  if (!KNOWN_TYPES.has(a.type)) return bad(`unsupported activity type "${a.type.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}"`);
  if (typeof a.channelId !== 'string' || a.channelId === '') return bad('activity.channelId is required');
  if (policy.allowedChannels.length > 0 && !policy.allowedChannels.includes(a.channelId)) return bad('activity.channelId is not accepted');

  const serviceUrl = parseServiceUrl(a.serviceUrl);
  if (!serviceUrl) return bad('activity.serviceUrl must be an http(s) URL');
  if (policy.loopbackServiceUrlOnly && !isLoopback(serviceUrl.hostname)) return bad('activity.serviceUrl must be on this machine in local mode');

  const conversation = objectOrUndefined(a.conversation);
  if (!conversation || !isSafeId(conversation.id)) return bad('activity.conversation.id is required (printable ASCII)');
  const from = objectOrUndefined(a.from);
  if (!from || !isSafeId(from.id)) return bad('activity.from.id is required (printable ASCII)');
  const recipient = objectOrUndefined(a.recipient);
  if (!recipient || !isSafeId(recipient.id)) return bad('activity.recipient.id is required (printable ASCII)');

  // Card clicks carry an object; null (or a bare value) only ever comes from a broken or forged client.
  if ('value' in a && (a.value === null || typeof a.value !== 'object')) return bad('activity.value must be an object');
  if (a.type === 'invoke' && (typeof a.name !== 'string' || a.name === '')) return bad('invoke activities need a name');
  if (a.text !== undefined && typeof a.text !== 'string') return bad('activity.text must be a string');
  if (typeof a.text === 'string' && a.text.length > MAX_TEXT) return { ok: false, status: 413, reason: 'activity.text is too long' };

  if (policy.allowedTenants.length > 0) {
    const tenant = tenantOf(a);
    if (!tenant || !policy.allowedTenants.includes(tenant.toLowerCase())) {
      return { ok: false, status: 403, reason: 'tenant not allowed' };
    }
  }
  return { ok: true };
}

function bad(reason: string): GuardResult {
  return { ok: false, status: 400, reason };
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isSafeId(value: unknown): boolean {
  return typeof value === 'string' && HEADER_SAFE_ID.test(value);
}

function parseServiceUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
    return url;
  } catch {
    return undefined; // "http://" and friends
  }
}

/** 127.0.0.0/8, ::1 and localhost: the only places a local-mode bot may send replies to. */
export function isLoopback(hostname: string): boolean {
  if (LOOPBACK_HOSTS.has(hostname.toLowerCase())) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The Teams tenant of an activity: channelData.tenant.id, or conversation.tenantId. */
export function tenantOf(activity: Record<string, unknown>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  if (typeof fromChannel === 'string' && fromChannel) return fromChannel;
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  return typeof conversation?.tenantId === 'string' && conversation.tenantId ? conversation.tenantId : undefined;
}
