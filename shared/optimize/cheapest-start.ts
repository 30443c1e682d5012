import { polishBalance } from './balance-search';
import { checkRoster } from './check-roster';
import type { MilpSolver } from './milp-model';
import { buildRosterMilp, decodeRosterAssignment } from './roster-milp';
import type { RosterAssignment, RosterModel } from './roster-model';

/** Limits of `cheapestHoldersStart`. */
export type CheapestStartOptions = {
  timeLimitSeconds: number;
  maxMoves: number;
  shouldStop?: () => boolean;
};

/**
 * A start that gives every period to its cheapest allowed holder (HiGHS on the roster with the deviation and
 * spread weights set to 0: the mean load and the penalties only), then evens the loads out with moves that keep
 * that total, then with any move (`polishBalance`). Null when the solve finds no roster in time or the result
 * breaks a hard rule.
 * Why: the annealing trades a little mean load for balance early and keeps it; on a large roster that costs more
 * than the gap allows. The cheapest roster is a linear MILP HiGHS solves at its root, and balancing from it keeps
 * the least mean load while the descent evens the people out.
 */
export async function cheapestHoldersStart(
  model: RosterModel,
  solve: MilpSolver,
  options: CheapestStartOptions,
): Promise<RosterAssignment | null> {
  const f = model.fairness;
  if (!f) return null;
  const linear: RosterModel = { ...model, fairness: { ...f, deviationWeight: 0, spreadWeight: 0 } };
  const milp = buildRosterMilp(linear);
  const solution = await solve(milp.problem, {
    timeLimitSeconds: options.timeLimitSeconds,
    relativeGap: 1e-6,
    shouldStop: options.shouldStop,
  });
  if (!solution.colValues) return null;
  const cheapest = decodeRosterAssignment(model, milp, solution.colValues);
  if (checkRoster(model, cheapest).violations.length > 0) return null;
  const even = polishBalance(model, cheapest, { ...options, keepLinear: true });
  return polishBalance(model, even, options);
}
