import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey, isEncodedStem, shardOf } from '../../src/store/key-encoding.js';

describe('store key encoding', () => {
  it.each([
    ['plain lower case', 'abc-123_x'],
    ['Teams user id', '29:1AbCdEfG-hij'],
    ['path separators', 'a/b\\c'],
    ['dots that would escape the directory', '..'],
    ['a Windows device name', 'CON'],
    ['non-ASCII', 'Ünïcode ✓'],
    ['the escape character itself', '~41'],
    ['empty', ''],
  ])('round-trips %s into a safe, case-insensitive file name', (_case, key) => {
    const stem = encodeKey(key);
    expect(stem).toMatch(/^k_[a-z0-9_~-]*$/);
    expect(decodeKey(stem)).toBe(key);
    expect(isEncodedStem(stem)).toBe(true);
  });

  it('keeps keys that differ only in case apart', () => {
    expect(encodeKey('AbC').toLowerCase()).not.toBe(encodeKey('abc').toLowerCase());
  });

  it('hashes over-long keys to a bounded name that cannot be decoded', () => {
    const stem = encodeKey('Z'.repeat(500));
    expect(stem).toMatch(/^h_[0-9a-f]{64}$/);
    expect(decodeKey(stem)).toBeUndefined();
    expect(encodeKey('Z'.repeat(499))).not.toBe(stem);
  });

  it('skips temp and probe files', () => {
    expect(isEncodedStem('.k_a.json.123.1.tmp')).toBe(false);
    expect(isEncodedStem('.healthz-probe')).toBe(false);
  });

  it('spreads stems over two-hex-digit shards', () => {
    const shards = new Set(Array.from({ length: 2000 }, (_, i) => shardOf(encodeKey(`user-${i}`))));
    expect([...shards].every((s) => /^[0-9a-f]{2}$/.test(s))).toBe(true);
    expect(shards.size).toBeGreaterThan(200);
  });
});
