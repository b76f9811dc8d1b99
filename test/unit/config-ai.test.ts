import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const opts = { rootDir: '/repo', knownOrgs: ['oog'] };
const KEY = 'azure-key-0123456789abcdef';
const AZURE = { AI_ENDPOINT: 'https://mediawijs-swe.openai.azure.com/', AI_API_KEY: KEY, AI_MODEL: 'gpt-4o-mini' };

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env, opts);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('AI settings', () => {
  it('are off by default', () => {
    expect(loadConfig({}, opts).ai).toBeUndefined();
  });

  it('an Azure endpoint: provider inferred, defaults for time-out, budget, api-version and personal data', () => {
    const ai = loadConfig(AZURE, opts).ai!;
    expect(ai).toMatchObject({ provider: 'azure-openai', endpoint: 'https://mediawijs-swe.openai.azure.com', model: 'gpt-4o-mini', apiVersion: '2024-10-21', timeoutMs: 6000, dailyTokenBudget: 200_000, sendPersonalData: false });
    expect(ai.apiKey).toBe(KEY);
  });

  it('the key is never in a dump of the config', () => {
    const config = loadConfig(AZURE, opts);
    expect(JSON.stringify(config)).not.toContain(KEY);
    expect(Object.keys(config.ai!)).not.toContain('apiKey');
  });

  it('an OpenAI-compatible server on this machine needs no key; elsewhere it does', () => {
    expect(loadConfig({ AI_ENDPOINT: 'http://127.0.0.1:8080', AI_MODEL: 'llama3' }, opts).ai).toMatchObject({ provider: 'openai', apiKey: '' });
    expect(errorOf({ AI_ENDPOINT: 'https://api.openai.com', AI_MODEL: 'gpt-4o-mini' }).variable).toBe('AI_API_KEY');
  });

  it.each([
    [{ AI_API_KEY: KEY }, 'AI_ENDPOINT'],
    [{ AI_MODEL: 'x' }, 'AI_ENDPOINT'],
    [{ ...AZURE, AI_ENDPOINT: 'http://mediawijs.openai.azure.com' }, 'AI_ENDPOINT'],
    [{ ...AZURE, AI_ENDPOINT: 'niet een url' }, 'AI_ENDPOINT'],
    [{ ...AZURE, AI_MODEL: '' }, 'AI_MODEL'],
    [{ ...AZURE, AI_MODEL: 'a/b' }, 'AI_MODEL'],
    [{ ...AZURE, AI_API_KEY: '' }, 'AI_API_KEY'],
    [{ ...AZURE, AI_PROVIDER: 'anthropic' }, 'AI_PROVIDER'],
    [{ ...AZURE, AI_TIMEOUT_MS: '100' }, 'AI_TIMEOUT_MS'],
    [{ ...AZURE, AI_TIMEOUT_MS: 'snel' }, 'AI_TIMEOUT_MS'],
    [{ ...AZURE, AI_DAILY_TOKEN_BUDGET: '0' }, 'AI_DAILY_TOKEN_BUDGET'],
    [{ ...AZURE, AI_SEND_PERSONAL_DATA: 'misschien' }, 'AI_SEND_PERSONAL_DATA'],
    [{ ...AZURE, AI_API_VERSION: 'latest' }, 'AI_API_VERSION'],
  ])('%j is refused, naming %s', (env, variable) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain(KEY);
  });

  it('a wrong key is refused without echoing it', () => {
    const error = errorOf({ ...AZURE, AI_API_KEY: 'my secret key' });
    expect(error.variable).toBe('AI_API_KEY');
    expect(error.message).not.toContain('my secret key');
  });

  it('AI_SEND_PERSONAL_DATA=true and an explicit provider are taken', () => {
    expect(loadConfig({ ...AZURE, AI_ENDPOINT: 'https://proxy.school.nl', AI_PROVIDER: 'azure-openai', AI_SEND_PERSONAL_DATA: 'true' }, opts).ai).toMatchObject({ provider: 'azure-openai', sendPersonalData: true });
  });
});
