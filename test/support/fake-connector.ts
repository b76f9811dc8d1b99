import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  /** performance.now() when the call arrived, for round-trip measurements. */
  receivedAt: number;
  /** The activity id the connector answered with (a stream's first update gives the stream its id). */
  responseId?: string;
  /** For an update (PUT), the id of the activity it replaces. */
  activityId?: string;
}

/**
 * A member as Teams returns it from `GET /v3/conversations/{id}/members/{userId}` (TeamsChannelAccount).
 * Teams fills every field for a user of the tenant; the bot must not rely on more than these.
 */
export interface TeamsMember {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName: string;
  email: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
}

/** One member look-up the bot made (kept apart from `calls`, which are the activities it sent). */
export interface MemberLookup {
  conversationId: string;
  userId: string;
  status: number;
}

/**
 * Plays the Bot Framework Connector service on 127.0.0.1: records every activity the bot sends
 * (replies, proactive messages, updates) and answers like the real service. Tests can make a
 * conversation fail (e.g. 403 / 404 "conversation not found") to exercise delivery errors.
 * It also answers member look-ups (`TeamsInfo.getMember`) for the members tests register, by
 * Teams user id or AAD object id as Teams does, and can be made to fail them.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  readonly memberLookups: MemberLookup[] = [];
  private readonly members = new Map<string, TeamsMember>();
  private memberFailure: { status: number; code: string; delayMs: number } | undefined;
  private readonly failures = new Map<string, { status: number; code: string }>();
  private server?: http.Server;
  private counter = 0;
  private waiters: Array<() => void> = [];
  private readonly listeners = new Set<(call: ConnectorCall) => void>();

  /**
   * @param options.record keep every call in {@link calls} (default). A load run turns it off and
   *   listens with {@link onCall} instead, so memory does not grow with every reply.
   */
  constructor(private readonly options: { record?: boolean } = {}) {}

  /** Calls `listener` with every activity call as it arrives; returns a function that stops it. */
  onCall(listener: (call: ConnectorCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Makes every send to this conversation fail with the given status until cleared. */
  failConversation(conversationId: string, status: number, code = status === 404 ? 'ConversationNotFound' : 'Forbidden'): void {
    this.failures.set(conversationId, { status, code });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Registers a member of the tenant; look-ups by their Teams id or object id then answer with it. */
  addMember(member: TeamsMember): void {
    this.members.set(member.id.toLowerCase(), member);
    this.members.set(member.aadObjectId.toLowerCase(), member);
  }

  /**
   * Makes every member look-up fail with this status (e.g. 500, or 403 when the bot lacks
   * permission), optionally after a delay (a slow connector), until {@link clearMemberFailure}.
   */
  failMemberLookups(status: number, options: { code?: string; delayMs?: number } = {}): void {
    this.memberFailure = { status, code: options.code ?? (status === 403 ? 'Forbidden' : 'ServiceError'), delayMs: options.delayMs ?? 0 };
  }

  clearMemberFailure(): void {
    this.memberFailure = undefined;
  }

  /** Activities sent to a conversation (replies and proactive), oldest first. */
  activitiesTo(conversationId: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.conversationId === conversationId && c.method === 'POST').map((c) => c.body);
  }

  reset(): void {
    this.calls.length = 0;
  }

  /** Resolves once `count` calls have been recorded in total (for proactive sends). */
  async waitForCalls(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.calls.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} connector calls, got ${this.calls.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** GET v3/conversations/{conversationId}/members/{userId}, answered as Teams answers it. */
  private lookUpMember(conversationId: string, userId: string, res: http.ServerResponse): void {
    const failure = this.memberFailure;
    const answer = (status: number, body: unknown) => {
      this.memberLookups.push({ conversationId, userId, status });
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (failure) {
      const fail = () => answer(failure.status, { error: { code: failure.code, message: 'fake connector member look-up failure' } });
      if (failure.delayMs > 0) setTimeout(fail, failure.delayMs);
      else fail();
      return;
    }
    const member = this.members.get(userId.toLowerCase());
    if (!member) {
      answer(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not part of the conversation.' } });
      return;
    }
    answer(200, { ...member, userRole: member.userRole ?? 'user' });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const memberMatch = req.method === 'GET' ? url.pathname.match(/\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/) : null;
      if (memberMatch) {
        this.lookUpMember(decodeURIComponent(memberMatch[1]!), decodeURIComponent(memberMatch[2]!), res);
        return;
      }
      const match = url.pathname.match(/\/v3\/conversations\/([^/]+)(\/activities(\/[^/]+)?)?/);
      const conversationId = match ? decodeURIComponent(match[1]!) : '';
      const failure = this.failures.get(conversationId);
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: failure.code, message: 'fake connector failure' } }));
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(400).end();
        return;
      }
      const responseId = req.method === 'POST' && !match ? `conv-${++this.counter}` : `activity-${++this.counter}`;
      const activityId = req.method === 'PUT' && match?.[3] ? decodeURIComponent(match[3].slice(1)) : undefined;
      const call: ConnectorCall = { method: req.method ?? 'GET', path: url.pathname, conversationId, body, receivedAt: performance.now(), responseId, ...(activityId ? { activityId } : {}) };
      if (this.options.record !== false) this.calls.push(call);
      for (const listener of this.listeners) listener(call);
      this.waiters.splice(0).forEach((w) => w());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: responseId }));
    });
  }
}

/**
 * The messages as the user ends up seeing them: typing activities (a stream's updates) left out,
 * a stream's final message in the place of its updates, and an update (PUT) in the place of the
 * message it replaces.
 */
export function visibleMessages(calls: readonly ConnectorCall[]): Record<string, unknown>[] {
  const shown: Array<{ id: string | undefined; body: Record<string, unknown> }> = [];
  for (const call of calls) {
    if (call.method === 'PUT') {
      const at = shown.findIndex((m) => m.id === call.activityId);
      if (at >= 0) shown[at] = { id: call.activityId, body: call.body };
      continue;
    }
    if (call.method !== 'POST' || call.body.type === 'typing') continue;
    const stream = ((call.body.entities as Array<Record<string, unknown>> | undefined) ?? []).find((e) => e.type === 'streaminfo');
    shown.push({ id: typeof stream?.streamId === 'string' ? stream.streamId : call.responseId, body: call.body });
  }
  return shown.map((m) => m.body);
}

/** All human-readable text in an activity: message text plus every string in its card attachments. */
export function activityText(activity: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof activity.text === 'string') parts.push(activity.text);
  const attachments = (activity.attachments as Array<{ content?: unknown }> | undefined) ?? [];
  for (const a of attachments) collectCardText(a.content, parts);
  return parts.join('\n');
}

const TEXT_KEYS = new Set(['text', 'title', 'value', 'label', 'placeholder', 'fallbackText', 'altText']);

function collectCardText(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectCardText(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'data' || key === 'refresh') continue; // payloads the user never sees
    if (typeof value === 'string' && TEXT_KEYS.has(key)) out.push(value);
    else if (typeof value === 'object') collectCardText(value, out);
  }
}
