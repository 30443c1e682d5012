import type { RosterAssignment, RosterModel } from './roster-model';

/**
 * What the local search reads from a plan roster once: per (staff, day, shift) whether the cell is closed to the
 * person, which (day, shift) cells are fixed, which may move, the penalty each person pays for each cell (wishes,
 * holiday repeats, changes), and the weekends each cell touches. Cells are numbered day × shiftCount + shift.
 */
export type SearchModel = {
  model: RosterModel;
  S: number;
  D: number;
  T: number;
  closed: Uint8Array;
  fixed: Uint8Array;
  cellCost: Float64Array[];
  weekendsOfCell: Map<number, number[]>;
  weekendLimit: number[];
};

/** Reads a model into the search's flat tables (see `SearchModel`). */
export function searchModel(model: RosterModel): SearchModel {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
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
  const weekendsOfCell = new Map<number, number[]>();
  for (const c of model.weekendCells ?? []) {
    const key = c.day * T + c.shift;
    const list = weekendsOfCell.get(key) ?? [];
    if (!list.includes(c.weekend)) list.push(c.weekend);
    weekendsOfCell.set(key, list);
  }
  const weekendLimit = model.staff.map((st) => st.maxWeekends ?? Infinity);
  return { model, S, D, T, closed, fixed, cellCost, weekendsOfCell, weekendLimit };
}

/** An objective value and the sum of squared deviations (the tie-breaker towards balance). */
export type Score = [objective: number, squares: number];

/**
 * An assignment under change, with everything the objective needs kept current as cells are placed and lifted:
 * who holds each cell, each person's load, each shift type's total, the penalties, and each person's weekends
 * (how many held cells touch each weekend, and the excess over the limits, which every kept move must leave as
 * it found it).
 */
export class SearchState {
  readonly asg: Int32Array[];
  readonly holder: Int32Array;
  readonly load: number[];
  readonly total: number[];
  penalty = 0;
  weekendExcess = 0;
  /** The excess of the start (never above 0 from optimizePlan, which only improves feasible starts). */
  readonly allowedExcess: number;
  /** People who owe a share. */
  readonly who: number[];
  private readonly weekendCount: Map<number, number>[];
  private readonly weekendsHeld: number[];
  // The model's tables as fields: the moves read them millions of times.
  private readonly D: number;
  private readonly T: number;
  private readonly fairness: NonNullable<RosterModel['fairness']>;
  private readonly weights: Float64Array[];
  private readonly cellCost: Float64Array[];
  private readonly closed: Uint8Array;
  private readonly weekendsOfCell: Map<number, number[]>;
  private readonly weekendLimit: number[];
  private readonly runLimits: RosterModel['staff'][number]['runLimits'][];

  constructor(
    readonly m: SearchModel,
    start: RosterAssignment,
  ) {
    const { model, S, D, T } = m;
    const fairness = model.fairness!;
    this.D = D;
    this.T = T;
    this.fairness = fairness;
    this.weights = fairness.load;
    this.cellCost = m.cellCost;
    this.closed = m.closed;
    this.weekendsOfCell = m.weekendsOfCell;
    this.weekendLimit = m.weekendLimit;
    this.runLimits = model.staff.map((st) => st.runLimits);
    this.asg = start.map((row) => Int32Array.from(row));
    this.holder = new Int32Array(D * T).fill(-1);
    for (let s = 0; s < S; s++)
      for (let d = 0; d < D; d++) if (this.asg[s]![d]! >= 0) this.holder[d * T + this.asg[s]![d]!] = s;
    this.load = model.staff.map((_, s) => fairness.baseLoad[s] ?? 0);
    this.total = model.shiftTypes.map((_, t) => fairness.baseTotal[t] ?? 0);
    for (let s = 0; s < S; s++) {
      for (let d = 0; d < D; d++) {
        const t = this.asg[s]![d]!;
        if (t < 0) continue;
        this.load[s]! += fairness.load[s]![d * T + t]!;
        this.total[t]! += fairness.load[s]![d * T + t]!;
        this.penalty += m.cellCost[s]![d * T + t]!;
      }
    }
    this.who = model.staff.map((_, s) => s).filter((s) => fairness.share[s]!.some((v) => v > 0));
    this.weekendCount = model.staff.map(() => new Map<number, number>());
    this.weekendsHeld = model.staff.map(() => 0);
    model.staff.forEach((st, s) => {
      for (const k of st.weekendsHeld ?? []) {
        this.weekendCount[s]!.set(k, 1);
        this.weekendsHeld[s]!++;
      }
      for (let d = 0; d < D; d++) if (this.asg[s]![d]! >= 0) this.countWeekends(s, d, this.asg[s]![d]!, 1);
    });
    this.weekendExcess = model.staff.reduce(
      (acc, _, s) => acc + Math.max(0, this.weekendsHeld[s]! - m.weekendLimit[s]!),
      0,
    );
    this.allowedExcess = this.weekendExcess;
  }

