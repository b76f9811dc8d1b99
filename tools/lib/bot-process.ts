import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Which script to run; the defaults start the real bot server. */
export interface BotProcessOptions {
  /** Script to run with tsx, relative to the repo root; default `src/serve.ts`. It must answer GET /healthz. */
  entry?: string;
  /** Extra command-line arguments for the script. */
  args?: string[];
  /**
   * Run this npm script (e.g. `serve`) with `npm run`, as a deployment does, instead of `entry`
   * with tsx. The child gets its own process group, so stopping it also stops npm's child.
   */
  npmScript?: string;
  /** Start from an empty environment (plus PATH and HOME) instead of the parent's, as a service manager does. */
  cleanEnv?: boolean;
  /**
   * Read the child's log lines and drop them instead of keeping them for {@link BotProcess.output}
   * (a load run logs thousands of lines a second); the last 4 KB are still kept for errors.
   */
  discardOutput?: boolean;
  /** Extra Node options before the script (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow); not with npmScript. */
  nodeArgs?: string[];
}

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn until /healthz answered. */
  startupMs: number;
  output(): string;
  /** Stops the bot; after `graceMs` (default 5 s) without exiting it is killed. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** How long a bot may take to exit after a stop signal before it is killed. */
const STOP_GRACE_MS = 5_000;

/**
 * Starts `src/serve.ts` (the real bot server), or another bot script, as a child process and waits
 * for /healthz. The environment is the parent's plus `env`; PORT is set (from `env.PORT` or a free port).
 */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 20_000, options: BotProcessOptions = {}): Promise<BotProcess> {
  const port = Number(env.PORT) || (await freePort());
  const started = performance.now();
  const entry = path.resolve(REPO_ROOT, options.entry ?? 'src/serve.ts');
  const base = options.cleanEnv ? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } : process.env;
  const childEnv = { ...base, LOG_LEVEL: 'warn', ...env, PORT: String(port) };
  const child = options.npmScript
    ? spawn('npm', ['run', '--silent', options.npmScript, '--', ...(options.args ?? [])], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry, ...(options.args ?? [])], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // npm runs the script in a child of its own: signal the whole group it leads.
  const signal = (sig: NodeJS.Signals) => {
    if (options.npmScript && child.pid) {
      try {
        process.kill(-child.pid, sig);
        return;
      } catch {
        // the group is gone already
      }
    }
    child.kill(sig);
  };
  let output = '';
  const keep = (d: Buffer) => {
    output += d;
    if (options.discardOutput && output.length > 8192) output = output.slice(-4096);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot ${options.npmScript ? `npm run ${options.npmScript}` : path.relative(REPO_ROOT, entry)} exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      signal('SIGKILL');
      throw new Error(`bot did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    startupMs: performance.now() - started,
    output: () => output,
    stop: async (stopSignal = 'SIGTERM', graceMs = STOP_GRACE_MS) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      signal(stopSignal);
      // A bot that hangs on shutdown must not hang the caller (a test hook or a benchmark) with it.
      const force = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      // npm may exit before the server it started has finished closing its store: wait for the group.
      // (Bounded: a process nobody reaps would look alive for ever.)
      const deadline = Date.now() + graceMs;
      while (options.npmScript && child.pid && groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      clearTimeout(force);
    },
  };
}

/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
