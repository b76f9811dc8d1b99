/*
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --load-only --profile DIR`):
 * the functions with the most self time, and self time per package or source file.
 * Usage: npx tsx tools/bench/cpu-profile-top.ts <file.cpuprofile> [count]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (node_modules/<name>) or repository file a frame belongs to. */
function ownerOf(url: string): string {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src|tools|test)\/(.+)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.replace(/^.*\//, '');
}

export function summarise(profile: Profile, count = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const perFunction = new Map<string, number>();
  const perOwner = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'}  ${ownerOf(url)}:${lineNumber + 1}`;
    perFunction.set(key, (perFunction.get(key) ?? 0) + micros);
    perOwner.set(ownerOf(url), (perOwner.get(ownerOf(url)) ?? 0) + micros);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || '(anonymous)'}  ${ownerOf(url)}:${lineNumber + 1}`;
  };
  const inclusive = new Map<string, number>();
  for (const [id, micros] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(at));
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
  const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${pct(v)}  ${k}`)
      .join('\n');
  return (
    `Total ${(total / 1000).toFixed(0)} ms sampled.\nTop functions by self time:\n${top(perFunction, count)}\n\n` +
    `Self time per package / file:\n${top(perOwner, count)}\n\nTop functions by inclusive time:\n${top(inclusive, count * 2)}`
  );
}

const file = process.argv[2];
if (file) console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(process.argv[3] ?? 30)));