  private countWeekends(s: number, d: number, t: number, delta: 1 | -1): void {
    const list = this.weekendsOfCell.get(d * this.T + t);
    const limit = this.weekendLimit[s]!;
    if (!list || limit === Infinity) return;
    const before = Math.max(0, this.weekendsHeld[s]! - limit);
    for (const k of list) {
      const n = (this.weekendCount[s]!.get(k) ?? 0) + delta;
      this.weekendCount[s]!.set(k, n);
      if (n === 0 && delta < 0) this.weekendsHeld[s]!--;
      if (n === 1 && delta > 0) this.weekendsHeld[s]!++;
    }
    this.weekendExcess += Math.max(0, this.weekendsHeld[s]! - limit) - before;
  }

  /** Gives cell (d, t) to s. */
  place(s: number, d: number, t: number): void {
    const T = this.T;
    this.countWeekends(s, d, t, 1);
    this.asg[s]![d] = t;
    this.holder[d * T + t] = s;
    const a = this.weights[s]![d * T + t]!;
    this.load[s]! += a;
    this.total[t]! += a;
    this.penalty += this.cellCost[s]![d * T + t]!;
  }

  /** Takes cell (d, t) from s. */
  lift(s: number, d: number, t: number): void {
    const T = this.T;
    this.countWeekends(s, d, t, -1);
    this.asg[s]![d] = -1;
    this.holder[d * T + t] = -1;
    const a = this.weights[s]![d * T + t]!;
    this.load[s]! -= a;
    this.total[t]! -= a;
    this.penalty -= this.cellCost[s]![d * T + t]!;
  }

  /** The objective (mean share + max |deviation| + spread + penalties) and the sum of squared deviations. */
  score(): Score {
    const fairness = this.fairness;
    const T = this.T;
    let max = -Infinity;
    let min = Infinity;
    let sq = 0;
    let sum = 0;
    for (const t of this.total) sum += t;
    for (const s of this.who) {
      let fair = 0;
      const share = fairness.share[s]!;
      for (let t = 0; t < T; t++) fair += share[t]! * this.total[t]!;
      const dev = this.load[s]! - fair;
      if (dev > max) max = dev;
      if (dev < min) min = dev;
      sq += dev * dev;
    }
    if (this.who.length === 0) return [this.penalty, 0];
    const mean = sum / this.who.length;
    const objective =
      fairness.meanWeight * mean +
      fairness.deviationWeight * Math.max(max, -min) +
      fairness.spreadWeight * (max - min) +
      this.penalty;
    return [objective, sq];
  }

  /** Each person's deviation from fair share (load − share × totals), into `out` by person; 0 for non-participants. */
  deviations(out: Float64Array): Float64Array {
    const share = this.fairness.share;
    const T = this.T;
    out.fill(0);
    for (const s of this.who) {
      let fair = 0;
      for (let t = 0; t < T; t++) fair += share[s]![t]! * this.total[t]!;
      out[s] = this.load[s]! - fair;
    }
    return out;
  }

  /**
   * The most and the least loaded participant against fair share, with every deviation written into `out`.
   * Why one place: the annealing's balancing moves and the descent after it both trade between these two.
   */
  extremes(out: Float64Array): [most: number, least: number] {
    this.deviations(out);
    let hi = this.who[0]!;
    let lo = this.who[0]!;
    for (const s of this.who) {
      if (out[s]! > out[hi]!) hi = s;
      if (out[s]! < out[lo]!) lo = s;
    }
    return [hi, lo];
  }

  /** Person s's load of cell (d, t). */
  cellLoad(s: number, d: number, t: number): number {
    return this.weights[s]![d * this.T + t]!;
  }

  /** True when s holding t on day d keeps the run limit that counts t (days d's neighbours as they are). */
  runOk(s: number, d: number, t: number): boolean {
    const limits = this.runLimits[s]!;
    let limit: (typeof limits)[number] | undefined;
    for (const l of limits) {
      if (l.shiftTypes.includes(t)) {
        limit = l;
        break;
      }
    }
    if (!limit) return true;
    const types = limit.shiftTypes;
    const row = this.asg[s]!;
    const D = this.D;
    let left = 0;
    let k = d - 1;
    while (k >= 0 && types.includes(row[k]!)) [left, k] = [left + 1, k - 1];
    if (k < 0) left += limit.before;
    let right = 0;
    k = d + 1;
    while (k < D && types.includes(row[k]!)) [right, k] = [right + 1, k + 1];
    if (k >= D) right += limit.after;
    return left + 1 + right <= limit.max;
  }

  /** The run through day d when s already holds t there. */
  runOkHeld(s: number, d: number, t: number): boolean {
    this.asg[s]![d] = -1;
    const ok = this.runOk(s, d, t);
    this.asg[s]![d] = t;
    return ok;
  }

  /** True when s is free on day d and may hold (d, t) by every hard rule but the weekend limit. */
  canTake(s: number, d: number, t: number): boolean {
    return !this.closed[(s * this.D + d) * this.T + t] && this.asg[s]![d] === -1 && this.runOk(s, d, t);
  }

  /** True when s may hold (d, t) by the closed cells alone. */
  isOpen(s: number, d: number, t: number): boolean {
    return !this.closed[(s * this.D + d) * this.T + t];
  }

  /** A copy of the assignment. */
  snapshot(): RosterAssignment {
    return this.asg.map((row) => Int32Array.from(row));
  }
}
