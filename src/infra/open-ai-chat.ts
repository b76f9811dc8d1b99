import { z } from 'zod';
import type { AiConfig } from '../config.js';
import { ChatCallError, type ChatCompletion } from '../core/ai/types.js';

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
  usage: z.object({ total_tokens: z.number().int().nonnegative() }).partial().optional(),
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
 * An OpenAI-compatible chat completion over fetch. The whole call — connecting, waiting and reading
 * the body — is bounded by the time-out through one AbortController, so a slow or streaming-slow
 * server costs the teacher at most `timeoutMs`. Errors carry a kind and status, never the key.
 */
export function createOpenAiChat(ai: AiConfig, fetchImpl: typeof fetch = fetch): ChatCompletion {
  const { url, headers } = chatCompletionsTarget(ai);
  return async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ai.timeoutMs);
    try {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({
          // Azure takes the deployment from the URL; sending the name as well does no harm.
          model: ai.model,
          messages: request.messages,
          temperature: request.temperature,
          max_tokens: request.maxTokens,
          n: 1,
          stream: false,
        }),
        signal: controller.signal,
        redirect: 'error',
      });
      const body = await res.text();
      if (!res.ok) throw new ChatCallError('http_error', res.status);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new ChatCallError('bad_response', res.status);
      }
      const parsed = completionSchema.safeParse(json);
      if (!parsed.success) throw new ChatCallError('bad_response', res.status);
      const total = parsed.data.usage?.total_tokens;
      return { text: parsed.data.choices[0]!.message.content ?? '', ...(total !== undefined ? { totalTokens: total } : {}) };
    } catch (error) {
      if (error instanceof ChatCallError) throw error;
      if (controller.signal.aborted) throw new ChatCallError('timeout');
      throw new ChatCallError('network');
    } finally {
      clearTimeout(timer);
    }
  };
}
