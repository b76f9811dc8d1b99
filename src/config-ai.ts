import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import type { envSchema } from './config.js';

/**
 * The settings of optional AI answers (AI_*), checked for src/config.ts: it stays the one place
 * where the environment is read, this file only keeps it under 300 lines.
 */
export type AiProvider = 'azure-openai' | 'openai';

/** An OpenAI-compatible chat completions endpoint. `apiKey` is not enumerable, so it never ends up in a dump or log of the config. */
export interface AiConfig {
  readonly provider: AiProvider;
  /** Base URL: `https://<resource>.openai.azure.com` for Azure, `https://api.openai.com` or a local server for `openai`. */
  readonly endpoint: string;
  readonly apiKey: string;
  /** The model (openai) or deployment name (Azure). */
  readonly model: string;
  /** Azure's `api-version` query parameter. */
  readonly apiVersion: string;
  readonly timeoutMs: number;
  readonly dailyTokenBudget: number;
  /** False (default): names, e-mail addresses and phone numbers in the question are masked before sending. */
  readonly sendPersonalData: boolean;
}

/** Azure OpenAI's generally available data-plane version that has chat completions. */
const DEFAULT_AZURE_API_VERSION = '2024-10-21';
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/**
 * AI answers are on only when AI_ENDPOINT is set; then the model (deployment) is required, and a
 * key too, except for an OpenAI-compatible server on this machine. Plain http only to loopback:
 * the question leaves the bot, so it travels encrypted.
 */
export function aiConfig(e: z.infer<typeof envSchema>): AiConfig | undefined {
  if (e.AI_ENDPOINT === '') {
    const stray = (['AI_API_KEY', 'AI_MODEL', 'AI_PROVIDER'] as const).find((v) => e[v] !== '');
    if (stray) throw new ConfigError('AI_ENDPOINT', `is empty but ${stray} is set; set AI_ENDPOINT to switch AI answers on, or remove ${stray}`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(e.AI_ENDPOINT);
  } catch {
    throw new ConfigError('AI_ENDPOINT', 'must be an https URL such as https://<resource>.openai.azure.com');
  }
  const loopback = LOOPBACK_HOST.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError('AI_ENDPOINT', 'must be an https URL (plain http only for a server on 127.0.0.1)');
  }
  const provider: AiProvider = e.AI_PROVIDER || (/\.(openai|cognitiveservices)\.azure\.com$/i.test(url.hostname) ? 'azure-openai' : 'openai');
  if (e.AI_MODEL === '') throw new ConfigError('AI_MODEL', provider === 'azure-openai' ? 'is required when AI_ENDPOINT is set: the name of your Azure OpenAI deployment' : 'is required when AI_ENDPOINT is set: the model name');
  if (!/^[\w.:-]{1,100}$/.test(e.AI_MODEL)) throw new ConfigError('AI_MODEL', `must be a model or deployment name (letters, digits, - _ . :) (got ${JSON.stringify(e.AI_MODEL)})`);
  if (e.AI_API_KEY === '' && (provider === 'azure-openai' || !loopback)) throw new ConfigError('AI_API_KEY', 'is required when AI_ENDPOINT is set (keep it in the .user file or the host\'s secret store)');
  if (/\s/.test(e.AI_API_KEY)) throw new ConfigError('AI_API_KEY', 'must not contain spaces or line breaks');
  if (e.AI_API_VERSION !== '' && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(e.AI_API_VERSION)) {
    throw new ConfigError('AI_API_VERSION', `must look like 2024-10-21 (got ${JSON.stringify(e.AI_API_VERSION)})`);
  }
  if (e.AI_TIMEOUT_MS < 500) throw new ConfigError('AI_TIMEOUT_MS', 'must be at least 500 (milliseconds)');
  const config = {
    provider,
    endpoint: e.AI_ENDPOINT.replace(/\/+$/, ''),
    model: e.AI_MODEL,
    apiVersion: e.AI_API_VERSION || DEFAULT_AZURE_API_VERSION,
    timeoutMs: e.AI_TIMEOUT_MS,
    dailyTokenBudget: e.AI_DAILY_TOKEN_BUDGET,
    sendPersonalData: e.AI_SEND_PERSONAL_DATA,
  } as AiConfig;
  Object.defineProperty(config, 'apiKey', { value: e.AI_API_KEY, enumerable: false });
  return config;
}
