import { restrictProblem, type MilpIncumbent } from './lns';
import type { MilpProblem, MilpSolver } from './milp-model';
import type { RosterMilp } from './roster-milp';
import type { RosterModel } from './roster-model';

/** Settings of `constructRoster`; times are in the units of `now` (milliseconds). */
export type ConstructOptions = {
  solve: MilpSolver;
  now: () => number;
  /** No further pass starts after this (the roster so far is returned). */
  deadline: number;
  /** The first pass gives up (null) when it is not done by this (default `deadline`). */
  firstPassDeadline?: number;
  /** Time limit of one person's solve, in seconds. */
  subTimeLimitSeconds: number;
  absoluteGap?: number;
  /** The order in which people are placed (default: as listed). */
  order?: readonly number[];
  /**
   * Passes after the first in which each person is solved again against everybody else's roster, while a pass
   * gains (default 0).
   */
  passes?: number;
  shouldStop?: () => boolean;
};

/**
 * A first roster built one person at a time: everybody not yet placed is held off work, and each person's
 * decisions are solved exactly against the cover the people before them left, their own hard rules and wishes.
 * Why: on large rosters branch-and-bound's first incumbent is very poor (every cover slack open) and the
 * neighbourhood search spends most of its time walking down from it; a sequence of one-person MILPs of about a
 * hundred binaries each takes a fraction of a second per person and starts the search near good rosters. Every
 * rule of a nurse roster but cover is local to one person, and cover is soft, so placing people one by one never
 * dead-ends there; where the model has a rule across people that the partial roster cannot meet (a hard cover, a
 * pinned shift whose run rules need other days) a solve fails and the result is null: the caller goes on without.
 * The result is checked against every row of the full model before it is returned.
 */
export async function constructRoster(
  model: RosterModel,
  milp: Pick<RosterMilp, 'problem' | 'x'>,
  options: ConstructOptions,
): Promise<MilpIncumbent | null> {
  const problem = milp.problem;
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const lower = Float64Array.from(problem.colLower);
  const upper = Float64Array.from(problem.colUpper);
  const columnsOf = (s: number) => {
    const out: number[] = [];
    for (let k = s * D * T; k < (s + 1) * D * T; k++) if (milp.x[k]! >= 0) out.push(milp.x[k]!);
    return out;
  };
  // Nobody placed yet: every decision at its lower bound (off, or a pinned shift).
  for (const c of milp.x) if (c >= 0) upper[c] = lower[c]!;
  let last: Float64Array | null = null;
  const order = options.order ?? Array.from({ length: S }, (_, s) => s);
  const people = Array.from({ length: 1 + (options.passes ?? 0) }, () => order).flat();
  let passObjective = Infinity;
  for (const [k, s] of people.entries()) {
    if (k > 0 && k % order.length === 0) {
      // A pass ends: stop once it brought nothing.
      const objective = last && feasibleObjective(problem, last);
      if (objective === null || objective === undefined || objective >= passObjective - 1e-6) break;
      passObjective = objective;
    }
    // Out of time: nothing without a whole first pass; after it, the roster so far.
    const first = k < order.length;
    const until = first ? (options.firstPassDeadline ?? options.deadline) : options.deadline;
    const left = (until - options.now()) / 1000;
    if ((options.shouldStop?.() ?? false) || left <= 0) {
      if (first) return null;
      break;
    }
    const own = columnsOf(s);
    for (const c of own) {
      lower[c] = problem.colLower[c]!;
      upper[c] = problem.colUpper[c]!;
    }
    const sub = restrictProblem(problem, lower, upper);
    const solved = await options.solve(sub.problem, {
      timeLimitSeconds: Math.min(options.subTimeLimitSeconds, left),
      absoluteGap: options.absoluteGap,
      ...(last && {
        start: {
          indices: Int32Array.from(sub.columns.keys()),
          values: Float64Array.from(sub.columns, (c) => last![c]!),
        },
      }),
    });
    if (!solved.colValues) {
      // A later pass cut short keeps the person's roster from the pass before.
      if (!last) return null;
      for (const c of own) lower[c] = upper[c] = Math.round(last[c]!);
      continue;
    }
    last = sub.expand(solved.colValues);
    for (const c of own) {
      const v = Math.round(last[c]!);
      lower[c] = v;
      upper[c] = v;
    }
  }
  if (!last) return null;
  for (const c of milp.x) if (c >= 0) last[c] = lower[c]!;
  const objective = feasibleObjective(problem, last);
  return objective === null ? null : { objective, colValues: last };
}

/**
 * The first roster of a roster solve with `timeLimitSeconds` from `began`: `constructRoster` with two improvement
 * passes, people of at most 5 s each, no pass started after 15 % of the time and nothing kept unless the first
 * pass is done by half of it. Why these: on a loaded machine the first pass may take longer, and it is still
 * worth far more than branch-and-bound's first roster; the passes after it gain less and less.
 */
export function constructFirstRoster(
  model: RosterModel,
  milp: Pick<RosterMilp, 'problem' | 'x'>,
  budget: Pick<ConstructOptions, 'solve' | 'now' | 'absoluteGap' | 'shouldStop'> & {
    began: number;
    timeLimitSeconds: number;
  },
): Promise<MilpIncumbent | null> {
  const ms = budget.timeLimitSeconds * 1000;
  return constructRoster(model, milp, {
    solve: budget.solve,
    now: budget.now,
    deadline: budget.began + ms * 0.15,
    firstPassDeadline: budget.began + ms * 0.5,
    subTimeLimitSeconds: 5,
    absoluteGap: budget.absoluteGap,
    passes: 2,
    shouldStop: budget.shouldStop,
  });
}

/**
 * The objective of a column vector when it meets every bound, row and integrality of the problem (within
 * `tolerance`), null otherwise. Why: a roster built from pieces is only handed on as a solution once the whole
 * model accepts it.
 */
export function feasibleObjective(
  problem: MilpProblem,
  colValues: Float64Array,
  tolerance = 1e-6,
): number | null {
  let objective = problem.offset;
  for (let c = 0; c < problem.numCols; c++) {
    const v = colValues[c]!;
    if (!(v >= problem.colLower[c]! - tolerance && v <= problem.colUpper[c]! + tolerance)) return null;
    if (problem.integrality[c] && Math.abs(v - Math.round(v)) > tolerance) return null;
    objective += problem.colCost[c]! * v;
  }
  for (let r = 0; r < problem.numRows; r++) {
    let activity = 0;
    for (let k = problem.rowStarts[r]!; k < problem.rowStarts[r + 1]!; k++)
      activity += problem.values[k]! * colValues[problem.colIndex[k]!]!;
    if (activity < problem.rowLower[r]! - tolerance || activity > problem.rowUpper[r]! + tolerance)
      return null;
  }
  return objective;
}
