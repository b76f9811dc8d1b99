/**
 * The echo bot as a process of its own (PORT from the environment), so the load benchmark can
 * measure its CPU and memory exactly as it measures the real server's.
 */
import { startEchoBot } from '../lib/echo-bot.js';

const bot = await startEchoBot(Number(process.env.PORT ?? 0));
console.log(`echo bot listening on ${bot.url}`);
const stop = () => {
  void bot.stop().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
