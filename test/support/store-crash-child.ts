/*
 * Child process for the store's crash and lock tests (test/unit/store-file.test.ts).
 *   crash <dir>  records doubts in a loop, printing "ack <id> <rev>" after each put resolves
 *   crash-parallel <dir>  the same with 16 writers at once, so their writes share journal flushes
 *   hold <dir>   opens the store, prints "ready", and waits to be killed
 *   try <dir>    opens the store; prints "opened" (exit 0) or "refused <message>" (exit 3)
 */
import type { StoredDoubt } from '../../src/core/doubts/doubt-store.js';
import { openDataStore } from '../../src/store/open-data-store.js';

interface CrashDoubt extends StoredDoubt {
  rev: number;
  text: string;
}

const [mode, dir] = process.argv.slice(2);
if (!mode || !dir) {
  console.error('usage: store-crash-child.ts crash|hold|try <dir>');
  process.exit(2);
}

if (mode === 'try') {
  try {
    await openDataStore(dir);
    console.log('opened');
    process.exit(0);
  } catch (error) {
    console.log(`refused ${(error as Error).message}`);
    process.exit(3);
  }
}

const store = await openDataStore<CrashDoubt>(dir);
if (mode === 'hold') {
  console.log('ready');
  setInterval(() => undefined, 60_000);
} else if (mode === 'crash-parallel') {
  // Each writer owns its doubts; writes of different writers overlap and are committed together.
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      for (let i = 0; ; i++) {
        const id = `doubt-${w}-${i % 40}`;
        const rev = Math.floor(i / 40) + 1;
        await store.doubts.put({ id, askerId: `teacher-${w}`, assigneeIds: [`leader-${i % 3}`], open: i % 5 !== 0, rev, text: 'Mag ik dit delen?' });
        process.stdout.write(`ack ${id} ${rev}\n`);
      }
    }),
  );
} else {
  const revs = new Map<string, number>();
  for (let i = 0; ; i++) {
    // Mostly new doubts; every third step re-assigns or closes an earlier one, so
    // index entries are both added and removed while the kill can land anywhere.
    const isUpdate = i % 3 === 2;
    const n = isUpdate ? Math.floor(i / 2) : i;
    const id = `doubt-${n}`;
    const rev = (revs.get(id) ?? 0) + 1;
    await store.doubts.put({
      id,
      askerId: `teacher-${n % 7}`,
      assigneeIds: isUpdate ? [`deputy-${n % 3}`] : [`leader-${n % 5}`],
      open: !(isUpdate && n % 2 === 0),
      rev,
      text: 'Mag ik deze klassenfoto op Instagram zetten?',
    });
    revs.set(id, rev);
    process.stdout.write(`ack ${id} ${rev}\n`);
  }
}
