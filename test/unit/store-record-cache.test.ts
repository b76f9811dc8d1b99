import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordCollection, recordPath } from '../../src/store/record-collection.js';
import type { JournalView } from '../../src/store/journal-format.js';

const isObject = (v: unknown): v is { n: number } => typeof v === 'object' && v !== null;

// Every test gets a collection directory of its own.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-record-cache-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('RecordCollection read cache', () => {
  it('serves a record it wrote or read from memory (the process is the only writer)', async () => {
    const records = new RecordCollection(dir, isObject);
    await records.put('a', { n: 1 });
    await unlink(recordPath(dir, 'a'));
    expect(await records.get('a')).toEqual({ n: 1 });
    // A fresh collection (a restart) reads the files again.
    expect(await new RecordCollection(dir, isObject).get('a')).toBeUndefined();
  });

  it('hands out copies, so callers cannot change the cache', async () => {
    const records = new RecordCollection(dir, isObject);
    const value = { n: 1 };
    await records.put('a', value);
    value.n = 2;
    const read = (await records.get('a'))!;
    read.n = 3;
    expect(await records.get('a')).toEqual({ n: 1 });
  });

  it('remembers deletions and misses', async () => {
    const records = new RecordCollection(dir, isObject);
    expect(await records.get('b')).toBeUndefined();
    await records.put('b', { n: 1 });
    expect(await records.get('b')).toEqual({ n: 1 });
    await records.delete('b');
    expect(await records.get('b')).toBeUndefined();
  });

  it('forgets a record whose write failed, so the next read goes to the file', async () => {
    const records = new RecordCollection(dir, isObject);
    await records.put('c', { n: 1 });
    const file = recordPath(dir, 'c');
    // A directory where the file should be makes the write's rename fail, even as root.
    await unlink(file);
    await mkdir(file);
    await expect(records.put('c', { n: 2 })).rejects.toThrow();
    await expect(records.get('c')).rejects.toThrow(file);
  });
});

describe('RecordCollection listing while the journal writes records out', () => {
  it('finds a record that leaves the journal for its file while the directories are read', async () => {
    const path = recordPath(dir, 'late');
    const text = JSON.stringify({ key: 'late', value: { n: 1 } });
    let pending = true;
    // The journal writes the record out the moment the listing first asks what it still holds (a
    // record leaves the journal only once its file is written): the listing must find it either way.
    const journal: JournalView = {
      commit: async () => undefined,
      pendingAt: (p) => (pending && p === path ? { kind: 'put', path, text } : undefined),
      pendingIn: () => [],
      pendingDirsUnder: () => {
        if (pending) {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text);
          pending = false;
        }
        return [];
      },
    };
    const records = new RecordCollection(dir, isObject, journal);
    expect(await records.stems()).toHaveLength(1);
    expect(await records.keys()).toEqual(['late']);
  });
});
