/**
 * Answers questions on a worker thread (answer-thread.ts) that holds every board's search index.
 * Retrieval is pure CPU work of a fraction of a millisecond; on the main thread it sat between the
 * turns (HTTP, Teams stack, store), so under load it limited how many messages one process handles,
 * while the machine's second core stayed idle. Here it runs beside them.
 *
 * A question whose worker dies (out of memory, a bug) fails like any error in a turn: the user gets
 * the bot's error message. The next question starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { fromWire } from '../core/answering/answer-wire.js';
import type { AnswerResult } from '../core/answering/types.js';
import type { Section } from '../core/knowledge/types.js';
import type { AnswerRequest, AnswerThreadInput, AnswerThreadMessage } from './answer-worker-protocol.js';

export interface AnswerWorker {
  /** Answers for one board (it must be among the boards the worker was started with). */
  answerer(org: string): (question: string) => Promise<AnswerResult>;
  close(): Promise<void>;
}

interface Pending {
  resolve(result: AnswerResult): void;
  reject(error: Error): void;
  sections: readonly Section[];
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
  /** It said it was ready: stopping after that is a crash; before, a failed start. */
  answering: boolean;
  exited: boolean;
}

/** The thread's module beside this file (answer-thread.ts, or .js once compiled). */
const THREAD_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './answer-thread.ts' : './answer-thread.js', import.meta.url);

/** Starts the thread; a TypeScript entry (running from sources with tsx) registers tsx in the thread first. */
function spawn(input: AnswerThreadInput, entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: input });
  // Node 20 does not pass the main thread's module hooks to a worker's entry module.
  const bootstrap = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

/**
 * Starts the worker and waits until it has built every board's index. `onCrash` hears of a worker
 * that stopped by itself; `entry` replaces the thread's module (tests).
 */
export async function startAnswerWorker(input: AnswerThreadInput, onCrash: (error: Error) => void, entry: URL = THREAD_ENTRY): Promise<AnswerWorker> {
  const sections = new Map(input.boards.map((b) => [b.org, b.knowledge.sections]));
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closing = false;
  let running: Running | undefined;

  const start = (): Running => {
    const worker = spawn(input, entry);
    // Never keeps the process alive: stopping the server is what ends it.
    worker.unref();
    let markReady: () => void = () => undefined;
    let failStart: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    // Nobody may be waiting for a replacement's start: its failure then surfaces at the next question.
    ready.catch(() => undefined);
    let lastError: Error | undefined;
    worker.on('message', (message: AnswerThreadMessage) => {
      if (message.type === 'ready') {
        self.answering = true;
        return markReady();
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.type === 'failed') return waiting.reject(new Error(`answering failed: ${message.message}`));
      // A reply that does not fit this board's code fails its question, never the listener (the process).
      try {
        waiting.resolve(fromWire(message.answer, waiting.sections));
      } catch (error) {
        waiting.reject(error as Error);
      }
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      self.exited = true;
      if (running === self) running = undefined;
      const error = lastError ?? new Error(`the answer worker stopped (exit code ${code})`);
      failStart(error);
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(error);
      }
      if (!closing && self.answering) onCrash(error);
    });
    const self: Running = { worker, ready, answering: false, exited: false };
    return self;
  };

  running = start();
  try {
    await running.ready;
  } catch (error) {
    // Said so that whoever deploys knows the way out: answers are the same on the main thread.
    throw new Error(`the answer worker did not start (${(error as Error).message}); ANSWER_THREAD=main answers questions on the main thread instead`, { cause: error });
  }

  const ask = async (org: string, question: string): Promise<AnswerResult> => {
    if (closing) throw new Error('the answer worker is closed');
    const current = running ?? (running = start());
    await current.ready;
    const id = nextId++;
    return new Promise<AnswerResult>((resolve, reject) => {
      if (current.exited) return reject(new Error('the answer worker stopped'));
      pending.set(id, { resolve, reject, sections: sections.get(org) ?? [] });
      current.worker.postMessage({ id, org, question } satisfies AnswerRequest);
    });
  };

  return {
    answerer: (org) => {
      if (!sections.has(org)) throw new Error(`the answer worker was not started with board ${org}`);
      return (question) => ask(org, question);
    },
    close: async () => {
      closing = true;
      const worker = running?.worker;
      running = undefined;
      if (worker) await worker.terminate();
    },
  };
}
