import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../../../electron/store/store-error';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

vi.setConfig({ testTimeout: 120_000 });

// The other program: a separate process that, told to, waits the given microseconds (spinning, so the moment is
// exact), then writes a plan atomically as sync tools and editors do (a temporary file renamed over the plan).
const OUTSIDE_WRITER = `
const { renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf('\\n'); end >= 0; end = pending.indexOf('\\n')) {
    const { path, delayUs, text, n } = JSON.parse(pending.slice(0, end));
    pending = pending.slice(end + 1);
    const until = process.hrtime.bigint() + BigInt(delayUs) * 1000n;
    const land = () => {
      while (process.hrtime.bigint() < until);
      write(path, text, n);
    };
    // A timer for all but the last millisecond, so the spinning does not take a core from the store for long.
    if (delayUs > 1500) setTimeout(land, Math.floor(delayUs / 1000) - 1);
    else land();
  }
});
function write(path, text, n) {
    const temp = join(dirname(path), 'outside-writer-' + n + '.partial');
    writeFileSync(temp, text);
    renameSync(temp, path);
    process.stdout.write('done ' + n + '\\n');
}
`;

/** A small seeded PRNG (mulberry32), so a failing run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The outside writer process; `write` resolves once its rename is done. */
function startOutsideWriter() {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', OUTSIDE_WRITER]);
  const waiting = new Map<number, () => void>();
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) waiting.get(Number(line.split(' ')[1]))?.();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    write(path: string, text: string, n: number, delayUs: number): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.set(n, resolve);
        child.once('exit', () => reject(new Error(`the outside writer exited: ${stderr}`)));
        child.stdin.write(`${JSON.stringify({ path, delayUs, text, n })}\n`);
      });
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-race-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

const named = (plan: Plan, name: string): Plan => ({ ...plan, meta: { ...plan.meta, name } });

describe('saves against another program writing the plan at the same moment', () => {
  it('500 outside atomic writes at random moments during saves: none is lost', async () => {
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan, maxBackups: 2 });
    const path = join(dir, 'plan.rotaplan.json');
    // A small plan (a few shifts): validating the sample's full year on every save and reload would make each
    // try slow, and the race is about the file, not its size.
    const sample = (await store.load()).plan;
    const plan: Plan = { ...sample, shifts: sample.shifts.slice(0, 20) };
    await store.save(plan);
    const outside = startOutsideWriter();
    try {
      // When the outside write lands is steered to where it matters: where a save changes from answering "saved"
      // (their write came after ours) to "conflict" (it came first). That boundary is the swap itself. A staircase
      // moves the aim a tenth later after each conflict and a tenth earlier after each save; each write lands at a
      // random moment within a fifth of the aim around it.
      const random = prng(20270315);
      const tries = 500;
      const tally = { saved: 0, conflicts: 0, lost: 0, keptAsCopy: 0 };
      const lost: string[] = [];
      // The aim starts at the shortest of a few saves (after one that warms the code up).
      const timings: number[] = [];
      for (let i = 0; i < 6; i++) {
        await store.reload();
        const started = performance.now();
        await store.save(named(plan, `calibration ${i}`));
        if (i > 0) timings.push(performance.now() - started);
      }
      let aimUs = Math.round(Math.min(...timings) * 1000);
      const landings: number[] = [];
      for (let n = 0; n < tries; n++) {
        await store.reload();
        const theirs = `${JSON.stringify(named(plan, `outside ${n}`), null, 4)}\n`;
        const delayUs = Math.max(0, Math.round(aimUs * (1 + (random() * 2 - 1) * 0.2)));
        landings.push(delayUs);
        const written = outside.write(path, theirs, n, delayUs);
        const outcome = await store.save(named(plan, `mine ${n}`)).then(
          () => 'saved' as const,
          (error: unknown) => {
            if (error instanceof StoreError && error.code === 'conflict') return 'conflict' as const;
            throw error;
          },
        );
        await written;
        tally[outcome === 'saved' ? 'saved' : 'conflicts'] += 1;
        aimUs = Math.max(50, aimUs * (outcome === 'saved' ? 0.9 : 1.1));
        const onDisk = await readFile(path, 'utf8');
        if (onDisk === theirs) continue;
        const copies = (await readdir(dir)).filter((f) => f.includes('.conflict-'));
        const kept = await Promise.all(copies.map((f) => readFile(join(dir, f), 'utf8')));
        if (kept.includes(theirs)) tally.keptAsCopy += 1;
        else {
          tally.lost += 1;
          lost.push(`try ${n} (${outcome}): the file holds "${(JSON.parse(onDisk) as Plan).meta.name}"`);
        }
      }
      // The figures, for the record: how the tries ended.
      landings.sort((a, b) => a - b);
      const landedUs = { min: landings[0], median: landings[tries >> 1], max: landings[tries - 1] };
      console.info(`outside-writer race: ${JSON.stringify({ tries, ...tally, landedUs })}`);
      expect(lost).toEqual([]);
      expect(tally.lost).toBe(0);
      expect(tally.saved + tally.conflicts).toBe(tries);
      // Both ways out were exercised: the outside write landed before some saves and after others.
      expect(tally.conflicts).toBeGreaterThan(0);
      expect(tally.saved).toBeGreaterThan(0);
      const leftovers = (await readdir(dir)).filter((f) => /\.(tmp|aside|old|partial)$/.test(f));
      expect(leftovers).toEqual([]);
    } finally {
      await outside.stop();
    }
  });
});
