import type { OptimizeResult, OptimizeStrategy } from '../../shared/optimize/optimize-plan';
import type { Plan } from '../../shared/plan/schema';

/** What one optimiser job solves: a validated plan and the options a user can set (all structured-clonable). */
export type OptimizeJobRequest = {
  plan: Plan;
  strategy: OptimizeStrategy;
  timeLimitSeconds: number;
  from?: string;
  to?: string;
  changeWeight?: number;
  costWeight?: number;
};

/**
 * Parent → worker: solve one request. The worker takes one job at a time and stays alive after it (warm), so the
 * next job finds HiGHS loaded and compiled and, for the same plan and window, the roster already built.
 * `cancelFlag` is an Int32Array over a SharedArrayBuffer: the parent stores 1 to stop the solver at its next
 * check; the worker then posts the best schedule so far.
 */
export type OptimizeWorkerCommand = {
  type: 'job';
  jobId: string;
  request: OptimizeJobRequest;
  cancelFlag: SharedArrayBuffer;
};

/**
 * Worker → parent: `ready` once HiGHS is loaded and warmed up; per job, progress while HiGHS runs, then exactly one
 * `result` or `error` naming the job.
 */
export type OptimizeWorkerMessage =
  | { type: 'ready' }
  | {
      type: 'progress';
      jobId: string;
      objective: number | null;
      bound: number | null;
      gap: number | null;
      elapsedMs: number;
    }
  /** `result` is null for a job cancelled before it began. */
  | { type: 'result'; jobId: string; result: OptimizeResult | null; cancelled: boolean }
  | { type: 'error'; jobId: string; message: string };
