/**
 * Checks that an HTTP body is a Bot Framework activity we can handle, before the adapter sees it.
 * Pure; returns a reason for a 4xx, or undefined when the body is acceptable.
 */
export type GuardResult = { ok: true } | { ok: false; status: 400 | 403 | 413; reason: string };

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

export function guardActivity(body: unknown, allowedTenants: readonly string[]): GuardResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, status: 400, reason: 'body must be a JSON activity object' };
  }
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type === '') return { ok: false, status: 400, reason: 'activity.type is required' };
  if (!KNOWN_TYPES.has(a.type)) return { ok: false, status: 400, reason: `unsupported activity type "${a.type.slice(0, 40)}"` };
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//.test(a.serviceUrl)) {
    return { ok: false, status: 400, reason: 'activity.serviceUrl is required' };
  }
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || conversation.id === '') {
    return { ok: false, status: 400, reason: 'activity.conversation.id is required' };
  }
  const from = a.from as Record<string, unknown> | undefined;
  if (!from || typeof from.id !== 'string' || from.id === '') return { ok: false, status: 400, reason: 'activity.from.id is required' };
  if (a.text !== undefined && typeof a.text !== 'string') return { ok: false, status: 400, reason: 'activity.text must be a string' };
  if (typeof a.text === 'string' && a.text.length > MAX_TEXT) return { ok: false, status: 413, reason: 'activity.text is too long' };

  if (allowedTenants.length > 0) {
    const tenant = tenantOf(a);
    if (!tenant || !allowedTenants.includes(tenant.toLowerCase())) {
      return { ok: false, status: 403, reason: 'tenant not allowed' };
    }
  }
  return { ok: true };
}

/** The Teams tenant of an activity: channelData.tenant.id, or conversation.tenantId. */
export function tenantOf(activity: Record<string, unknown>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.tenant?.id;
  if (typeof fromChannel === 'string' && fromChannel) return fromChannel;
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  return typeof conversation?.tenantId === 'string' && conversation.tenantId ? conversation.tenantId : undefined;
}
