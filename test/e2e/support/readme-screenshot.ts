/**
 * Takes the README screenshot: the real bot in the Agents Playground, a question and its answer card
 * with the quoted rule and its source, at a desktop size.
 * Run: `npx tsx test/e2e/support/readme-screenshot.ts [out.png] [question]` (default docs/screenshot.png).
 */
import path from 'node:path';
import { REPO_ROOT } from '../../../tools/lib/bot-process.js';
import { mediawijsBot } from './harness.js';
import { startE2eStack } from './stack.js';

// A general question (a question word), so it gets the answer card rather than the posting check.
const QUESTION = process.argv[3] ?? 'Wanneer heb ik toestemming nodig voor een foto van een leerling?';
const out = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'docs', 'screenshot.png'));

const stack = await startE2eStack(mediawijsBot({ org: 'oog' }));
try {
  // The first visit gets the welcome card; the picture shows a question in a fresh chat instead.
  const first = await stack.openChat();
  await first.close();
  const { chat } = await stack.openChat();
  await chat.hideLogPanel();
  await chat.sendMessage(QUESTION);
  const answer = (await chat.waitForBotReplies()).join('\n');
  if (!/Bron: /.test(answer)) throw new Error(`Het antwoord heeft geen bron; geen screenshot gemaakt:\n${answer}`);
  await chat.expectNoCardError();
  await chat.page.mouse.move(0, 0); // no hover highlight in the picture
  await chat.page.screenshot({ path: out });
  console.log(`Screenshot opgeslagen: ${path.relative(process.cwd(), out)}`);
} finally {
  await stack.stop();
}
