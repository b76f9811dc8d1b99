import { createHash } from 'node:crypto';

/*
 * Keys (user ids, conversation ids, doubt ids) may hold ':', '/', upper case and
 * other characters that are unsafe or ambiguous in file names (case-insensitive
 * file systems on macOS and Windows). Names keep [a-z0-9_-] as-is and escape every
 * other UTF-8 byte as `~xx`, so they stay reversible and readable; keys that would
 * give an over-long name fall back to a hash (the key is then read from the file).
 */

const READABLE_PREFIX = 'k_';
const HASHED_PREFIX = 'h_';
const MAX_NAME_LENGTH = 160;
const SAFE_BYTE = /^[a-z0-9_-]$/;

/** File-name stem for a key (without extension). */
export function encodeKey(key: string): string {
  let out = READABLE_PREFIX;
  for (const byte of Buffer.from(key, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += SAFE_BYTE.test(ch) ? ch : `~${byte.toString(16).padStart(2, '0')}`;
    if (out.length > MAX_NAME_LENGTH) return HASHED_PREFIX + sha256Hex(key);
  }
  return out;
}

/** The key for a stem made by {@link encodeKey}, or undefined for a hashed stem. */
export function decodeKey(stem: string): string | undefined {
  if (!stem.startsWith(READABLE_PREFIX)) return undefined;
  const body = stem.slice(READABLE_PREFIX.length);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '~') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(body.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Whether a directory entry is a stem made by {@link encodeKey} (skips temp and probe files). */
export function isEncodedStem(stem: string): boolean {
  return stem.startsWith(READABLE_PREFIX) || stem.startsWith(HASHED_PREFIX);
}

/** Two hex digits spreading stems over 256 shard directories, so no directory grows huge. */
export function shardOf(stem: string): string {
  return sha256Hex(stem).slice(0, 2);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
