/**
 * The answer worker's thread (started by answer-worker.ts): builds each board's search index once
 * and answers questions with the answering core, so retrieval runs beside the turns on the main
 * thread instead of between them. Answers go back with sections by position (answer-wire.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerQuestion } from '../core/answering/answer.js';
import { sectionPositions, toWire } from '../core/answering/answer-wire.js';
import { createSearchIndex } from '../core/retrieval/index.js';
import type { AnswerThreadInput, AnswerRequest, AnswerThreadMessage } from './answer-worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('answer-thread.ts runs as a worker thread only');
const input = workerData as AnswerThreadInput;

const boards = new Map(
  input.boards.map((board) => {
    const index = createSearchIndex(board.knowledge, input.vocabulary, board.extras);
    return [board.org, { index, positions: sectionPositions(board.knowledge.sections) }];
  }),
);

const send = (message: AnswerThreadMessage) => port.postMessage(message);
send({ type: 'ready' });

port.on('message', ({ id, org, question }: AnswerRequest) => {
  try {
    const board = boards.get(org);
    if (!board) throw new Error(`the answer worker has no board ${org}`);
    send({ type: 'answer', id, answer: toWire(answerQuestion(board.index, question), board.positions) });
  } catch (error) {
    // One question's failure is that question's: the thread goes on answering the others.
    send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
