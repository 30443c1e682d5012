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

/** The worker's start data: the request and a shared cancel flag (Int32Array over a SharedArrayBuffer). */
export type OptimizeWorkerData = { request: OptimizeJobRequest; cancelFlag: SharedArrayBuffer };

/** Parent → worker: stop at the solver's next check and post the best schedule so far. */
export type OptimizeWorkerCommand = { type: 'cancel' };

/** Worker → parent: progress while HiGHS runs, then exactly one `result` or `error`. */
export type OptimizeWorkerMessage =
  | {
      type: 'progress';
      objective: number | null;
      bound: number | null;
      gap: number | null;
      elapsedMs: number;
    }
  | { type: 'result'; result: OptimizeResult; cancelled: boolean }
  | { type: 'error'; message: string };
