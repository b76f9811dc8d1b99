import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The process environment, plus the settings of an env file when one is named. The environment
 * always wins over the file (as Node's --env-file does), so a host's secret store overrides a
 * committed file. A file `X.user` next to `X` (Teams Toolkit's place for secrets) is read too.
 * Throws with a Dutch message when a named file does not exist.
 */
export function environmentWithFile(env: Record<string, string | undefined>, file: string | undefined, rootDir: string): Record<string, string | undefined> {
  if (!file) return env;
  const resolved = path.resolve(rootDir, file);
  if (!existsSync(resolved)) throw new Error(`het instellingenbestand ${file} bestaat niet (ENV_FILE)`);
  const secrets = `${resolved}.user`;
  const fromFile = {
    ...parseEnv(readFileSync(resolved, 'utf8')),
    ...(existsSync(secrets) ? parseEnv(readFileSync(secrets, 'utf8')) : {}),
  };
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return merged;
}
