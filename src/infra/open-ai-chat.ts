import { z } from 'zod';
import type { AiConfig } from '../config.js';
import { ChatCallError, type ChatCompletion, type ChatReply } from '../core/ai/types.js';

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
  usage: z.object({ total_tokens: z.number().int().nonnegative() }).partial().optional(),
});

/** One server-sent event of a streamed completion; Azure sends some with no choices (content filter results). */
const chunkSchema = z.object({
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullable().optional() }).partial().optional() })).optional(),
  usage: z.object({ total_tokens: z.number().int().nonnegative() }).partial().nullable().optional(),
});

/** Where the chat completions endpoint is, and how the key travels, per provider. */
export function chatCompletionsTarget(ai: AiConfig): { url: string; headers: Record<string, string> } {
  if (ai.provider === 'azure-openai') {
    return {
      url: `${ai.endpoint}/openai/deployments/${encodeURIComponent(ai.model)}/chat/completions?api-version=${encodeURIComponent(ai.apiVersion)}`,
      headers: { 'api-key': ai.apiKey },
    };
  }
  // "https://api.openai.com" and "https://host/v1" both mean the same endpoint.
  const base = ai.endpoint.endsWith('/v1') ? ai.endpoint : `${ai.endpoint}/v1`;
  return { url: `${base}/chat/completions`, headers: ai.apiKey ? { authorization: `Bearer ${ai.apiKey}` } : {} };
}

/**
 * An OpenAI-compatible chat completion over fetch, streamed (server-sent events) when the caller
 * listens to the text as it grows. The whole call — connecting, waiting and reading the body or
 * the stream — is bounded by the time-out through one AbortController, so a slow or dripping server
 * costs the teacher at most `timeoutMs`. Errors carry a kind and status, never the key.
 */
export function createOpenAiChat(ai: AiConfig, fetchImpl: typeof fetch = fetch): ChatCompletion {
  const { url, headers } = chatCompletionsTarget(ai);
  return async (request, onText) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ai.timeoutMs);
    const stream = onText !== undefined;
    try {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: stream ? 'text/event-stream' : 'application/json', ...headers },
        body: JSON.stringify({
          // Azure takes the deployment from the URL; sending the name as well does no harm.
          model: ai.model,
          messages: request.messages,
          temperature: request.temperature,
          max_tokens: request.maxTokens,
          n: 1,
          stream,
          // The last event then carries the tokens billed, for the daily budget.
          ...(stream ? { stream_options: { include_usage: true } } : {}),
        }),
        signal: controller.signal,
        redirect: 'error',
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new ChatCallError('http_error', res.status);
      }
      // A server that ignores `stream` answers with one JSON body: that is fine too.
      if (stream && /text\/event-stream/i.test(res.headers.get('content-type') ?? '')) return await readEvents(res, onText);
      return parseCompletion(await res.text(), res.status);
    } catch (error) {
      if (error instanceof ChatCallError) throw error;
      if (controller.signal.aborted) throw new ChatCallError('timeout');
      throw new ChatCallError('network');
    } finally {
      clearTimeout(timer);
    }
  };
}

function parseCompletion(body: string, status: number): ChatReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ChatCallError('bad_response', status);
  }
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success) throw new ChatCallError('bad_response', status);
  const total = parsed.data.usage?.total_tokens;
  return { text: parsed.data.choices[0]!.message.content ?? '', ...(total !== undefined ? { totalTokens: total } : {}) };
}

/**
 * Reads `data:` lines until `[DONE]` (or the end of the body), adding each delta to the text and
 * telling the listener. A stream that ends without `[DONE]` was cut off: its text is not an answer.
 */
async function readEvents(res: Response, onText: (soFar: string) => void): Promise<ChatReply> {
  if (!res.body) throw new ChatCallError('bad_response', res.status);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let text = '';
  let totalTokens: number | undefined;
  let done = false;
  const handle = (line: string) => {
    if (!line.startsWith('data:')) return; // comments, event names, ids: nothing to read
    const data = line.slice(5).trim();
    if (data === '[DONE]') return void (done = true);
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw new ChatCallError('bad_response', res.status);
    }
    const chunk = chunkSchema.safeParse(json);
    if (!chunk.success) throw new ChatCallError('bad_response', res.status);
    if (chunk.data.usage?.total_tokens !== undefined) totalTokens = chunk.data.usage.total_tokens;
    const delta = chunk.data.choices?.[0]?.delta?.content ?? '';
    if (delta === '') return;
    text += delta;
    try {
      onText(text);
    } catch {
      // A listener that fails must not cost the answer: the whole text is still checked and shown.
    }
  };
  while (!done) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffered += decoder.decode(value, { stream: true });
    let newline;
    while (!done && (newline = buffered.indexOf('\n')) >= 0) {
      handle(buffered.slice(0, newline).replace(/\r$/, ''));
      buffered = buffered.slice(newline + 1);
    }
  }
  if (!done) handle(buffered.trim());
  await reader.cancel().catch(() => undefined);
  if (!done) throw new ChatCallError('bad_response', res.status);
  return { text, ...(totalTokens !== undefined ? { totalTokens } : {}) };
}
