// The optimiser as the app runs it: jobs in a worker thread (electron/optimize/optimize-jobs.ts; the built worker
// out/main/optimize-worker.js when `npx electron-vite build` has made one, else the source under tsx, whose
// transpiling makes a cold worker much slower), "Propose fair rotation" on the sample plan as one `optimal` job, and "Compare
// strategies" as the view runs it, one job after another: least-recent, round-robin, optimal. Timed from the
// start call to the settled result; the renderer polls every 250 ms, which adds up to that much per job.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOptimizeJobs, type WorkerEntry } from '../../electron/optimize/optimize-jobs';
import type { OptimizeJobRequest } from '../../electron/optimize/optimize-worker-protocol';
import type { OptimizeResult } from '../../shared/optimize/optimize-plan';
import { createSamplePlan } from '../../shared/plan/sample-plan';

/** One timed step of the app path. */
export type AppStep = {
  step: string;
  elapsedMs: number;
  /** CPU time of the whole process (main and worker threads) during the step. */
  cpuMs: number;
  results: OptimizeResult[];
};

async function timed(step: string, run: () => Promise<OptimizeResult[]>): Promise<AppStep> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const results = await run();
  const used = process.cpuUsage(cpu);
  return {
    step,
    elapsedMs: Math.round(performance.now() - started),
    cpuMs: Math.round((used.user + used.system) / 1000),
    results,
  };
}

/** The built worker when there is one, with a line saying which worker runs (and when it was built). */
export function benchWorkerEntry(): { entry: WorkerEntry | undefined; label: string } {
  const built = fileURLToPath(new URL('../../out/main/optimize-worker.js', import.meta.url));
  if (!existsSync(built)) return { entry: undefined, label: 'worker from source under tsx' };
  const at = statSync(built).mtime.toISOString().slice(0, 16).replace('T', ' ');
  return {
    entry: { kind: 'file', path: built },
    label: `built worker out/main/optimize-worker.js of ${at} UTC`,
  };
}

/**
 * Times the app path on the sample plan: a cold first proposal (new worker), the worker's warm-up, then warm
 * Propose and Compare (the figures the targets are about).
 */
export async function appPath(entry: WorkerEntry | undefined): Promise<AppStep[]> {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const request = (strategy: OptimizeJobRequest['strategy']): OptimizeJobRequest => ({
    plan,
    strategy,
    // The view's default time limit.
    timeLimitSeconds: 30,
  });
  const steps: AppStep[] = [];
  const cold = createOptimizeJobs({ entry });
  const jobs = createOptimizeJobs({ entry });
  try {
    const solve = async (strategy: OptimizeJobRequest['strategy']): Promise<OptimizeResult> => {
      const status = await jobs.settled(jobs.start(request(strategy)));
      if (!status?.result) throw new Error(`the ${strategy} job ended ${status?.state}: ${status?.error}`);
      return status.result;
    };
    steps.push(
      await timed('propose, cold worker', async () => {
        const status = await cold.settled(cold.start(request('optimal')));
        if (!status?.result) throw new Error(`the cold job ended ${status?.state}: ${status?.error}`);
        return [status.result];
      }),
    );
    await cold.dispose();
    steps.push(await timed('worker start and warm-up', async () => (await jobs.warm(), [])));
    steps.push(await timed('propose, warm worker', async () => [await solve('optimal')]));
    steps.push(
      await timed('compare, warm worker', async () => [
        await solve('least-recent'),
        await solve('round-robin'),
        await solve('optimal'),
      ]),
    );
    return steps;
  } finally {
    await cold.dispose();
    await jobs.dispose();
  }
}
