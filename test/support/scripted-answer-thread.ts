/**
 * A stand-in for answer-thread.ts in the answer worker's tests: "crash" ends the thread, "fail"
 * fails that question, "stranger" answers with a section the code does not have, anything else is
 * answered "not found" with the question's length as confidence.
 */
import { parentPort } from 'node:worker_threads';
import type { AnswerRequest, AnswerThreadMessage } from '../../src/infra/answer-worker-protocol.js';

const send = (message: AnswerThreadMessage) => parentPort!.postMessage(message);
send({ type: 'ready' });
parentPort!.on('message', ({ id, question }: AnswerRequest) => {
  if (question === 'crash') process.exit(3);
  if (question === 'fail') return send({ type: 'failed', id, message: 'scripted failure' });
  if (question === 'stranger') return send({ type: 'answer', id, answer: { kind: 'unsure', candidates: [{ section: 9999, quote: 'x', citation: 'y' }], confidence: 0.1 } });
  send({ type: 'answer', id, answer: { kind: 'not_found', confidence: question.length } });
});
