import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

/** Options for {@link startPlayground}. */
export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the Playground web client; 0 picks a free loopback port. */
  port: number;
  /** Mock Teams context (users, tenant, team) in the Playground's YAML format; default: its built-in one. */
  configFile?: string;
  /** Where the Playground writes its log; default .playground/playground.log under `workDir`. */
  logFile?: string;
  /** Working directory of the Playground process; default the current directory. */
  workDir?: string;
  /** Let the Playground open the system browser itself; default false (never wanted in CI). */
  openBrowser?: boolean;
  /** How long to wait for "Listening on"; default 30 s. */
  startTimeoutMs?: number;
  /** Receives the Playground's stdout/stderr lines (for debugging); default: dropped. */
  onOutput?: (line: string) => void;
}

/** A running Playground. */
export interface RunningPlayground {
  /** The web client, e.g. http://127.0.0.1:56150. */
  url: string;
  port: number;
  /** Stops the Playground process; safe to call twice. */
  stop(): Promise<void>;
}

/** Thrown when the Playground cannot start; the message is Dutch and says what to do. */
export class PlaygroundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundError';
  }
}

const HOST = '127.0.0.1';

/**
 * The child sets its own environment and binds the Playground to loopback before loading its CLI:
 * the Playground proxies to an anonymous local bot, so it must not be reachable from the network,
 * and it has no host option of its own.
 */
const WRAPPER = `
const [cliPath, settingsJson, ...cliArgs] = process.argv.slice(1);
Object.assign(process.env, JSON.parse(settingsJson));
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    return listen.call(this, args[0], ${JSON.stringify(HOST)}, ...args.slice(1));
  }
  return listen.apply(this, args);
};
process.argv = [process.argv[0], cliPath, ...cliArgs];
require(cliPath);
`;

function playgroundCli(): string {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json');
  return path.join(path.dirname(packageJson), 'cli.js');
}

/** Resolves with `port` if it is free on loopback, or a free port when `port` is 0. */
function claimPort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new PlaygroundError(`Poort ${port} is al in gebruik. Kies een andere poort voor de Agents Playground (PLAYGROUND_PORT).`)));
    probe.listen(port, HOST, () => {
      const chosen = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(chosen));
    });
  });
}

/** The Playground logs its own failures (e.g. a bad config file) to its log file, not to stdout. */
function logErrors(logFile: string): string {
  if (!existsSync(logFile)) return '';
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('error '))
    .slice(-5)
    .join('\n');
}

/**
 * "Listening on" is printed before the Playground loads its config; a bad config closes the server
 * again, so only an answered request proves it is up.
 */
async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}/_internal/v1/config`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not serving (yet)
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function stopProcess(child: ChildProcess): Promise<void> {
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

/**
 * Starts the Microsoft 365 Agents Playground (a Teams-like web chat that runs offline) against a
 * running bot, bound to 127.0.0.1, with telemetry off. Resolves once it listens.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const port = await claimPort(options.port);
  const workDir = options.workDir ?? process.cwd();
  const logFile = options.logFile ?? path.join(workDir, '.playground', 'playground.log');
  mkdirSync(path.dirname(logFile), { recursive: true });

  const settings: Record<string, string> = { M365_AGENTS_PLAYGROUND_LOGFILE: logFile };
  if (!options.openBrowser) settings.TEAMSAPPTESTER_BROWSER = 'none';
  if (options.configFile) settings.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.resolve(workDir, options.configFile);

  const cliArgs = [
    '--port', String(port),
    '--app-endpoint', options.botEndpoint,
    '--channel-id', 'msteams',
    // The bot replies to this URL; pin it to the loopback address the Playground really listens on.
    '--service-url', `http://${HOST}:${port}/_connector`,
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, ['-e', WRAPPER, playgroundCli(), JSON.stringify(settings), ...cliArgs], {
    cwd: workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const recent: string[] = [];
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new PlaygroundError(`De Agents Playground startte niet binnen ${(options.startTimeoutMs ?? 30_000) / 1000} s.`)),
      options.startTimeoutMs ?? 30_000,
    );
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.onOutput?.(line);
      const listening = /Listening on (\d+)/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new PlaygroundError(`De Agents Playground kon niet starten: ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new PlaygroundError(`De Agents Playground stopte meteen (code ${code}). Laatste uitvoer:\n${recent.join('\n')}`));
    });
  });

  let actualPort: number;
  try {
    actualPort = await ready;
  } catch (err) {
    await stopProcess(child);
    throw err;
  }
  const url = `http://${HOST}:${actualPort}`;
  if (!(await waitUntilServing(url, child, 10_000))) {
    await stopProcess(child);
    throw new PlaygroundError(`De Agents Playground startte maar reageert niet op ${url}.\n${logErrors(logFile) || `Zie ${logFile}.`}`);
  }
  return {
    url,
    port: actualPort,
    stop: () => stopProcess(child),
  };
}
