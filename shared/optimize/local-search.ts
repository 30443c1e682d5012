import { mulberry32 } from '../simulation/prng';
import type { RosterAssignment, RosterModel } from './roster-model';

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

/** Simulated annealing over the moves below, on one objective; returns the best assignment seen. */
function anneal(
  model: RosterModel,
  start: RosterAssignment,
  options: LocalSearchOptions & { cool?: boolean },
): RosterAssignment {
  const fairness = model.fairness!;
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const asg = start.map((row) => Int32Array.from(row));
  const rng = mulberry32(options.seed);

  const closed = new Uint8Array(S * D * T);
  for (const u of model.unavailable) {
    for (let t = 0; t < T; t++) if (u.shift < 0 || u.shift === t) closed[(u.staff * D + u.day) * T + t] = 1;
  }
  model.staff.forEach((st, s) =>
    st.maxShifts.forEach((m, t) => {
      if (m === 0) for (let d = 0; d < D; d++) closed[(s * D + d) * T + t] = 1;
    }),
  );
  const fixed = new Uint8Array(D * T);
  for (const f of model.fixed) fixed[f.day * T + f.shift] = 1;
  const holder = new Int32Array(D * T).fill(-1);
  for (let s = 0; s < S; s++)
    for (let d = 0; d < D; d++) if (asg[s]![d]! >= 0) holder[d * T + asg[s]![d]!] = s;
  const movable = model.cover.filter((c) => !fixed[c.day * T + c.shift]).map((c) => c.day * T + c.shift);
  if (movable.length === 0) return start;

  const cellCost = model.staff.map(() => new Float64Array(D * T));
  for (const r of model.requests) {
    // Shift −1 (any layer): a person holds at most one shift a day, so the cost spreads exactly over each.
    for (let t = 0; t < T; t++) {
      if (r.shift >= 0 && r.shift !== t) continue;
      cellCost[r.staff]![r.day * T + t]! += r.kind === 'off' ? r.weight : -r.weight;
    }
  }
  if (model.current) {
    const { assignment, changeWeight } = model.current;
    for (let s = 0; s < S; s++) {
      for (let d = 0; d < D; d++) {
        const t = assignment[s]?.[d] ?? -1;
        if (t < 0) continue;
        for (let o = 0; o < S; o++) if (o !== s) cellCost[o]![d * T + t]! += changeWeight;
      }
    }
  }

  const load = model.staff.map((_, s) => fairness.baseLoad[s] ?? 0);
  const total = model.shiftTypes.map((_, t) => fairness.baseTotal[t] ?? 0);
  let penalty = 0;
  for (let s = 0; s < S; s++) {
    for (let d = 0; d < D; d++) {
      const t = asg[s]![d]!;
      if (t < 0) continue;
      load[s]! += fairness.load[s]![d * T + t]!;
      total[t]! += fairness.load[s]![d * T + t]!;
      penalty += cellCost[s]![d * T + t]!;
    }
  }
  const who = model.staff.map((_, s) => s).filter((s) => fairness.share[s]!.some((v) => v > 0));
  const score = (): [number, number] => {
    let max = -Infinity;
    let min = Infinity;
    let sq = 0;
    let sum = 0;
    for (const t of total) sum += t;
    for (const s of who) {
      let fair = 0;
      const share = fairness.share[s]!;
      for (let t = 0; t < T; t++) fair += share[t]! * total[t]!;
      const dev = load[s]! - fair;
      if (dev > max) max = dev;
      if (dev < min) min = dev;
      sq += dev * dev;
    }
    if (who.length === 0) return [penalty, 0];
    const mean = sum / who.length;
    const objective =
      fairness.meanWeight * mean +
      fairness.deviationWeight * Math.max(max, -min) +
      fairness.spreadWeight * (max - min) +
      penalty;
    return [objective, sq];
  };

  const runOk = (s: number, d: number, t: number): boolean => {
    const limit = model.staff[s]!.runLimits.find((l) => l.shiftTypes.includes(t));
    if (!limit) return true;
    const on = (k: number) => limit.shiftTypes.includes(asg[s]![k]!);
    let left = 0;
    let k = d - 1;
    while (k >= 0 && on(k)) [left, k] = [left + 1, k - 1];
    if (k < 0) left += limit.before;
    let right = 0;
    k = d + 1;
    while (k < D && on(k)) [right, k] = [right + 1, k + 1];
    if (k >= D) right += limit.after;
    return left + 1 + right <= limit.max;
  };
  // Weekends per person: how many held cells touch each weekend (kept shifts count once for good), how many
  // distinct weekends that makes, and the total excess over the limits, which every kept move must leave at 0.
  const weekendsOfCell = new Map<number, number[]>();
  for (const c of model.weekendCells ?? []) {
    const key = c.day * T + c.shift;
    const list = weekendsOfCell.get(key) ?? [];
    if (!list.includes(c.weekend)) list.push(c.weekend);
    weekendsOfCell.set(key, list);
  }
  const weekendLimit = model.staff.map((st) => st.maxWeekends ?? Infinity);
  const weekendCount = model.staff.map(() => new Map<number, number>());
  const weekendsHeld = model.staff.map(() => 0);
  let weekendExcess = 0;
  const countWeekends = (s: number, d: number, t: number, delta: 1 | -1) => {
    const list = weekendsOfCell.get(d * T + t);
    if (!list || weekendLimit[s] === Infinity) return;
    const before = Math.max(0, weekendsHeld[s]! - weekendLimit[s]!);
    for (const k of list) {
      const n = (weekendCount[s]!.get(k) ?? 0) + delta;
      weekendCount[s]!.set(k, n);
      if (n === 0 && delta < 0) weekendsHeld[s]!--;
      if (n === 1 && delta > 0) weekendsHeld[s]!++;
    }
    weekendExcess += Math.max(0, weekendsHeld[s]! - weekendLimit[s]!) - before;
  };
  model.staff.forEach((st, s) => {
    for (const k of st.weekendsHeld ?? []) {
      weekendCount[s]!.set(k, 1);
      weekendsHeld[s]!++;
    }
    for (let d = 0; d < D; d++) if (asg[s]![d]! >= 0) countWeekends(s, d, asg[s]![d]!, 1);
  });
  weekendExcess = model.staff.reduce(
    (acc, _, s) => acc + Math.max(0, weekendsHeld[s]! - weekendLimit[s]!),
    0,
  );
  // A start over the limit (never from optimizePlan, which only improves feasible starts) may not get worse.
  const allowedExcess = weekendExcess;
  const place = (s: number, d: number, t: number) => {
    countWeekends(s, d, t, 1);
    asg[s]![d] = t;
    holder[d * T + t] = s;
    const a = fairness.load[s]![d * T + t]!;
    load[s]! += a;
    total[t]! += a;
    penalty += cellCost[s]![d * T + t]!;
  };
  const lift = (s: number, d: number, t: number) => {
    countWeekends(s, d, t, -1);
    asg[s]![d] = -1;
    holder[d * T + t] = -1;
    const a = fairness.load[s]![d * T + t]!;
    load[s]! -= a;
    total[t]! -= a;
    penalty -= cellCost[s]![d * T + t]!;
  };
  // The run through day d when s already holds t there.
  const runOkHeld = (s: number, d: number, t: number) => {
    asg[s]![d] = -1;
    const ok = runOk(s, d, t);
    asg[s]![d] = t;
    return ok;
  };
  const canTake = (s: number, d: number, t: number) =>
    !closed[(s * D + d) * T + t] && asg[s]![d] === -1 && runOk(s, d, t);

  // Simulated annealing on objective + a small RMS-deviation term (which walks the flat stretches of a min-max
  // objective); the best assignment by (objective, squares) is kept aside.
  const energy = ([obj, sq]: [number, number]) => obj + 1e-3 * Math.sqrt(sq / Math.max(1, who.length));
  let current = score();
  let currentEnergy = energy(current);
  let [best, bestSq] = current;
  let bestAsg = asg.map((row) => Int32Array.from(row));
  let cellLoad = 0;
  let cells = 0;
  for (const c of movable) {
    const s = holder[c]!;
    if (s >= 0) [cellLoad, cells] = [cellLoad + fairness.load[s]![c]!, cells + 1];
  }
  const hot = Math.max(
    1e-6,
    options.temperature ?? ((options.cool ? 0.005 : 0.02) * cellLoad) / Math.max(1, cells),
  );
  const cold = hot * 1e-4;
  let temperature = hot;
  const keep = () => {
    // The start keeps the weekend limit (or has none), so refusing any move that breaks it keeps it throughout.
    if (weekendExcess > allowedExcess) return false;
    const next = score();
    const e = energy(next);
    const delta = e - currentEnergy;
    if (delta <= 0 || rng() < Math.exp(-delta / temperature)) {
      current = next;
      currentEnergy = e;
      if (next[0] < best - 1e-9 || (next[0] <= best + 1e-9 && next[1] < bestSq - 1e-9)) {
        [best, bestSq] = next;
        bestAsg = asg.map((row) => Int32Array.from(row));
      }
      return true;
    }
    return false;
  };
  const pick = <X>(list: readonly X[]) => list[Math.floor(rng() * list.length)]!;

  // Swap everything two people hold in days [from, to): their runs inside the window move together, so the
  // spacing rules mostly hold and only the window's edges need checking; the load change is the difference of two
  // sums, which gives the fine steps that balancing needs.
  const swapWindow = (a: number, b: number, from: number, to: number): boolean => {
    for (let d = from; d < to; d++) {
      const ta = asg[a]![d]!;
      const tb = asg[b]![d]!;
      if ((ta >= 0 && fixed[d * T + ta]) || (tb >= 0 && fixed[d * T + tb])) return false;
    }
    const lifted: [number, number, number][] = [];
    for (let d = from; d < to; d++) {
      const ta = asg[a]![d]!;
      const tb = asg[b]![d]!;
      if (ta >= 0) lift(a, d, ta);
      if (tb >= 0) lift(b, d, tb);
      lifted.push([d, ta, tb]);
    }
    let ok = true;
    for (const [d, ta, tb] of lifted) {
      if (tb >= 0) {
        if (closed[(a * D + d) * T + tb]) ok = false;
        place(a, d, tb);
      }
      if (ta >= 0) {
        if (closed[(b * D + d) * T + ta]) ok = false;
        place(b, d, ta);
      }
    }
    if (ok) {
      for (const [d, ta, tb] of lifted) {
        if ((tb >= 0 && !runOkHeld(a, d, tb)) || (ta >= 0 && !runOkHeld(b, d, ta))) {
          ok = false;
          break;
        }
      }
    }
    if (ok && keep()) return true;
    for (const [d, ta, tb] of lifted) {
      if (tb >= 0) lift(a, d, tb);
      if (ta >= 0) lift(b, d, ta);
    }
    for (const [d, ta, tb] of lifted) {
      if (ta >= 0) place(a, d, ta);
      if (tb >= 0) place(b, d, tb);
    }
    return false;
  };

  for (let it = 0; it < options.iterations; it++) {
    temperature = hot * Math.pow(cold / hot, it / options.iterations);
    const kind = rng();
    if (kind < 0.3 && S > 1) {
      const a = Math.floor(rng() * S);
      const b = (a + 1 + Math.floor(rng() * (S - 1))) % S;
      const span = 1 + Math.floor(rng() * Math.max(1, Math.floor(D / 2)));
      const from = Math.floor(rng() * Math.max(1, D - span + 1));
      swapWindow(a, b, from, Math.min(D, from + span));
      continue;
    }
    const c1 = pick(movable);
    const d1 = Math.floor(c1 / T);
    const t1 = c1 % T;
    const a = holder[c1]!;
    if (a < 0) continue;
    if (kind < 0.55) {
      // Give the period to someone else.
      const b = Math.floor(rng() * S);
      if (b === a) continue;
      lift(a, d1, t1);
      if (canTake(b, d1, t1)) {
        place(b, d1, t1);
        if (keep()) continue;
        lift(b, d1, t1);
      }
      place(a, d1, t1);
    } else if (kind < 0.9) {
      // Trade two periods of the same layer.
      const d2 = Math.floor(rng() * D);
      const c2 = d2 * T + t1;
      const b = holder[c2]!;
      if (d2 === d1 || b < 0 || b === a || fixed[c2]) continue;
      lift(a, d1, t1);
      lift(b, d2, t1);
      if (canTake(a, d2, t1)) {
        place(a, d2, t1);
        if (canTake(b, d1, t1)) {
          place(b, d1, t1);
          if (keep()) continue;
          lift(b, d1, t1);
        }
        lift(a, d2, t1);
      }
      place(a, d1, t1);
      place(b, d2, t1);
    } else {
      // Trade layers within the period.
      if (T < 2) continue;
      const t2 = (t1 + 1 + Math.floor(rng() * (T - 1))) % T;
      const c2 = d1 * T + t2;
      const b = holder[c2]!;
      if (b < 0 || fixed[c2]) continue;
      lift(a, d1, t1);
      lift(b, d1, t2);
      if (canTake(a, d1, t2)) {
        place(a, d1, t2);
        if (canTake(b, d1, t1)) {
          place(b, d1, t1);
          if (keep()) continue;
          lift(b, d1, t1);
        }
        lift(a, d1, t2);
      }
      place(a, d1, t1);
      place(b, d1, t2);
    }
  }
  return bestAsg;
}
