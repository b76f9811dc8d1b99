import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot sent to the model endpoint. */
export interface ModelRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model?: string;
    messages: Array<{ role: string; content: string }>;
    temperature?: number;
    max_tokens?: number;
    [key: string]: unknown;
  };
}

/** How the fake answers one request. */
export interface ModelBehaviour {
  status?: number;
  /** The assistant's text (wrapped in a chat completion), or a raw body with `raw`. */
  content?: string;
  raw?: string;
  /** Wait this long before sending anything (a stalled model). */
  delayMs?: number;
  /**
   * A slow model: a plain body is sent a few bytes at a time, `dripMs` apart; a streamed answer
   * (the request asked `stream: true`) one server-sent event of a few words at a time, `dripMs` apart.
   */
  dripMs?: number;
  /** A streamed answer that stops without `[DONE]` (a connection cut off mid-answer). */
  cutOff?: boolean;
}

/** A streamed answer's events: a first one without choices (as Azure sends), the words, the usage, `[DONE]`. */
export function sseEvents(content: string, cutOff = false): string[] {
  const event = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
  const words = content.match(/\S+\s*/g) ?? [];
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += 2) pieces.push(words.slice(i, i + 2).join(''));
  const events = [
    event({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [], prompt_filter_results: [] }),
    ...pieces.map((piece) => event({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })),
  ];
  if (cutOff) return events;
  return [
    ...events,
    event({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
    event({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 900, completion_tokens: 40, total_tokens: 940 } }),
    'data: [DONE]\n\n',
  ];
}

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 (no network): records every request
 * and answers as the test's `behave` function says — a good model, a bad one, a slow one, an error.
 */
export class FakeOpenAi {
  readonly requests: ModelRequest[] = [];
  behave: (request: ModelRequest) => ModelBehaviour = () => ({ content: 'NIET_IN_CODE' });
  private server?: http.Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The last request's system and user messages. */
  last(): { request: ModelRequest; system: string; user: string } {
    const request = this.requests.at(-1);
    if (!request) throw new Error('the bot sent no request to the model');
    return { request, system: request.body.messages.find((m) => m.role === 'system')?.content ?? '', user: request.body.messages.find((m) => m.role === 'user')?.content ?? '' };
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const request: ModelRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') };
      this.requests.push(request);
      const b = this.behave(request);
      const status = b.status ?? 200;
      const body =
        b.raw ??
        (status === 200
          ? JSON.stringify({
              id: 'chatcmpl-fake',
              object: 'chat.completion',
              choices: [{ index: 0, message: { role: 'assistant', content: b.content ?? '' }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 900, completion_tokens: 40, total_tokens: 940 },
            })
          : JSON.stringify({ error: { code: String(status), message: status === 429 ? 'Rate limit reached' : 'Internal error' } }));
      const streamed = request.body.stream === true && status === 200 && b.raw === undefined;
      const sendEvents = () => {
        const events = sseEvents(b.content ?? '', b.cutOff);
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const next = () => {
          if (res.destroyed) return;
          const e = events.shift();
          if (e === undefined) return void res.end();
          res.write(e);
          if (b.dripMs) this.later(b.dripMs, next);
          else next();
        };
        next();
      };
      const send = () => {
        if (res.destroyed) return;
        if (streamed) return sendEvents();
        res.writeHead(status, { 'content-type': 'application/json' });
        if (!b.dripMs) return void res.end(body);
        let at = 0;
        const drip = () => {
          if (res.destroyed) return;
          if (at >= body.length) return void res.end();
          res.write(body.slice(at, (at += 16)));
          this.later(b.dripMs!, drip);
        };
        drip();
      };
      if (b.delayMs) this.later(b.delayMs, send);
      else send();
    });
  }
}

/** The passage ids the bot sent in the user message (P1, P2, …). */
export function sentPassageIds(request: ModelRequest): string[] {
  const user = request.body.messages.find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/<passage id="(P\d+)"/g)].map((m) => m[1]!);
}
