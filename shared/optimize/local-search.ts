import { mulberry32 } from '../simulation/prng';
import type { RosterAssignment, RosterModel } from './roster-model';
import { balanceTrade, giveCell, swapWindow, tradeCells } from './search-moves';
import { SearchState, searchModel, type Score } from './search-state';

/** How long to search and from which seed (same seed, same model → same result). */
export type LocalSearchOptions = {
  iterations: number;
  seed: number;
  /** Starting temperature of the annealing, in weighted hours (default 2 % of the mean period load). */
  temperature?: number;
};

/**
 * True when a model only has the rules the local search knows: hard cover of one person per cell, closed cells,
 * fixed cells, run limits over shift types and a hard weekend limit given by `weekendCells`, without clashes
 * across days — the shape of a plan roster, not of an NRP instance.
 */
export function supportsLocalSearch(model: RosterModel): boolean {
  return (
    model.fairness !== undefined &&
    (model.clashes?.length ?? 0) === 0 &&
    model.cover.every((c) => c.requirement === 1 && c.underWeight === null && c.overWeight === null) &&
    model.shiftTypes.every((st) => st.forbiddenNext.length === 0) &&
    model.staff.every(
      (s) =>
        s.maxMinutes === null &&
        s.minMinutes === null &&
        s.maxConsecutive === null &&
        s.minConsecutive === null &&
        s.minConsecutiveOff === null &&
        (s.maxWeekends === null || (model.weekendCells !== undefined && s.weekendPenalty === undefined)) &&
        s.maxShifts.every((m) => m === null || m === 0),
    )
  );
}

/**
 * Improves a feasible plan-roster assignment by moves that keep every hard rule: give a period to someone else,
 * trade two periods of one layer between two people, or trade layers within a period. A move is kept when it
 * lowers the objective (mean share + max |deviation| + spread + penalties), or leaves it equal and lowers the sum
 * of squared deviations, which walks the flat stretches of a min-max objective towards balance.
 * Why: balancing weighted load is number partitioning; moves like these find near-perfect splits in milliseconds,
 * and handed to HiGHS as a start they let it prove optimality at the root instead of searching for them.
 * Returns the start unchanged for models outside `supportsLocalSearch`.
 */
export function improveRoster(
  model: RosterModel,
  start: RosterAssignment,
  options: LocalSearchOptions,
): RosterAssignment {
  if (!supportsLocalSearch(model)) return start;
  const fairness = model.fairness!;
  if (fairness.meanWeight <= 0 || (fairness.deviationWeight === 0 && fairness.spreadWeight === 0)) {
    return anneal(model, start, options);
  }
  // Two phases: first the mean load (who takes the cells that cost them least: holidays of other regions, hours
  // that are not weekend or night in their zone), with balance only as the tie-breaker; then the full objective,
  // cooler, which balances while keeping those choices. One phase on the full objective stalls where moving a cheap
  // cell unbalances two people at once.
  const half = Math.floor(options.iterations / 2);
  const meanOnly: RosterModel = { ...model, fairness: { ...fairness, deviationWeight: 0, spreadWeight: 0 } };
  const first = anneal(meanOnly, start, { ...options, iterations: half });
  return anneal(model, first, {
    ...options,
    seed: options.seed + 1,
    iterations: options.iterations - half,
    temperature: (options.temperature ?? undefined) === undefined ? undefined : options.temperature! / 4,
    cool: true,
  });
}

/** The share of the annealing's moves that are balancing trades (see `balanceTrade`) when balance is scored. */
const BALANCE_SHARE = 0.1;

/**
 * Simulated annealing over the moves of `search-moves.ts` on one objective plus a small RMS-deviation term (which
 * walks the flat stretches of a min-max objective); returns the best assignment seen by (objective, squares).
 */
