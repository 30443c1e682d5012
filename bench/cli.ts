// `npx tsx bench/cli.ts` (after `npm run build`): how long the built `rotaplan` takes to start and answer, beside
// bare Node's start (`node -e 0`) measured in the same run, so a busy or slow machine moves both alike.
// Targets (median wall time of ROUNDS runs each): `help` within 3× of bare Node, `validate` of the sample within
// 6×, `analyze --json` of the sample within 12×. The commands take turns within each round, so a burst of load
// on a shared machine falls on all of them rather than on one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSamplePlan } from '../shared/plan/sample-plan';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BIN = 'bin/rotaplan.js';

if (!existsSync('out/cli/main.js')) {
  console.error(
    'bench/cli.ts measures the built CLI: run `npm run build` first (out/cli/main.js is missing)',
  );
  process.exit(1);
}

const dir = await mkdtemp(join(tmpdir(), 'rotaplan-bench-cli-'));
const plan = join(dir, 'sample.rotaplan.json');
await writeFile(plan, `${JSON.stringify(createSamplePlan('2026-11-27T00:00:00.000Z'), null, 2)}\n`);

type Case = { label: string; args: string[]; target?: number; ms: number[] };
const cases: Case[] = [
  { label: 'node -e 0', args: ['-e', '0'], ms: [] },
  { label: 'rotaplan help', args: [BIN, 'help'], target: 3, ms: [] },
  { label: 'rotaplan validate (sample)', args: [BIN, 'validate', plan], target: 6, ms: [] },
  { label: 'rotaplan analyze --json (sample)', args: [BIN, 'analyze', plan, '--json'], target: 12, ms: [] },
];

function timeOnce(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (run.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.toString()}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

try {
  for (const c of cases) timeOnce(c.args); // one unmeasured run each: the OS file cache, not the CLI, is cold
  for (let round = 0; round < ROUNDS; round++) for (const c of cases) c.ms.push(timeOnce(c.args));
} finally {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

const bare = median(cases[0]!.ms);
let missed = 0;
console.log(`Built CLI start-up, median of ${ROUNDS} runs each (Node ${process.version})`);
for (const c of cases) {
  const m = median(c.ms);
  const ratio = m / bare;
  const verdict =
    c.target === undefined
      ? '(baseline)'
      : `${ratio.toFixed(1)}× bare Node, target ≤ ${c.target}×: ${ratio <= c.target ? 'met' : 'MISSED'}`;
  if (c.target !== undefined && ratio > c.target) missed++;
  console.log(`  ${c.label.padEnd(34)} ${m.toFixed(0).padStart(5)} ms  ${verdict}`);
}
process.exitCode = missed === 0 ? 0 : 1;
