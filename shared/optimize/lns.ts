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
  neighbourhood: (rng: Rng, size: number, best: MilpIncumbent) => Int32Array;
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
  /**
   * Called after every round with whether it improved the incumbent, how long its sub-solve took and whether that
   * solve finished (an adaptive neighbourhood learns from it).
   */
  onRound?: (improved: boolean, round: { seconds: number; complete: boolean }) => void;
  /** Whether the search adapts `size` itself (default); false when the neighbourhood sizes its own draws. */
  adaptSize?: boolean;
  /**
   * Polled before every round for a better solution found elsewhere (a full solve beside the search); the search
   * continues from it when it is better than its own.
   */
  adopt?: () => MilpIncumbent | null;
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
  while (
    options.now() < options.deadline &&
    stall < (options.maxStallRounds ?? Infinity) &&
    !(options.shouldStop?.() ?? false)
  ) {
    const found = options.adopt?.();
    if (found && found.objective < best.objective - 1e-6) {
      best = found;
      options.fixable.forEach((c, k) => (fixed[k] = Math.round(best.colValues[c]!)));
      stall = 0;
    }
    rounds++;
    const free = options.neighbourhood(options.rng, Math.round(size), best);
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
    const sub = restrictProblem(problem, lower, upper);
    const reduced = await options.solve(sub.problem, {
      timeLimitSeconds: seconds,
      absoluteGap: options.absoluteGap,
      start: {
        indices: Int32Array.from({ length: sub.columns.length }, (_, k) => k),
        values: Float64Array.from(sub.columns, (c) => best.colValues[c]!),
      },
    });
    const outcome = {
      ...reduced,
      colValues: reduced.colValues && sub.expand(reduced.colValues),
    };
    const round = { seconds: reduced.elapsedMs / 1000, complete: outcome.status === 'optimal' };
    if (outcome.colValues && outcome.objective !== null && outcome.objective < best.objective - 1e-6) {
      best = { objective: outcome.objective, colValues: outcome.colValues };
      options.fixable.forEach((c, k) => (fixed[k] = Math.round(best.colValues[c]!)));
      improvements++;
      stall = 0;
      options.onImprove?.(best);
      options.onRound?.(true, round);
      continue;
    }
    options.onRound?.(false, round);
    stall++;
    if (options.adaptSize === false) continue;
    if (round.complete) {
      size = Math.min(options.size.max, size * 1.15);
    } else {
      size = Math.max(options.size.min, size * 0.85);
    }
  }
  return { best, rounds, improvements, size };
}

/**
 * The MILP left when every column whose bounds meet is replaced by its value: those columns leave, their share of
 * each row moves into the row bounds and their cost into the offset, and rows with nothing free left are dropped.
 * Why: a neighbourhood frees a few hundred of thousands of columns; handing the solver only what is free saves
 * copying and presolving the whole model in every round. `expand` maps a sub-solution back to all columns.
 */
export function restrictProblem(
  problem: MilpProblem,
  lower: Float64Array,
  upper: Float64Array,
): { problem: MilpProblem; columns: Int32Array; expand: (values: Float64Array) => Float64Array } {
  const position = new Int32Array(problem.numCols).fill(-1);
  const columns: number[] = [];
  let offset = problem.offset;
  for (let c = 0; c < problem.numCols; c++) {
    if (lower[c] === upper[c]) offset += problem.colCost[c]! * lower[c]!;
    else {
      position[c] = columns.length;
      columns.push(c);
    }
  }
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowStarts: number[] = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  const rowNames: string[] = [];
  for (let r = 0; r < problem.numRows; r++) {
    let fixedActivity = 0;
    const before = colIndex.length;
    for (let k = problem.rowStarts[r]!; k < problem.rowStarts[r + 1]!; k++) {
      const c = problem.colIndex[k]!;
      if (position[c]! < 0) fixedActivity += problem.values[k]! * lower[c]!;
      else {
        colIndex.push(position[c]!);
        values.push(problem.values[k]!);
      }
    }
    if (colIndex.length === before) continue;
    rowLower.push(problem.rowLower[r]! - fixedActivity);
    rowUpper.push(problem.rowUpper[r]! - fixedActivity);
    rowStarts.push(colIndex.length);
    rowNames.push(problem.rowNames[r] ?? `r${r}`);
  }
  const kept = Int32Array.from(columns);
  return {
    problem: {
      numCols: kept.length,
      numRows: rowLower.length,
      colCost: Float64Array.from(kept, (c) => problem.colCost[c]!),
      colLower: Float64Array.from(kept, (c) => lower[c]!),
      colUpper: Float64Array.from(kept, (c) => upper[c]!),
      integrality: Int32Array.from(kept, (c) => problem.integrality[c]!),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      rowStarts: Int32Array.from(rowStarts),
      colIndex: Int32Array.from(colIndex),
      values: Float64Array.from(values),
      offset,
      colNames: Array.from(kept, (c) => problem.colNames[c] ?? `c${c}`),
      rowNames,
    },
    columns: kept,
    expand: (sub) => {
      const full = Float64Array.from(lower);
      kept.forEach((c, k) => (full[c] = sub[k]!));
      return full;
    },
  };
}
