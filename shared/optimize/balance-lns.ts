import { mulberry32 } from '../simulation/prng';
import { checkRoster } from './check-roster';
import { largeNeighbourhoodSearch } from './lns';
import type { MilpSolver } from './milp-model';
import { decodeRosterAssignment, startColumns, type RosterMilp } from './roster-milp';
import type { RosterAssignment, RosterModel } from './roster-model';

/** Settings of `balanceLns`. */
export type BalanceLnsOptions = {
  solve: MilpSolver;
  /** Milliseconds, from any origin. */
  now: () => number;
  deadline: number;
  seed: number;
  /** People freed per neighbourhood: the most and the least loaded, and random others (default 5). */
  people?: number;
  /** Time limit of one neighbourhood solve (default 3 s). */
  subTimeLimitSeconds?: number;
  shouldStop?: () => boolean;
  /** Called with the objective of every better roster found. */
  onImprove?: (objective: number) => void;
};

/**
 * Large-neighbourhood search aimed at the fairness extremes: each round frees every period of the most and the
 * least loaded person and of a few random others over the whole horizon, and HiGHS re-deals them among those
 * people from the incumbent. Returns the best roster (never worse than the start).
 * Why aimed: the min-max objective only moves when the extremes do; random neighbourhoods of a 25-person roster
 * seldom hold both, and a sub-MILP of a few people's whole year is small enough for HiGHS to solve to optimality.
 */
export async function balanceLns(
  model: RosterModel,
  milp: RosterMilp,
  start: RosterAssignment,
  options: BalanceLnsOptions,
): Promise<RosterAssignment> {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const people = Math.min(S, options.people ?? 5);
  let current = startColumns(model, milp, start);
  const fixable = Int32Array.from([...milp.x].filter((c) => c >= 0).sort((a, b) => a - b));
  const search = await largeNeighbourhoodSearch(
    milp.problem,
    { objective: checkRoster(model, start).objective, colValues: current },
    {
      solve: options.solve,
      now: options.now,
      deadline: options.deadline,
      rng: mulberry32(options.seed),
      fixable,
      size: { start: 1, min: 1, max: 1 },
      subTimeLimitSeconds: options.subTimeLimitSeconds ?? 3,
      shouldStop: options.shouldStop,
      neighbourhood: (rng) => {
        const check = checkRoster(model, decodeRosterAssignment(model, milp, current));
        const who = check.fairness!.deviation.flatMap((d, s) => (d === null ? [] : [[s, d] as const]));
        who.sort((a, b) => b[1] - a[1]);
        const group = new Set<number>();
        if (who.length > 0) group.add(who[0]![0]).add(who[who.length - 1]![0]);
        while (group.size < people) group.add(Math.floor(rng() * S));
        const out: number[] = [];
        for (const s of group)
          for (let d = 0; d < D; d++)
            for (let t = 0; t < T; t++) {
              const c = milp.x[(s * D + d) * T + t]!;
              if (c >= 0) out.push(c);
            }
        return Int32Array.from(out.sort((a, b) => a - b));
      },
      onImprove: (best) => {
        current = best.colValues;
        options.onImprove?.(best.objective);
      },
    },
  );
  return decodeRosterAssignment(model, milp, search.best.colValues);
}
