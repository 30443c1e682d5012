import { createOptimizeJobs, type OptimizeJobs } from '../optimize/optimize-jobs';
import type { HandlerContext } from './context';
import { checkedPlan } from './checked-plan';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/**
 * How long after start the desktop app and the browser preview ready their optimiser worker: after the first plan
 * has loaded and painted, before a user reaches Propose. Loading HiGHS takes seconds of CPU; on a 2-core machine a
 * warm-up at 3 s ran beside the first load of a big plan and made it miss its target (see `npm run bench:ui`).
 */
export const OPTIMIZER_WARM_AFTER_MS = 15_000;

/**
 * `optimize:*`: optimiser jobs. A start validates the plan (the same door as a save, so a bad plan is refused with
 * its JSON paths) and hands it to a worker thread; the renderer polls the status and may cancel. In the desktop
 * app (and the preview, which passes its own registry) a worker is readied shortly after start, so the first
 * proposal does not wait for HiGHS to load.
 */
export function optimizeHandlers(
  ctx: HandlerContext,
  jobs: OptimizeJobs = ctx.optimizeJobs ??
    createOptimizeJobs(ctx.mode === 'electron' ? { warmAfterMs: OPTIMIZER_WARM_AFTER_MS } : {}),
): HandlerGroup {
  return {
    'optimize:start': async ({
      plan: raw,
      strategy,
      timeLimitSeconds,
      from,
      to,
      changeWeight,
      costWeight,
    }) => {
      const plan = checkedPlan(raw, 'The optimiser did not start');
      if (from && to && to < from) {
        throw new IpcError(
          'bad-payload',
          `The optimiser did not start: the window ends (${to}) before it starts (${from}).`,
          [{ path: 'to', message: `is before from (${from})` }],
        );
      }
      const jobId = jobs.start({
        plan,
        strategy,
        timeLimitSeconds,
        from,
        to,
        changeWeight,
        costWeight,
      });
      return { jobId };
    },
    'optimize:status': async ({ jobId }) => {
      const status = jobs.status(jobId);
      if (!status) {
        throw new IpcError(
          'not-found',
          `There is no optimiser job ${jobId}; it may have finished over five minutes ago.`,
        );
      }
      return status;
    },
    'optimize:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
