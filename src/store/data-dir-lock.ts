import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { link, open, readFile, unlink } from 'node:fs/promises';
import { errorCode } from './durable-file.js';
import { StoreLockedError } from './store-errors.js';

/** What the lock file records about its holder. */
export interface LockInfo {
  pid: number;
  hostname: string;
  acquiredAt: string;
  /**
   * When the holder process started (clock ticks since boot, /proc/<pid>/stat) and which boot of
   * the kernel it ran in: with these a pid that now belongs to another process (pid reuse after a
   * container restart, or a thread id) is not mistaken for the holder. Absent where /proc is not.
   */
  startTime?: string;
  bootId?: string;
}

export const LOCK_FILE_NAME = 'store.lock';

/** Directories locked by this process; a second open in the same process is refused too. */
const heldInProcess = new Set<string>();

/** A held lock on a data directory. */
export interface DataDirLock {
  readonly file: string;
  /** Whether the lock file still names this process. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Takes the data-directory lock: a file created exclusively, holding our pid, start time
 * and boot id. A lock whose holder is no longer alive (crashed or killed, even when its
 * pid now belongs to another process) is stale and is taken over, so a restart after
 * SIGKILL is not blocked. Only meaningful for processes on one host sharing the directory.
 */
export async function acquireDataDirLock(dir: string, now: () => Date = () => new Date()): Promise<DataDirLock> {
  const file = join(dir, LOCK_FILE_NAME);
  if (heldInProcess.has(file)) {
    throw new StoreLockedError(file, process.pid, `this process (pid ${process.pid}) already has it open`);
  }
  // Reserve synchronously so two opens racing in this process cannot both proceed.
  heldInProcess.add(file);
  try {
    return await takeLockFile(dir, file, now);
  } catch (error) {
    heldInProcess.delete(file);
    throw error;
  }
}

async function takeLockFile(dir: string, file: string, now: () => Date): Promise<DataDirLock> {
  const info: LockInfo = { pid: process.pid, hostname: hostname(), acquiredAt: now().toISOString(), ...processIdentity(process.pid) };
  const content = JSON.stringify(info);
  // Write the content first, then hard-link it into place: the link appears atomically
  // and complete, so nobody ever sees a half-written lock of a live process.
  const temp = join(dir, `.${LOCK_FILE_NAME}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, file);
        return makeLock(file, content);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      await removeIfStale(file);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  throw new StoreLockedError(file, undefined, 'another process keeps taking the lock');
}

async function removeIfStale(file: string): Promise<void> {
  const existingText = await readFile(file, 'utf8').catch(() => undefined);
  if (existingText === undefined) return; // Removed meanwhile: just try again.
  const holder = parseLock(existingText);
  if (holder && holder.pid !== process.pid && isHolderAlive(holder)) {
    throw new StoreLockedError(file, holder.pid, `process ${holder.pid} on ${holder.hostname} has held it since ${holder.acquiredAt}`);
  }
  // Stale: a dead pid, or our own pid recycled after a container restart (this process
  // does not hold it, see heldInProcess), or unreadable. Remove it only if unchanged.
  const again = await readFile(file, 'utf8').catch(() => undefined);
  if (again === existingText) await unlink(file).catch(() => undefined);
}

function makeLock(file: string, content: string): DataDirLock {
  let released = false;
  return {
    file,
    async stillHeld() {
      if (released) return false;
      return (await readFile(file, 'utf8').catch(() => undefined)) === content;
    },
    async release() {
      if (released) return;
      released = true;
      heldInProcess.delete(file);
      if ((await readFile(file, 'utf8').catch(() => undefined)) === content) await unlink(file).catch(() => undefined);
    },
  };
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    if (typeof data.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0) return undefined;
    const info: LockInfo = { pid: data.pid, hostname: String(data.hostname ?? 'unknown host'), acquiredAt: String(data.acquiredAt ?? 'an unknown time') };
    if (typeof data.startTime === 'string') info.startTime = data.startTime;
    if (typeof data.bootId === 'string') info.bootId = data.bootId;
    return info;
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that wrote the lock still runs: its pid is alive and, where the lock and
 * this system both know them, it is the same boot and the process under that pid started at the
 * recorded time. A different start time means the pid was reused, so the holder is dead.
 */
export function isHolderAlive(holder: LockInfo): boolean {
  if (!isAlive(holder.pid)) return false;
  const current = processIdentity(holder.pid);
  if (holder.bootId && current.bootId && holder.bootId !== current.bootId) return false;
  if (holder.startTime && current.startTime && holder.startTime !== current.startTime) return false;
  return true;
}

/** Start time and boot id of a process, from /proc (Linux); empty elsewhere or when unreadable. */
export function processIdentity(pid: number): { startTime?: string; bootId?: string } {
  const identity: { startTime?: string; bootId?: string } = {};
  try {
    identity.bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // Not Linux: the pid check alone remains.
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and parentheses: count from the last ')'. Start time is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTime = fields[19];
    if (startTime && /^\d+$/.test(startTime)) identity.startTime = startTime;
  } catch {
    // Gone meanwhile, or no /proc.
  }
  return identity;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return errorCode(error) === 'EPERM';
  }
}
