import type {
  MilpIncumbentReport,
  MilpProblem,
  MilpProgress,
  MilpSolution,
  MilpSolveOptions,
} from '../../shared/optimize/milp-model';

/** The options of a solve that cross to the thread: everything but the callbacks, which become messages. */
export type ThreadSolveOptions = Omit<MilpSolveOptions, 'onProgress' | 'onIncumbent' | 'shouldStop'> & {
  reportIncumbents: boolean;
  reportProgress: boolean;
};

/**
 * Parent → thread: solve one problem. `stop` is an Int32Array over a SharedArrayBuffer the parent sets to 1 while
 * the thread is blocked in HiGHS, which reads it at its own checks.
 */
export type ThreadCommand = {
  type: 'solve';
  id: number;
  problem: MilpProblem;
  options: ThreadSolveOptions;
  stop: SharedArrayBuffer;
};

/** Thread → parent: `ready` once HiGHS is loaded; per solve, progress and incumbents, then one result or error. */
export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: MilpProgress }
  | { type: 'incumbent'; id: number; incumbent: MilpIncumbentReport }
  | { type: 'result'; id: number; solution: MilpSolution }
  | { type: 'error'; id: number; message: string };
