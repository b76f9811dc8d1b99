import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes the `*.tmp` files that interrupted writes (a SIGKILL between write and rename) left in
 * the data directory. Only files older than `before` go: this process's own writes started later.
 * Runs after the store is open, so start-up does not wait for a walk over every record; the data
 * directory lock guarantees no other process is writing.
 */
export async function removeStaleTempFiles(root: string, before: Date): Promise<number> {
  let removed = 0;
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.endsWith('.tmp')) continue;
    const path = join(root, entry);
    try {
      const info = await stat(path);
      if (!info.isFile() || info.mtime >= before) continue;
      await unlink(path);
      removed++;
    } catch {
      // Gone meanwhile (renamed by a write that finished): nothing to clean.
    }
  }
  return removed;
}
