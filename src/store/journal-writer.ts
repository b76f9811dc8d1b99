import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './durable-file.js';

/** An append on the main thread slower than this sends appends through the thread pool for a while. */
const SLOW_APPEND_MS = 4;
const SLOW_DISK_BACKOFF_MS = 10_000;

/** Appends to the journal's current segment file, durably. */
export class SegmentWriter {
  #handle: FileHandle | undefined;
  /** Bytes appended to the current segment. */
  size = 0;
  /** Until when appends go through the thread pool (the disk was slow). */
  #threadPoolUntil = 0;

  /** Creates (or continues) the segment file; its directory entry is durable before anything in it counts as saved. */
  async start(path: string): Promise<void> {
    // O_SYNC ('as'): each append returns once it is on disk, in one call instead of a write and an fdatasync.
    this.#handle = await open(path, 'as');
    await syncDir(dirname(path));
    this.size = 0;
  }

  /**
   * Appends durably. Normally right here, on the main thread: on a local disk that takes well
   * under a millisecond for a whole batch, while a trip through the thread pool waits for a turn
   * of the event loop, which under load is far longer and is paid by every commit in the batch.
   * When the disk turns out slow (a network share), appends go through the thread pool for a while
   * instead, so the event loop is not held up.
   */
  async append(bytes: Buffer): Promise<void> {
    const handle = this.#handle;
    if (!handle) throw new Error('the journal segment is not open');
    if (Date.now() >= this.#threadPoolUntil) {
      const started = performance.now();
      for (let at = 0; at < bytes.length; ) at += writeSync(handle.fd, bytes, at);
      if (performance.now() - started > SLOW_APPEND_MS) this.#threadPoolUntil = Date.now() + SLOW_DISK_BACKOFF_MS;
    } else {
      for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at)).bytesWritten;
    }
    this.size += bytes.length;
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }
}
