import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recoverSetAside } from '../../electron/files/durable-file';
import { validatePlanFully } from '../../shared/plan/validate-full';
import { descriptionOf, versionFromName } from './versions';

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_SOURCE = join(here, 'worker.ts');

/** What one run of kill trials found. */
export type CrashReport = {
  trials: number;
  lost: number;
  corrupt: number;
  elapsedMs: number;
  /** Saves the workers finished, over all trials. */
  savesDone: number;
  /** Trials whose kill landed while a save was running (a `start` without its `done`). */
  killedMidSave: number;
  /** Trials killed before the worker had loaded the plan. */
  killedDuringStartup: number;
  /** What went wrong, one line per bad trial. */
  failures: string[];
};

export type CrashOptions = {
  trials: number;
  /** Workers run side by side, each in its own folder (default: the CPU count, at least 2, at most 8). */
  concurrency?: number;
  /** The kill lands 0 … maxDelayMs after the worker is ready (default 250: several saves, of ~10-100 ms each). */
  maxDelayMs?: number;
  /** Seed of the kill timings, so a failing run can be repeated. */
  seed?: number;
  onTrial?: (done: number, total: number) => void;
};

/** A small seeded PRNG (mulberry32): kill timings are random but repeatable with --seed. */
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

/**
 * The worker as one plain ESM file (esbuild, which tsx itself runs on), so each of hundreds of short-lived
 * processes starts in a fraction of the time `--import tsx` needs to transform the store's import graph. Falls back
 * to tsx when esbuild cannot be loaded.
 */
async function workerCommand(workDir: string): Promise<string[]> {
  try {
    const esbuild = await import('esbuild');
    const outfile = join(workDir, 'worker.mjs');
    await esbuild.build({
      entryPoints: [WORKER_SOURCE],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      // CommonJS dependencies (date-holidays) call require(): give the ESM bundle one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    return [outfile];
  } catch {
    return ['--import', 'tsx', WORKER_SOURCE];
  }
}

type TrialLog = { ready: number | null; lastStart: number | null; lastDone: number | null; saves: number };

/**
 * The plan file's version after a kill, as the next load finds it: a number (-1 when there is no file yet), or
 * why it is corrupt. A save killed while the file was moved aside left it beside; the load puts it back first.
 */
async function versionOnDisk(path: string): Promise<{ version: number } | { corrupt: string }> {
  await recoverSetAside(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: -1 };
    return { corrupt: `cannot read: ${(error as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { corrupt: `not JSON (${text.length} bytes): ${(error as Error).message}` };
  }
  const result = validatePlanFully(raw);
  if (!result.ok) {
    return { corrupt: `invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` };
  }
  const version = versionFromName(result.plan.meta.name) ?? 0;
  // A whole version k has exactly k's description: a mix of two versions would not.
  if (version > 0 && result.plan.meta.description !== descriptionOf(version)) {
    return { corrupt: `version ${version} with another version's description` };
  }
  return { version };
}

/** Versions the file may hold after a kill, given what it held before and what the worker reported. */
function acceptable(before: number, log: TrialLog): Set<number> {
  // Killed while loading: a first start may or may not have written the sample (version 0) yet.
  if (log.ready === null) return new Set([before, ...(before === -1 ? [0] : [])]);
  const floor = log.lastDone ?? log.ready;
  if (log.lastStart === null) return new Set([floor]);
  return new Set([floor, log.lastStart]);
}

async function runTrial(
  command: string[],
  dir: string,
  delayMs: number,
  killBeforeReady: boolean,
): Promise<TrialLog> {
  const log: TrialLog = { ready: null, lastStart: null, lastDone: null, saves: 0 };
  const child = spawn(process.execPath, [...command, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kill = () => child.kill('SIGKILL');
  let pending = '';
  let timer: ReturnType<typeof setTimeout> | null = killBeforeReady ? setTimeout(kill, delayMs) : null;
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [what, value] = line.split(' ');
      const k = Number(value);
      if (what === 'ready') {
        log.ready = k;
        if (!timer) timer = setTimeout(kill, delayMs);
      } else if (what === 'start') log.lastStart = k;
      else if (what === 'done') {
        log.lastDone = k;
        log.saves += 1;
      }
    }
  });
  const code = await exited;
  if (timer) clearTimeout(timer);
  // Lines still in the pipe when the kill landed were written before it: read them too.
  for (const line of pending.split('\n')) {
    const [what, value] = line.split(' ');
    if (what === 'start') log.lastStart = Number(value);
    if (what === 'done') log.lastDone = Number(value);
  }
  if (code !== null) throw new Error(`the worker exited by itself (code ${code}): ${stderr.trim()}`);
  return log;
}

/**
 * Runs `trials` kill trials: a worker saves changing plans through the real store until it is SIGKILLed at a
 * random moment; then the plan file must load valid and be a version the worker had saved or was saving.
 * "Lost": the file is valid but older than the last save the worker finished (or not one of its versions).
 * "Corrupt": the file is unreadable, invalid, or a mix of two versions.
 */
export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const random = prng(options.seed ?? 20270301);
  const concurrency = options.concurrency ?? Math.min(8, Math.max(2, availableParallelism()));
  const maxDelayMs = options.maxDelayMs ?? 250;
  const workDir = await mkdtemp(join(tmpdir(), 'rotaplan-crash-'));
  const report: CrashReport = {
    trials: 0,
    lost: 0,
    corrupt: 0,
    elapsedMs: 0,
    savesDone: 0,
    killedMidSave: 0,
    killedDuringStartup: 0,
    failures: [],
  };
  try {
    const command = await workerCommand(workDir);
    let next = 0;
    const slot = async (index: number) => {
      const dir = join(workDir, `slot-${index}`);
      const planPath = join(dir, 'plan.rotaplan.json');
      let before = -1;
      while (next < options.trials) {
        const trial = next++;
        // One trial in eight is killed while the worker starts (loading, backing up, or writing the first plan).
        const early = random() < 0.125;
        const delay = early ? random() * 400 : random() * maxDelayMs;
        const log = await runTrial(command, dir, delay, early);
        report.trials += 1;
        report.savesDone += log.saves;
        if (log.ready === null) report.killedDuringStartup += 1;
        if (log.lastStart !== null && log.lastStart !== log.lastDone) report.killedMidSave += 1;
        const found = await versionOnDisk(planPath);
        if ('corrupt' in found) {
          report.corrupt += 1;
          report.failures.push(`trial ${trial}: corrupt: ${found.corrupt}`);
          // Start the slot afresh so one failure is counted once.
          await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
          before = -1;
        } else {
          const allowed = acceptable(before, log);
          if (!allowed.has(found.version)) {
            report.lost += 1;
            report.failures.push(
              `trial ${trial}: lost: the file holds version ${found.version}, expected one of ${[...allowed].join(', ')}`,
            );
          }
          before = found.version;
        }
        options.onTrial?.(report.trials, options.trials);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, i) => slot(i)));
  } finally {
    await rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}