function anneal(
  model: RosterModel,
  start: RosterAssignment,
  options: LocalSearchOptions & { cool?: boolean },
): RosterAssignment {
  const m = searchModel(model);
  const { S, D, T } = m;
  const movable = model.cover.filter((c) => !m.fixed[c.day * T + c.shift]).map((c) => c.day * T + c.shift);
  if (movable.length === 0) return start;
  const st = new SearchState(m, start);
  const rng = mulberry32(options.seed);
  const schedule = coolingSchedule(model, st, movable, options);
  const energy = ([obj, sq]: Score) => obj + 1e-3 * Math.sqrt(sq / Math.max(1, st.who.length));
  let temperature = schedule.hot;
  let current = st.score();
  let currentEnergy = energy(current);
  let [best, bestSq] = current;
  let bestAsg = st.snapshot();
  const keep = () => {
    // The start keeps the weekend limit (or has none), so refusing any move that breaks it keeps it throughout.
    if (st.weekendExcess > st.allowedExcess) return false;
    const next = st.score();
    const e = energy(next);
    const delta = e - currentEnergy;
    if (delta <= 0 || rng() < Math.exp(-delta / temperature)) {
      current = next;
      currentEnergy = e;
      if (next[0] < best - 1e-9 || (next[0] <= best + 1e-9 && next[1] < bestSq - 1e-9)) {
        [best, bestSq] = next;
        bestAsg = st.snapshot();
      }
      return true;
    }
    return false;
  };
  const pick = <X>(list: readonly X[]) => list[Math.floor(rng() * list.length)]!;
  // Balancing trades only where balance is scored, and only when there is someone to balance against.
  const balancing =
    (model.fairness!.deviationWeight > 0 || model.fairness!.spreadWeight > 0) && st.who.length > 1;
  const devs = new Float64Array(S);

  for (let it = 0; it < options.iterations; it++) {
    temperature = schedule.hot * Math.pow(schedule.cold / schedule.hot, it / options.iterations);
    if (balancing && rng() < BALANCE_SHARE) {
      // The most loaded against anyone below them, or the least loaded against anyone above.
      const [hi, lo] = st.extremes(devs);
      const other = pick(st.who);
      const [a, b] = rng() < 0.5 ? [hi, other] : [other, lo];
      if (a !== b && devs[a]! > devs[b]!)
        balanceTrade(st, a, Math.floor(rng() * D), b, devs[a]! - devs[b]!, keep);
      continue;
    }
    const kind = rng();
    if (kind < 0.3 && S > 1) {
      const a = Math.floor(rng() * S);
      const b = (a + 1 + Math.floor(rng() * (S - 1))) % S;
      const span = 1 + Math.floor(rng() * Math.max(1, Math.floor(D / 2)));
      const from = Math.floor(rng() * Math.max(1, D - span + 1));
      swapWindow(st, a, b, from, Math.min(D, from + span), keep);
      continue;
    }
    const c1 = pick(movable);
    const d1 = Math.floor(c1 / T);
    const t1 = c1 % T;
    const a = st.holder[c1]!;
    if (a < 0) continue;
    if (kind < 0.55) {
      // Give the period to someone else.
      const b = Math.floor(rng() * S);
      if (b !== a) giveCell(st, a, d1, t1, b, keep);
    } else if (kind < 0.9) {
      // Trade two periods of the same layer.
      const d2 = Math.floor(rng() * D);
      const c2 = d2 * T + t1;
      const b = st.holder[c2]!;
      if (d2 === d1 || b < 0 || b === a || m.fixed[c2]) continue;
      tradeCells(st, a, d1, t1, b, d2, t1, keep);
    } else {
      // Trade layers within the period.
      if (T < 2) continue;
      const t2 = (t1 + 1 + Math.floor(rng() * (T - 1))) % T;
      const c2 = d1 * T + t2;
      const b = st.holder[c2]!;
      if (b < 0 || m.fixed[c2]) continue;
      tradeCells(st, a, d1, t1, b, d1, t2, keep);
    }
  }
  return bestAsg;
}

/**
 * The annealing's temperatures: from `hot` (by default 2 % of the mean load of a movable cell, 0.5 % when
 * cooling a second phase) down to `hot` × 10⁻⁴.
 */
function coolingSchedule(
  model: RosterModel,
  st: SearchState,
  movable: readonly number[],
  options: LocalSearchOptions & { cool?: boolean },
): { hot: number; cold: number } {
  const fairness = model.fairness!;
  let cellLoad = 0;
  let cells = 0;
  for (const c of movable) {
    const s = st.holder[c]!;
    if (s >= 0) [cellLoad, cells] = [cellLoad + fairness.load[s]![c]!, cells + 1];
  }
  const hot = Math.max(
    1e-6,
    options.temperature ?? ((options.cool ? 0.005 : 0.02) * cellLoad) / Math.max(1, cells),
  );
  return { hot, cold: hot * 1e-4 };
}
