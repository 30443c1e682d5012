import { isMainThread, parentPort } from 'node:worker_threads';
import { createOptimizeMemo, optimizePlan } from '../../shared/optimize/optimize-plan';
import { planToRoster } from '../../shared/optimize/plan-to-roster';
import { buildRosterMilp } from '../../shared/optimize/roster-milp';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { addDays } from '../../shared/time/zoned';
import { highsRuntime, solveWithHighs } from './highs-solver';
import type { OptimizeWorkerCommand, OptimizeWorkerMessage } from './optimize-worker-protocol';

// The optimiser's thread: HiGHS (wasm) blocks the thread it runs on, so solves must not run on Electron main or the
// preview server's event loop. The worker lives on between jobs, one job at a time, so a proposal after the first
// finds HiGHS loaded and compiled. Built as its own entry (out/main/optimize-worker.js) and run from source under
// tsx by the preview and the tests.

function post(message: OptimizeWorkerMessage): void {
  parentPort!.postMessage(message);
}

/**
 * Loads HiGHS and runs every phase of a proposal once on a small plan (the sample's first eight weeks), then
 * solves that roster's MILP without a start, so HiGHS branches as on a real plan. Why: V8 compiles the wasm and
 * the JavaScript in tiers as they run; a user's first proposal would otherwise pay for that.
 */
async function warmUp(): Promise<void> {
  await highsRuntime();
  const plan = createSamplePlan('2026-01-01T00:00:00.000Z');
  const window = { from: plan.rotation.startDate, to: addDays(plan.rotation.startDate, 8 * 7 - 1) };
  await optimizePlan(plan, { ...window, searchIterations: 5_000 }, solveWithHighs);
  const roster = planToRoster(plan, window);
  await solveWithHighs(buildRosterMilp(roster.model).problem, { timeLimitSeconds: 2 });
}

// The same plan and window as the last job keep their roster: "Compare strategies" asks for three in a row.
const memo = createOptimizeMemo();

async function run(command: OptimizeWorkerCommand): Promise<void> {
  const { jobId, request } = command;
  const flag = new Int32Array(command.cancelFlag);
  // The solve blocks this thread, so a cancel cannot arrive as a message: the parent sets the shared flag, which
  // the solver reads at each of its checks.
  const shouldStop = (): boolean => Atomics.load(flag, 0) === 1;
  if (shouldStop()) {
    post({ type: 'result', jobId, result: null, cancelled: true });
    return;
  }
  try {
    const result = await optimizePlan(
      request.plan,
      {
        strategy: request.strategy,
        from: request.from,
        to: request.to,
        timeLimitSeconds: request.timeLimitSeconds,
        changeWeight: request.changeWeight ?? 0,
        costWeight: request.costWeight ?? 0,
        now: () => performance.now(),
        shouldStop,
        onProgress: (p) => post({ type: 'progress', jobId, ...p }),
        memo,
      },
      solveWithHighs,
    );
    post({ type: 'result', jobId, result, cancelled: shouldStop() });
  } catch (error) {
    post({ type: 'error', jobId, message: error instanceof Error ? error.message : String(error) });
  }
}

if (!isMainThread && parentPort) {
  // Jobs run one after another, the first after the warm-up; a failed warm-up only leaves the worker cold.
  let queue: Promise<void> = warmUp()
    .catch(() => undefined)
    .then(() => post({ type: 'ready' }));
  parentPort.on('message', (command: OptimizeWorkerCommand) => {
    if (command.type === 'job') queue = queue.then(() => run(command));
  });
}
