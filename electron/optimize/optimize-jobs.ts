import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OptimizeJobStatus } from '../../shared/ipc/contract';
import type {
  OptimizeJobRequest,
  OptimizeWorkerCommand,
  OptimizeWorkerMessage,
} from './optimize-worker-protocol';

/** How long a finished job's result stays readable: long enough for the renderer to fetch it. */
export const FINISHED_JOB_TTL_MS = 5 * 60_000;
/** How long a cancelled worker may take to post its best schedule before it is terminated. */
const CANCEL_GRACE_MS = 5_000;
/** Finished workers kept alive (with HiGHS loaded and warm) for the next job. */
const IDLE_WORKERS = 1;

/**
 * How to start the worker: the built `.js` file, or (from source) a small ES module script that registers tsx
 * and imports the `.ts` worker.
 */
export type WorkerEntry = { kind: 'file'; path: string } | { kind: 'source'; path: string; script: string };

/**
 * Finds the worker entry next to this module. Built by electron-vite, this module sits in out/main (or in
 * out/main/chunks when the bundle is split) beside out/main/optimize-worker.js; run from source (the preview under
 * tsx, vitest) it is a `.ts` file and the worker is the `.ts` source, started with tsx's loader.
 */
export function resolveWorkerEntry(
  moduleUrl: string = import.meta.url,
  name: 'optimize-worker' | 'highs-thread-worker' = 'optimize-worker',
): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  if (here.endsWith('.ts')) {
    // Node 20 does not apply `--import tsx` hooks to a worker's own entry file, so the entry is a script that
    // registers tsx first and then imports the TypeScript worker.
    const tsxDir = dirname(createRequire(moduleUrl).resolve('tsx/package.json'));
    const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const path = join(dirname(here), `${name}.ts`);
    const script =
      `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); ` +
      `return import(${JSON.stringify(pathToFileURL(path).href)}); });`;
    return { kind: 'source', path, script };
  }
  const candidates = [join(dirname(here), `${name}.js`), join(dirname(here), '..', `${name}.js`)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the optimiser worker is missing (looked for ${candidates.join(', ')})`);
  return { kind: 'file', path: found };
}

/** One worker thread: idle (`jobId` null) or solving one job; `ready` once it has loaded and warmed up HiGHS. */
type Slot = { worker: Worker; jobId: string | null; ready: boolean };

type Job = {
  id: string;
  planKey: string;
  status: OptimizeJobStatus;
  startedAt: number;
  slot: Slot | null;
  cancelFlag: Int32Array;
  cancelRequested: boolean;
  finishedAt: number | null;
  killTimer: ReturnType<typeof setTimeout> | null;
};

/** The optimiser job registry: start a solve off the main thread, read its status, cancel it. */
export type OptimizeJobs = {
  /** Starts a job; a job still running for the same plan is cancelled first (one running job per plan). */
  start(request: OptimizeJobRequest): string;
  /** Where a job stands, or null when there is no such job (never started, or finished too long ago). */
  status(jobId: string): OptimizeJobStatus | null;
  /** Asks a running job to stop; true when it was running. */
  cancel(jobId: string): boolean;
  /** Resolves when the job has left `running`; for tests and the CLI. */
  settled(jobId: string): Promise<OptimizeJobStatus | null>;
  /**
   * Starts a worker ahead of the first job (it loads and warms up HiGHS) unless one is idle already; resolves when
   * an idle worker is ready.
   */
  warm(): Promise<void>;
  /** Workers alive: busy and idle (for tests). */
  workers(): { busy: number; idle: number };
  /** Stops every worker (app quit). */
  dispose(): Promise<void>;
};

/** Which plan a request is for: one running job per plan, so a new solve replaces the one still running. */
function planKeyOf(request: OptimizeJobRequest): string {
  return `${request.plan.meta.name}\u0000${request.plan.meta.createdAt}`;
}

/**
 * Creates the registry. Each job runs `optimizePlan` + HiGHS in a worker thread; progress messages (objective,
 * bound, gap) update its status, a cancel stops the solver at its next check and keeps the best schedule so far.
 * A worker that finished its job stays alive for the next one (`IDLE_WORKERS` of them, not holding the process
 * open): starting a thread, loading the wasm and V8's first compilation cost more than a small solve itself.
 * With `warmAfterMs`, one worker is started that long after creation, so even the first proposal finds one warm.
 * Finished jobs are kept for `ttlMs` so a renderer that polls a little late still gets the result.
 */
export function createOptimizeJobs(
  options: { entry?: WorkerEntry; ttlMs?: number; now?: () => number; warmAfterMs?: number } = {},
): OptimizeJobs {
  const now = options.now ?? (() => performance.now());
  const ttlMs = options.ttlMs ?? FINISHED_JOB_TTL_MS;
  const jobs = new Map<string, Job>();
  const waiters = new Map<string, ((s: OptimizeJobStatus) => void)[]>();
  const slots = new Set<Slot>();
  const readyWaiters = new Map<Slot, (() => void)[]>();
  let entry = options.entry ?? null;

  const prune = () => {
    const t = now();
    for (const [id, job] of jobs) {
      if (job.finishedAt !== null && t - job.finishedAt > ttlMs) jobs.delete(id);
    }
  };

  const finish = (job: Job, patch: Partial<OptimizeJobStatus>) => {
    if (job.status.state !== 'running') return;
    job.status = { ...job.status, ...patch, elapsedMs: now() - job.startedAt };
    job.finishedAt = now();
    if (job.killTimer) clearTimeout(job.killTimer);
    job.slot = null;
    for (const resolve of waiters.get(job.id) ?? []) resolve(job.status);
    waiters.delete(job.id);
  };

  const drop = (slot: Slot) => {
    slots.delete(slot);
    slot.jobId = null;
    for (const resolve of readyWaiters.get(slot) ?? []) resolve();
    readyWaiters.delete(slot);
    void slot.worker.terminate();
  };

  const idleSlots = () => [...slots].filter((s) => s.jobId === null);

  /** A worker whose job has ended: kept idle (not holding the process open) or, with enough idle, stopped. */
  const release = (slot: Slot) => {
    slot.jobId = null;
    if (idleSlots().length > IDLE_WORKERS) drop(slot);
    else slot.worker.unref();
  };

  const spawn = (): Slot => {
    entry ??= resolveWorkerEntry();
    const worker = entry.kind === 'file' ? new Worker(entry.path) : new Worker(entry.script, { eval: true });
    const slot: Slot = { worker, jobId: null, ready: false };
    slots.add(slot);
    const jobOf = (jobId: string): Job | undefined => {
      const job = jobs.get(jobId);
      return job && job.slot === slot ? job : undefined;
    };
    worker.on('message', (message: OptimizeWorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        if (slot.jobId === null) slot.worker.unref();
        for (const resolve of readyWaiters.get(slot) ?? []) resolve();
        readyWaiters.delete(slot);
        return;
      }
      const job = jobOf(message.jobId);
      switch (message.type) {
        case 'progress':
          if (job && job.status.state === 'running') {
            const { objective, bound, gap } = message;
            job.status = { ...job.status, progress: { objective, bound, gap } };
          }
          return;
        case 'result':
          if (job) {
            finish(job, {
              state: job.cancelRequested || message.cancelled ? 'cancelled' : 'done',
              result: message.result,
              error: null,
            });
          }
          if (slot.jobId === message.jobId) release(slot);
          return;
        case 'error':
          if (job) finish(job, { state: 'failed', error: `The optimiser failed: ${message.message}` });
          if (slot.jobId === message.jobId) release(slot);
          return;
      }
    });
    const lost = (why: string) => {
      const job = slot.jobId === null ? undefined : jobOf(slot.jobId);
      drop(slot);
      if (!job) return;
      if (job.cancelRequested) finish(job, { state: 'cancelled', error: null });
      else finish(job, { state: 'failed', error: why });
    };
    worker.on('error', (error) => lost(`The optimiser worker crashed: ${error.message}`));
    worker.on('exit', (code) => lost(`The optimiser worker stopped (exit code ${code}) without a result.`));
    worker.unref();
    return slot;
  };

  const cancel = (jobId: string): boolean => {
    const job = jobs.get(jobId);
    if (!job || job.status.state !== 'running' || !job.slot) return false;
    job.cancelRequested = true;
    Atomics.store(job.cancelFlag, 0, 1);
    const slot = job.slot;
    // A worker busy before HiGHS starts (model building, local search) cannot look at the flag; do not wait
    // for it forever: past the grace time the job ends without a result and its worker is stopped.
    job.killTimer = setTimeout(() => {
      finish(job, { state: 'cancelled', error: null, result: null });
      if (slot.jobId === job.id) drop(slot);
    }, CANCEL_GRACE_MS);
    return true;
  };

  const warm = (): Promise<void> => {
    const idle = idleSlots();
    const slot = idle.find((s) => s.ready) ?? idle[0] ?? spawn();
    if (slot.ready) return Promise.resolve();
    // Held open until ready, so a caller awaiting the warm-up is not left behind by an exiting process.
    slot.worker.ref();
    return new Promise((resolve) => readyWaiters.set(slot, [...(readyWaiters.get(slot) ?? []), resolve]));
  };

  // Cleared by dispose, so a registry stopped before its warm-up time starts no worker afterwards.
  const warmTimer =
    options.warmAfterMs === undefined
      ? null
      : setTimeout(() => void warm().catch(() => undefined), options.warmAfterMs);
  warmTimer?.unref();

  return {
    start(request) {
      prune();
      const planKey = planKeyOf(request);
      for (const job of jobs.values()) {
        if (job.planKey === planKey && job.status.state === 'running') cancel(job.id);
      }
      const id = randomUUID();
      const idle = idleSlots();
      const slot = idle.find((s) => s.ready) ?? idle[0] ?? spawn();
      slot.jobId = id;
      slot.worker.ref();
      const cancelFlag = new SharedArrayBuffer(4);
      const job: Job = {
        id,
        planKey,
        startedAt: now(),
        slot,
        cancelFlag: new Int32Array(cancelFlag),
        cancelRequested: false,
        finishedAt: null,
        killTimer: null,
        status: { jobId: id, state: 'running', elapsedMs: 0, progress: null, result: null, error: null },
      };
      jobs.set(id, job);
      const command: OptimizeWorkerCommand = { type: 'job', jobId: id, request, cancelFlag };
      slot.worker.postMessage(command);
      return id;
    },
    status(jobId) {
      prune();
      const job = jobs.get(jobId);
      if (!job) return null;
      return job.status.state === 'running'
        ? { ...job.status, elapsedMs: now() - job.startedAt }
        : job.status;
    },
    cancel,
    settled(jobId) {
      const job = jobs.get(jobId);
      if (!job) return Promise.resolve(null);
      if (job.status.state !== 'running') return Promise.resolve(job.status);
      return new Promise((resolve) => waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve]));
    },
    warm,
    workers() {
      const idle = idleSlots().length;
      return { busy: slots.size - idle, idle };
    },
    async dispose() {
      if (warmTimer) clearTimeout(warmTimer);
      for (const job of jobs.values()) {
        if (job.status.state === 'running') {
          job.cancelRequested = true;
          finish(job, { state: 'cancelled', error: null });
        }
      }
      const stopping = [...slots].map((slot) => {
        slots.delete(slot);
        slot.jobId = null;
        return slot.worker.terminate();
      });
      for (const list of readyWaiters.values()) for (const resolve of list) resolve();
      readyWaiters.clear();
      jobs.clear();
      await Promise.all(stopping);
    },
  };
}
