import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Repository root (test/e2e/support -> ../../..). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface BotProcessOptions {
  /** Script to run with tsx, relative to the repo root: the echo bot or src/serve.ts. */
  entry: string;
  /** Extra arguments for the script. */
  args?: string[];
  /** Environment for the bot (PORT is added); the parent's environment is passed through. */
  env?: Record<string, string>;
  /** Port to listen on; default a free loopback port. */
  port?: number;
  startTimeoutMs?: number;
}

export interface BotProcess {
  port: number;
  endpoint: string;
  /** Everything the bot printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A free loopback port (released again, so the bot can take it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts a bot with `node --import tsx <entry>` and resolves once its port accepts connections. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`Bot ${options.entry} stopte tijdens het starten (code ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`Bot ${options.entry} luisterde niet binnen de tijd op poort ${port}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    output: () => output,
    stop: () => stopChild(child),
  };
}
