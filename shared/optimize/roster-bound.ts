import { supportsLocalSearch } from './local-search';
import type { RosterModel } from './roster-model';

/**
 * What the cheapest holders of a plan roster's cells weigh, cell by cell: the pieces of the bounds in
 * `assignmentBound` and `fairnessBound`. `perLoad` is the mean term's weight per unit of load (meanWeight over the
 * participants), `constant` the part no assignment changes (kept load, wishes to be on call). Per cover entry:
 * `lane` its shift type, `minLoad` and `maxLoad` the least and most load an allowed holder gives it, `minCost` the least penalty (wishes,
 * holiday repeats, changes) any allowed holder pays, `minBoth` the least of perLoad × load + penalty over one holder.
 */
export type CellBounds = {
  perLoad: number;
  constant: number;
  cells: {
    lane: number;
    minLoad: number;
    maxLoad: number;
    minCost: number;
    minBoth: number;
    /** The people who may hold the cell. */
    holders: number[];
  }[];
};

/**
 * The cheapest holders of every cell (see `CellBounds`), or null for models outside `supportsLocalSearch`, without
 * a mean term, or with a cell nobody may hold.
 * Why one function for both bounds: they must agree on who may hold a cell (time off, lanes a person may not hold,
 * kept shifts), or one of them could claim more than the other proves.
 */
export function cellBounds(model: RosterModel): CellBounds | null {
  const f = model.fairness;
  if (!f || f.meanWeight <= 0 || !supportsLocalSearch(model)) return null;
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const participants = f.share.filter((row) => row.some((v) => v > 0)).length;
  if (participants === 0) return null;
  const perLoad = f.meanWeight / participants;

  const closed = new Uint8Array(S * D * T);
  for (const u of model.unavailable) {
    for (let t = 0; t < T; t++) if (u.shift < 0 || u.shift === t) closed[(u.staff * D + u.day) * T + t] = 1;
  }
  const fixedTo = new Map(model.fixed.map((c) => [c.day * T + c.shift, c.staff]));
  const cost = model.staff.map(() => new Float64Array(D * T));
  let constant = f.baseTotal.reduce((acc, v) => acc + v, 0) * perLoad;
  for (const r of model.requests) {
    if (r.kind === 'on') constant += r.weight;
    // Shift −1 (any shift): at most one shift a day, so the cost spreads exactly over each shift type.
    for (let t = 0; t < T; t++) {
      if (r.shift < 0 || r.shift === t)
        cost[r.staff]![r.day * T + t]! += r.kind === 'on' ? -r.weight : r.weight;
    }
  }
  if (model.current) {
    const { assignment, changeWeight } = model.current;
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) {
        const holder = assignment.findIndex((row) => row[d] === t);
        if (holder < 0) continue;
        for (let s = 0; s < S; s++) if (s !== holder) cost[s]![d * T + t]! += changeWeight;
      }
    }
  }
  const cells: CellBounds['cells'] = [];
  for (const c of model.cover) {
    const cell = c.day * T + c.shift;
    const fixed = fixedTo.get(cell);
    let minLoad = Infinity;
    let maxLoad = -Infinity;
    let minCost = Infinity;
    let minBoth = Infinity;
    const holders: number[] = [];
    for (let s = 0; s < S; s++) {
      if (fixed !== undefined && s !== fixed) continue;
      if (closed[(s * D + c.day) * T + c.shift] || model.staff[s]!.maxShifts[c.shift] === 0) continue;
      holders.push(s);
      const load = f.load[s]![cell] ?? 0;
      const penalty = cost[s]![cell]!;
      minLoad = Math.min(minLoad, load);
      maxLoad = Math.max(maxLoad, load);
      minCost = Math.min(minCost, penalty);
      minBoth = Math.min(minBoth, perLoad * load + penalty);
    }
    if (minBoth === Infinity) return null;
    cells.push({ lane: c.shift, minLoad, maxLoad, minCost, minBoth, holders });
  }
  return { perLoad, constant, cells };
}

/**
 * A lower bound on a plan roster's objective without a solver: every period and layer must go to one person who
 * may take it, so the objective is at least the sum, over cells, of the cheapest such person's share of the mean
 * load plus that person's penalties (wishes, holiday repeats, changes), with the deviation and spread terms (never
 * negative) dropped. Null for models outside `supportsLocalSearch` or without a mean term.
 * Why: it is cheap and, for on-call rosters where only holidays make a cell cost more for one person than for
 * another, it is as tight as the LP relaxation — so a local-search start within the gap of this bound is proven
 * optimal before HiGHS has solved its root LP, and a time-out still reports a true gap. `fairnessBound` adds what
 * the deviation and spread terms must at least cost.
 */
export function assignmentBound(model: RosterModel): number | null {
  const bounds = cellBounds(model);
  if (!bounds) return null;
  return bounds.cells.reduce((acc, c) => acc + c.minBoth, bounds.constant);
}
