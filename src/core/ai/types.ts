/** One message of an OpenAI-compatible chat completion request. */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** What the bot asks the model: the messages and the model settings (the adapter adds the model name). */
export interface ChatRequest {
  messages: ChatMessage[];
  temperature: number;
  maxTokens: number;
}

export interface ChatReply {
  text: string;
  /** Tokens the provider billed (prompt + completion), when it says. */
  totalTokens?: number;
}

/** Why a call to the model failed; the adapter throws it, the core turns it into a fallback. */
export type ChatFailure = 'timeout' | 'http_error' | 'network' | 'bad_response';

export class ChatCallError extends Error {
  constructor(
    readonly failure: ChatFailure,
    readonly status?: number,
  ) {
    super(`chat completion failed: ${failure}${status ? ` (${status})` : ''}`);
    this.name = 'ChatCallError';
  }
}

/**
 * The port to the model: one chat completion, or a {@link ChatCallError}. With `onText` the adapter
 * streams and calls it with the whole text so far each time the model adds to it; the promise still
 * resolves with the whole reply (or rejects), so the checks run on the complete answer.
 */
export type ChatCompletion = (request: ChatRequest, onText?: (soFar: string) => void) => Promise<ChatReply>;
