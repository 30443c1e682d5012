import type { Rng } from '../simulation/prng';
import type { MilpProblem, MilpSolver } from './milp-model';

/** A feasible solution of a MilpProblem: its objective (offset included) and every column's value. */
export type MilpIncumbent = { objective: number; colValues: Float64Array };

/** Settings of a large-neighbourhood search; times are in the units of `now` (milliseconds). */
export type LnsOptions = {
  /** Solves one sub-MILP; it gets the incumbent as a start and a short time limit. */
  solve: MilpSolver;
  /** The clock (injected: shared code reads no time itself). */
  now: () => number;
  /** The search stops starting sub-solves once `now()` reaches this. */
  deadline: number;
  /** Seeded random numbers: the same seed draws the same neighbourhoods. */
  rng: Rng;
  /** Columns a neighbourhood may fix at the incumbent (the decisions; auxiliary columns follow them). */
  fixable: Int32Array;
  /**
   * The columns left free in one round, a subset of `fixable`, of about `size` columns (the search adapts `size`:
   * larger after a neighbourhood solved to optimality without a gain, smaller after one cut short).
   */
  neighbourhood: (rng: Rng, size: number) => Int32Array;
  /** Starting size of a neighbourhood and its range. */
  size: { start: number; min: number; max: number };
  /** Time limit of one sub-solve, in seconds. */
  subTimeLimitSeconds: number;
  /** Passed to every sub-solve (0.99 when every objective is an integer). */
  absoluteGap?: number;
  /** Stop after this many rounds in a row without a gain (default: never): the neighbourhoods are exhausted. */
  maxStallRounds?: number;
  /** Polled between rounds; true stops the search with the best solution so far. */
  shouldStop?: () => boolean;
  /** Called with every improvement. */
  onImprove?: (incumbent: MilpIncumbent) => void;
};

/** What the search did, next to the best solution it holds (never worse than the start). */
export type LnsResult = {
  best: MilpIncumbent;
  rounds: number;
  improvements: number;
  /** Neighbourhood size at the end (after adaptation). */
  size: number;
};

/**
 * Large-neighbourhood search over a MILP: fix every `fixable` column outside a neighbourhood at the incumbent,
 * solve the small MILP that is left from the incumbent with a short limit, keep a strict improvement, repeat until
 * the deadline. Why: on large rosters a full branch-and-bound spends its time in the root cut loop and finds poor
 * solutions; a sub-MILP of a few hundred free binaries is solved to optimality in a second, and a sequence of them
 * walks the incumbent down quickly. The neighbourhood's fixings are only column bounds, so every sub-solution is a
 * feasible solution of the full model; the proven bound must still come from the full model (the caller's job).
 * Pure: the solver, the clock and the random numbers are passed in.
 */
export async function largeNeighbourhoodSearch(
  problem: MilpProblem,
  start: MilpIncumbent,
  options: LnsOptions,
): Promise<LnsResult> {
  let best = start;
  let size = Math.max(options.size.min, Math.min(options.size.max, options.size.start));
  let rounds = 0;
  let improvements = 0;
  let stall = 0;
  const lower = Float64Array.from(problem.colLower);
  const upper = Float64Array.from(problem.colUpper);
  const fixed = Float64Array.from(options.fixable, (c) => Math.round(start.colValues[c]!));
  const indices = Int32Array.from({ length: problem.numCols }, (_, k) => k);
  while (
    options.now() < options.deadline &&
    stall < (options.maxStallRounds ?? Infinity) &&
    !(options.shouldStop?.() ?? false)
  ) {
    rounds++;
    const free = options.neighbourhood(options.rng, Math.round(size));
    options.fixable.forEach((c, k) => {
      lower[c] = fixed[k]!;
      upper[c] = fixed[k]!;
    });
    for (const c of free) {
      lower[c] = problem.colLower[c]!;
      upper[c] = problem.colUpper[c]!;
    }
    const seconds = Math.min(options.subTimeLimitSeconds, (options.deadline - options.now()) / 1000);
    if (seconds < 0.05) break;
    const outcome = await options.solve(
      { ...problem, colLower: lower, colUpper: upper },
      {
        timeLimitSeconds: seconds,
        absoluteGap: options.absoluteGap,
        start: { indices, values: best.colValues },
      },
    );
    if (outcome.colValues && outcome.objective !== null && outcome.objective < best.objective - 1e-6) {
      best = { objective: outcome.objective, colValues: outcome.colValues };
      options.fixable.forEach((c, k) => (fixed[k] = Math.round(best.colValues[c]!)));
      improvements++;
      stall = 0;
      options.onImprove?.(best);
      continue;
    }
    stall++;
    if (outcome.status === 'optimal') {
      size = Math.min(options.size.max, size * 1.15);
    } else {
      size = Math.max(options.size.min, size * 0.85);
    }
  }
  return { best, rounds, improvements, size };
}
