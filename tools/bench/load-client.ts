/*
 * The closed-loop load of the capacity benchmark: N virtual users, each sending one activity and
 * waiting until its reply has reached the fake connector and the HTTP request has ended before
 * sending the next (no think time). Measures what the user sees (POST until the reply reached the
 * connector), how long the request stays open after that, throughput, and the server processes'
 * CPU and memory from /proc (Linux only).
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { message, submit, teamsMember, type TestUser } from '../../test/support/activities.js';
import type { ConnectorCall, FakeConnector } from '../../test/support/fake-connector.js';

/** One user's next turn: the activity to send and what the reply must look like. */
export interface Turn {
  kind: string;
  activity: Record<string, unknown>;
  /** Checks the reply; a false result counts as an error. */
  accept?(reply: ConnectorCall): boolean;
}

/** A virtual user: yields turns; gets each turn's reply before it is asked for the next. */
export type Script = (vu: number, serviceUrl: string) => AsyncGenerator<Turn, void, ConnectorCall>;

export interface LoadOptions {
  /** Servers to spread the users over (user i talks to urls[i % urls.length]). */
  urls: string[];
  /** Server process ids whose CPU and memory are measured. */
  pids: number[];
  users: number;
  warmupMs: number;
  durationMs: number;
  script: Script;
}

interface Sample {
  kind: string;
  started: number;
  replyAt: number;
  endedAt: number;
  ok: boolean;
}

export interface KindFigures {
  count: number;
  p50: number;
  p99: number;
  /** How long the HTTP request stayed open after the reply reached the connector. */
  openAfterP50: number;
  openAfterP99: number;
}

export interface LoadResult {
  users: number;
  seconds: number;
  messages: number;
  perSecond: number;
  errors: number;
  /** Server CPU (user + system, all processes) per completed message. */
  cpuMsPerMessage: number;
  /** Of which in the kernel (file system calls, sockets). */
  systemMsPerMessage: number;
  /** Share of one core the servers used together. */
  serverCores: number;
  /** Share of one core this load generator (and the fake connector) used. */
  clientCores: number;
  peakRssMb: number;
  endRssMb: number;
  all: KindFigures;
  byKind: Record<string, KindFigures>;
}

const REPLY_TIMEOUT_MS = 15_000;
let clockTicks: number | undefined;

function ticksPerSecond(): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return clockTicks;
}

/** CPU milliseconds the process used so far, in user and system (kernel) mode. */
export function processCpuMs(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: (Number(fields[11]) * 1000) / ticksPerSecond(), system: (Number(fields[12]) * 1000) / ticksPerSecond() };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function figures(samples: Sample[]): KindFigures {
  const latency = samples.map((s) => s.replyAt - s.started);
  const after = samples.map((s) => s.endedAt - s.replyAt);
  return { count: samples.length, p50: percentile(latency, 50), p99: percentile(latency, 99), openAfterP50: percentile(after, 50), openAfterP99: percentile(after, 99) };
}

/** Registers `user` as a member of the tenant, so the bot's member look-up finds them as in Teams. */
export function registerMember(connector: FakeConnector, who: TestUser): void {
  connector.addMember(teamsMember(who, `${who.name}@bench.example`));
}

export { message, submit };

/** Runs the load and returns its figures; measured over `durationMs` after `warmupMs`. */
export async function runLoad(connector: FakeConnector, serviceUrl: string, options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.users + 16 });
  const waiting = new Map<string, (call: ConnectorCall) => void>();
  const stopListening = connector.onCall((call) => {
    if (call.method !== 'POST' || call.body.type === 'typing') return;
    const waiter = waiting.get(call.conversationId);
    if (waiter) {
      waiting.delete(call.conversationId);
      waiter(call);
    }
  });
  const samples: Sample[] = [];
  let stopping = false;

  const turn = async (url: string, next: Turn): Promise<ConnectorCall | undefined> => {
    const conversationId = (next.activity.conversation as { id: string }).id;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<ConnectorCall | undefined>((resolve) => {
      waiting.set(conversationId, resolve);
      timer = setTimeout(() => {
        waiting.delete(conversationId);
        resolve(undefined);
      }, REPLY_TIMEOUT_MS);
    });
    const status = await post(agent, `${url}/api/messages`, JSON.stringify(next.activity)).catch(() => 0);
    const endedAt = performance.now();
    const call = await reply;
    clearTimeout(timer);
    const ok = status === 200 && call !== undefined && (next.accept?.(call) ?? true);
    const replyAt = call?.receivedAt ?? endedAt;
    samples.push({ kind: next.kind, started, replyAt, endedAt: Math.max(endedAt, replyAt), ok });
    return ok ? call : undefined;
  };

  const runUser = async (vu: number) => {
    const url = options.urls[vu % options.urls.length]!;
    const script = options.script(vu, serviceUrl);
    let step = await script.next(undefined as unknown as ConnectorCall);
    while (!step.done && !stopping) {
      const reply = await turn(url, step.value);
      // A failed turn starts the user's script over (e.g. a compose card that never came).
      step = reply ? await script.next(reply) : await script.return();
    }
    if (!stopping) return runUser(vu);
  };

  const users = Array.from({ length: options.users }, (_, vu) => runUser(vu));
  await sleep(options.warmupMs);
  const t0 = performance.now();
  const cpu0 = options.pids.map(processCpuMs);
  const client0 = process.cpuUsage();
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, options.pids.reduce((sum, pid) => sum + rssMb(pid), 0));
  }, 250);
  await sleep(options.durationMs);
  const t1 = performance.now();
  const cpu1 = options.pids.map(processCpuMs);
  const client = process.cpuUsage(client0);
  clearInterval(sampler);
  const endRss = options.pids.reduce((sum, pid) => sum + rssMb(pid), 0);
  stopping = true;
  await Promise.all(users);
  stopListening();
  agent.destroy();

  // Throughput: what completed within the window. Latency: what started within it (each awaited to
  // its end), so the first wave after the warm-up's start, slow while the server warms up, is left out.
  const completed = samples.filter((s) => s.endedAt >= t0 && s.endedAt < t1);
  const started = samples.filter((s) => s.started >= t0 && s.started < t1);
  const good = started.filter((s) => s.ok);
  const seconds = (t1 - t0) / 1000;
  const serverSystemMs = cpu1.reduce((sum, v, i) => sum + v.system - cpu0[i]!.system, 0);
  const serverCpuMs = serverSystemMs + cpu1.reduce((sum, v, i) => sum + v.user - cpu0[i]!.user, 0);
  const byKind: Record<string, KindFigures> = {};
  for (const kind of new Set(good.map((s) => s.kind))) byKind[kind] = figures(good.filter((s) => s.kind === kind));
  return {
    users: options.users,
    seconds,
    messages: completed.filter((s) => s.ok).length,
    perSecond: completed.filter((s) => s.ok).length / seconds,
    errors: started.length - good.length,
    cpuMsPerMessage: serverCpuMs / Math.max(1, completed.length),
    systemMsPerMessage: serverSystemMs / Math.max(1, completed.length),
    serverCores: serverCpuMs / (t1 - t0),
    clientCores: (client.user + client.system) / 1000 / (t1 - t0),
    peakRssMb: Math.max(peakRss, endRss),
    endRssMb: endRss,
    all: figures(good),
    byKind,
  };
}

function post(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
