import { MilpBuilder, type MilpProblem } from './milp-model';
import type { RosterAssignment, RosterModel } from './roster-model';

/**
 * A roster model turned into a MILP, with the column of every decision so a solution can be read back.
 * `x[(s * days + d) * shiftCount + t]` is the column of "staff s works shift t on day d", −1 when the cell is
 * impossible (a day off, a shift type the person may not work); no column is created for it.
 */
export type RosterMilp = {
  problem: MilpProblem;
  x: Int32Array;
  /** Auxiliary columns, so that a full start vector can be computed from an assignment (`startColumns`). */
  aux: RosterAux;
};

/** Where the auxiliary columns are: −1 marks a column that does not exist. */
export type RosterAux = {
  /** "Works on day d" per (staff × days + day); equal to x when there is one shift type. */
  w: Int32Array;
  /** Start of a run of work per (staff × days + day). */
  up: Int32Array;
  /** Weekend indicators: [staff, weekend, column]. */
  weekends: [number, number, number][];
  /** Weekends over a soft limit: [staff, column]. */
  weekendOver: [number, number][];
  /** Cover slacks per cover entry: under and over columns. */
  slack: [number, number][];
  fairness: {
    load: number[];
    total: number[];
    dev: number[];
    maxDeviation: number;
    high: number;
    low: number;
  } | null;
};

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/**
 * Builds the MILP of a roster model.
 * Why this shape: binary x per allowed (person, day, shift), a binary "works that day" w per person and day when
 * there is more than one shift type, and rules in their strong forms — one clique row per shift for forbidden
 * successions, sliding windows and start-up variables for run lengths (see `addRunRows`), weekend indicators.
 * Total minutes are divided by the gcd of the shift lengths and rounded inward, which the LP relaxation would not
 * see by itself; cover slacks are integer so that HiGHS detects an integral objective and rounds its bound up.
 * Every row is local to one person or one day, so the nonzeros grow linearly with staff × days × shift types.
 * Measured against the textbook model (x only; "no short run" rows; pairwise successions; bench/nrp/profile.ts):
 * its root bound is at least as strong (equal after presolve on a 36-staff instance, higher on an 8-staff one),
 * but its presolved LP is about half as large again because of the w and start-up columns. Neither formulation is
 * what stalls on large rosters: HiGHS spends the time in its root cut loop, where no heuristic runs, and keeps its
 * first poor incumbent; the large-neighbourhood search (roster-lns.ts) is the remedy, not a weaker model.
 */
export function buildRosterMilp(model: RosterModel): RosterMilp {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const b = new MilpBuilder();
  const cell = (s: number, d: number, t: number) => (s * D + d) * T + t;

  const blocked = new Uint8Array(S * D * T);
  for (const u of model.unavailable) {
    if (u.shift < 0) for (let t = 0; t < T; t++) blocked[cell(u.staff, u.day, t)] = 1;
    else blocked[cell(u.staff, u.day, u.shift)] = 1;
  }

  const x = new Int32Array(S * D * T).fill(-1);
  for (let s = 0; s < S; s++) {
    const staff = model.staff[s]!;
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) {
        if (blocked[cell(s, d, t)] || staff.maxShifts[t] === 0) continue;
        x[cell(s, d, t)] = b.addCol(`x_${s}_${d}_${t}`, 0, 1, 0, true);
      }
    }
  }

  // w[s][d]: works on day d. With one shift type it is x itself.
  const w = new Int32Array(S * D).fill(-1);
  for (let s = 0; s < S; s++) {
    for (let d = 0; d < D; d++) {
      const cols: number[] = [];
      for (let t = 0; t < T; t++) if (x[cell(s, d, t)]! >= 0) cols.push(x[cell(s, d, t)]!);
      if (cols.length === 0) continue;
      if (T === 1) {
        w[s * D + d] = cols[0]!;
        continue;
      }
      const col = b.addCol(`w_${s}_${d}`, 0, 1, 0, true);
      w[s * D + d] = col;
      b.addRow(`one_${s}_${d}`, [col, ...cols], [1, ...cols.map(() => -1)], 0, 0);
    }
  }
  const W = (s: number, d: number) => (d < 0 || d >= D ? -1 : w[s * D + d]!);

  const aux: RosterAux = {
    w,
    up: new Int32Array(S * D).fill(-1),
    weekends: [],
    weekendOver: [],
    slack: [],
    fairness: null,
  };
  for (let s = 0; s < S; s++) {
    const staff = model.staff[s]!;
    addStaffRows(b, model, s, staff, x, W, cell, aux);
  }

  addCoverRows(b, model, x, cell, aux);

  for (const r of model.requests) {
    if (r.kind === 'on') b.addOffset(r.weight);
    // Shift −1 (any shift): at most one shift a day, so the cost goes on each shift type's column.
    for (let t = 0; t < T; t++) {
      if (r.shift >= 0 && r.shift !== t) continue;
      const col = x[cell(r.staff, r.day, t)]!;
      if (col >= 0) b.addCost(col, r.kind === 'on' ? -r.weight : r.weight);
    }
  }

  for (const c of model.clashes ?? []) {
    const a = x[cell(c.staff, c.first.day, c.first.shift)]!;
    const z = x[cell(c.staff, c.second.day, c.second.shift)]!;
    if (a >= 0 && z >= 0)
      b.addRow(
        `clash_${c.staff}_${c.first.day}_${c.first.shift}_${c.second.day}_${c.second.shift}`,
        [a, z],
        [1, 1],
        -Infinity,
        1,
      );
  }

  for (const f of model.fixed) {
    const col = x[cell(f.staff, f.day, f.shift)]!;
    if (col >= 0) b.setLower(col, 1);
    // A fixed cell that is also forbidden: an empty row with lower bound 1 keeps the contradiction in the model.
    else b.addRow(`fixed_${f.staff}_${f.day}_${f.shift}`, [], [], 1, Infinity);
  }

  if (model.current) {
    const { assignment, changeWeight } = model.current;
    for (let s = 0; s < S; s++) {
      for (let d = 0; d < D; d++) {
        const t = assignment[s]?.[d] ?? -1;
        if (t < 0) continue;
        b.addOffset(changeWeight);
        const col = x[cell(s, d, t)]!;
        if (col >= 0) b.addCost(col, -changeWeight);
      }
    }
  }

  aux.fairness = model.fairness ? addFairness(b, model, x, cell) : null;
  return { problem: b.build(), x, aux };
}

function addStaffRows(
  b: MilpBuilder,
  model: RosterModel,
  s: number,
  staff: RosterModel['staff'][number],
  x: Int32Array,
  W: (s: number, d: number) => number,
  cell: (s: number, d: number, t: number) => number,
  aux: RosterAux,
): void {
  const D = model.days;
  const T = model.shiftTypes.length;

  for (let t = 0; t < T; t++) {
    const max = staff.maxShifts[t];
    if (max === null || max === undefined) continue;
    const cols: number[] = [];
    for (let d = 0; d < D; d++) if (x[cell(s, d, t)]! >= 0) cols.push(x[cell(s, d, t)]!);
    if (cols.length > max)
      b.addRow(
        `maxshift_${s}_${t}`,
        cols,
        cols.map(() => 1),
        -Infinity,
        max,
      );
  }

  if (staff.minMinutes !== null || staff.maxMinutes !== null) {
    const g = model.shiftTypes.reduce((acc, st) => gcd(acc, st.minutes), 0) || 1;
    const cols: number[] = [];
    const coefs: number[] = [];
    let most = 0;
    for (let d = 0; d < D; d++) {
      let dayMost = 0;
      for (let t = 0; t < T; t++) {
        const col = x[cell(s, d, t)]!;
        if (col < 0) continue;
        const units = model.shiftTypes[t]!.minutes / g;
        cols.push(col);
        coefs.push(units);
        dayMost = Math.max(dayMost, units);
      }
      most += dayMost;
    }
    const lo = staff.minMinutes === null ? -Infinity : Math.ceil(staff.minMinutes / g - 1e-9);
    const hi = staff.maxMinutes === null ? Infinity : Math.floor(staff.maxMinutes / g + 1e-9);
    if (lo > 0 || hi < most)
      b.addRow(`minutes_${s}`, cols, coefs, lo > 0 ? lo : -Infinity, hi < most ? hi : Infinity);
  }

  if (staff.maxConsecutive !== null) {
    addWindowRows(b, `maxrun_${s}`, D, staff.maxConsecutive, (d) => {
      const col = W(s, d);
      return col >= 0 ? [col] : [];
    });
  }

  for (const [k, limit] of staff.runLimits.entries()) {
    addWindowRows(
      b,
      `layerrun_${s}_${k}`,
      D,
      limit.max,
      (d) => {
        const cols: number[] = [];
        for (const t of limit.shiftTypes) if (x[cell(s, d, t)]! >= 0) cols.push(x[cell(s, d, t)]!);
        return cols;
      },
      limit.before,
      limit.after,
      limit.penalty,
    );
  }

  addRunRows(b, model, s, staff, W, aux.up);

  if (staff.maxWeekends !== null) {
    const held = new Set(staff.weekendsHeld ?? []);
    const byWeekend = new Map<number, number[]>();
    const add = (k: number, col: number) => {
      if (k < 0 || col < 0 || held.has(k)) return;
      const list = byWeekend.get(k) ?? [];
      list.push(col);
      byWeekend.set(k, list);
    };
    if (model.weekendCells) for (const c of model.weekendCells) add(c.weekend, x[cell(s, c.day, c.shift)]!);
    else for (let d = 0; d < D; d++) add(model.weekendOf[d]!, W(s, d));
    const limit = staff.maxWeekends - held.size;
    if (byWeekend.size > limit) {
      const indicators: number[] = [];
      for (const [k, cols] of byWeekend) {
        const wk = b.addCol(`wk_${s}_${k}`, 0, 1, 0, true);
        aux.weekends.push([s, k, wk]);
        indicators.push(wk);
        for (const col of new Set(cols)) b.addRow(`wkon_${s}_${k}_${col}`, [wk, col], [1, -1], 0, Infinity);
      }
      const coefs = indicators.map(() => 1);
      if (staff.weekendPenalty !== undefined) {
        // Soft: the weekends over the limit are paid for instead of forbidden.
        const over = b.addCol(`maxwk_over_${s}`, 0, Infinity, staff.weekendPenalty, true);
        aux.weekendOver.push([s, over]);
        indicators.push(over);
        coefs.push(-1);
      }
      b.addRow(`maxwk_${s}`, indicators, coefs, -Infinity, limit);
    }
  }

  for (let d = 0; d + 1 < D; d++) {
    for (let t = 0; t < T; t++) {
      const next = model.shiftTypes[t]!.forbiddenNext;
      const col = x[cell(s, d, t)]!;
      if (next.length === 0 || col < 0) continue;
      const cols = [col];
      for (const u of next) if (x[cell(s, d + 1, u)]! >= 0) cols.push(x[cell(s, d + 1, u)]!);
      if (cols.length > 1)
        b.addRow(
          `succ_${s}_${d}_${t}`,
          cols,
          cols.map(() => 1),
          -Infinity,
          1,
        );
    }
  }
}

/**
 * Minimum runs of work and of rest, and the maximum run, written with start-up variables
 * up_d = 1 when day d starts a run of work (worked, day d − 1 not): the turn-on/turn-off inequalities of
 * Rajan & Takriti (2005) describe the convex hull of minimum up/down-time sequences, far tighter than the
 * forbidden-pattern rows. Runs touching the first day have no start-up (waived), runs touching the last day satisfy
 * the minimum by construction; without the waiver, day 0 gets a start-up and no run may start too late to finish.
 */
function addRunRows(
  b: MilpBuilder,
  model: RosterModel,
  s: number,
  staff: RosterModel['staff'][number],
  W: (s: number, d: number) => number,
  upCols: Int32Array,
): void {
  const D = model.days;
  const minOn = staff.minConsecutive !== null && staff.minConsecutive > 1 ? staff.minConsecutive : 0;
  const minOff =
    staff.minConsecutiveOff !== null && staff.minConsecutiveOff > 1 ? staff.minConsecutiveOff : 0;
  const maxOn = staff.maxConsecutive !== null && staff.maxConsecutive < D ? staff.maxConsecutive : 0;
  if (minOn === 0 && minOff === 0 && maxOn === 0) return;
  const firstUp = model.waiveMinRunsAtEdges || minOn === 0 ? 1 : 0;
  const up = new Int32Array(D).fill(-1);
  for (let d = firstUp; d < D; d++) {
    const work = W(s, d);
    if (work < 0) continue;
    const col = b.addCol(`up_${s}_${d}`, 0, 1, 0, true);
    upCols[s * D + d] = col;
    up[d] = col;
    const prev = W(s, d - 1);
    // up ≥ w_d − w_{d−1}, up ≤ w_d, up ≤ 1 − w_{d−1}: exactly the start-up indicator once w is integral.
    if (prev >= 0) {
      b.addRow(`upge_${s}_${d}`, [col, work, prev], [1, -1, 1], 0, Infinity);
      b.addRow(`uple2_${s}_${d}`, [col, prev], [1, 1], -Infinity, 1);
    } else b.addRow(`upge_${s}_${d}`, [col, work], [1, -1], 0, Infinity);
    b.addRow(`uple_${s}_${d}`, [col, work], [1, -1], -Infinity, 0);
    if (!model.waiveMinRunsAtEdges && minOn > 0 && d > D - minOn)
      b.addRow(`uplate_${s}_${d}`, [col], [1], -Infinity, 0);
  }
  const ups = (from: number, to: number) => {
    const cols: number[] = [];
    for (let d = Math.max(0, from); d <= to; d++) if (up[d]! >= 0) cols.push(up[d]!);
    return cols;
  };
  for (let d = 0; d < D; d++) {
    const work = W(s, d);
    if (minOn > 0) {
      // A run started in the last minOn days is still on.
      const cols = ups(d - minOn + 1, d);
      if (cols.length > 0) {
        if (work >= 0) b.addRow(`minon_${s}_${d}`, [...cols, work], [...cols.map(() => 1), -1], -Infinity, 0);
        else
          b.addRow(
            `minon_${s}_${d}`,
            cols,
            cols.map(() => 1),
            -Infinity,
            0,
          );
      }
    }
    if (minOff > 0 && d - minOff >= 0) {
      // Worked minOff days ago: no run may have started since (the rest in between would be too short).
      const before = W(s, d - minOff);
      const cols = ups(d - minOff + 1, d);
      if (before >= 0 && cols.length > 0) {
        b.addRow(`minoff_${s}_${d}`, [...cols, before], [...cols.map(() => 1), 1], -Infinity, 1);
      }
    }
    if (maxOn > 0 && d >= maxOn && work >= 0) {
      // Working on day d: some run started in the last maxOn days.
      const cols = ups(d - maxOn + 1, d);
      b.addRow(`maxon_${s}_${d}`, [work, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0);
    }
  }
}

/**
 * At most `max` of any `max + 1` consecutive days; windows that cannot exceed the limit are left out.
 * `before` / `after` days worked right outside the horizon count in the windows that reach over the edge.
 */
function addWindowRows(
  b: MilpBuilder,
  name: string,
  D: number,
  max: number,
  colsOf: (d: number) => number[],
  before = 0,
  after = 0,
  penalty?: number,
): void {
  const length = max + 1;
  const perDay = Array.from({ length: D }, (_, d) => colsOf(d));
  // Windows [first, first + max], clipped to the horizon; days outside it are worked when within before/after.
  for (let first = -Math.min(before, max); first + length <= D + Math.min(after, max); first++) {
    const from = Math.max(0, first);
    const to = Math.min(D - 1, first + max);
    const outside = from - first + (first + max - to);
    if (outside > 0 && (from - first > before || first + max - to > after)) continue;
    const limit = max - outside;
    const cols: number[] = [];
    let workable = 0;
    for (let d = from; d <= to; d++) {
      const list = perDay[d]!;
      if (list.length > 0) workable++;
      cols.push(...list);
    }
    if (workable <= limit) continue;
    const coefs = cols.map(() => 1);
    if (penalty !== undefined) {
      // A soft limit: the excess is paid for instead of forbidden.
      cols.push(b.addCol(`${name}_over_${first}`, 0, Infinity, penalty, true));
      coefs.push(-1);
    }
    b.addRow(`${name}_${first}`, cols, coefs, -Infinity, limit);
  }
}

function addCoverRows(
  b: MilpBuilder,
  model: RosterModel,
  x: Int32Array,
  cell: (s: number, d: number, t: number) => number,
  aux: RosterAux,
): void {
  const S = model.staff.length;
  for (const c of model.cover) {
    const slack: [number, number] = [-1, -1];
    aux.slack.push(slack);
    const cols: number[] = [];
    for (let s = 0; s < S; s++) if (x[cell(s, c.day, c.shift)]! >= 0) cols.push(x[cell(s, c.day, c.shift)]!);
    const coefs = cols.map(() => 1);
    // Σx + under − over = requirement: a missing slack makes that side hard.
    if (c.underWeight !== null) {
      slack[0] = b.addCol(`under_${c.day}_${c.shift}`, 0, c.requirement, c.underWeight, true);
      cols.push(slack[0]);
      coefs.push(1);
    }
    if (c.overWeight !== null) {
      slack[1] = b.addCol(`over_${c.day}_${c.shift}`, 0, Infinity, c.overWeight, true);
      cols.push(slack[1]);
      coefs.push(-1);
    }
    b.addRow(`cover_${c.day}_${c.shift}`, cols, coefs, c.requirement, c.requirement);
  }
}

function addFairness(
  b: MilpBuilder,
  model: RosterModel,
  x: Int32Array,
  cell: (s: number, d: number, t: number) => number,
): RosterAux['fairness'] {
  const fairness = model.fairness!;
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const load: number[] = [];
  const typeCols: number[][] = model.shiftTypes.map(() => []);
  const typeCoefs: number[][] = model.shiftTypes.map(() => []);
  for (let s = 0; s < S; s++) {
    const col = b.addCol(`load_${s}`, -Infinity, Infinity, 0, false);
    load.push(col);
    const cols = [col];
    const coefs = [1];
    const weights = fairness.load[s]!;
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) {
        const xc = x[cell(s, d, t)]!;
        const a = weights[d * T + t] ?? 0;
        if (xc < 0 || a === 0) continue;
        cols.push(xc);
        coefs.push(-a);
        typeCols[t]!.push(xc);
        typeCoefs[t]!.push(-a);
      }
    }
    const base = fairness.baseLoad[s] ?? 0;
    b.addRow(`load_${s}`, cols, coefs, base, base);
  }
  const participants = fairness.share.filter((row) => row.some((v) => v > 0)).length;
  // The mean fair share enters the objective with weight `meanWeight`: max |deviation| on its own has an LP bound
  // of 0, so its relative gap means nothing; anchored on the mean share it reads as "the heaviest load is within
  // x % of a perfectly fair one", which is what a planner wants proven.
  const meanCost = participants > 0 ? fairness.meanWeight / participants : 0;
  const total = model.shiftTypes.map((_, t) => {
    const col = b.addCol(`total_${t}`, -Infinity, Infinity, meanCost, false);
    const base = fairness.baseTotal[t] ?? 0;
    b.addRow(`total_${t}`, [col, ...typeCols[t]!], [1, ...typeCoefs[t]!], base, base);
    return col;
  });
  const maxDeviation = b.addCol('dev_max', 0, Infinity, fairness.deviationWeight, false);
  const high = b.addCol('dev_high', -Infinity, Infinity, fairness.spreadWeight, false);
  const low = b.addCol('dev_low', -Infinity, Infinity, -fairness.spreadWeight, false);
  const devCols = model.staff.map(() => -1);
  for (let s = 0; s < S; s++) {
    const shares = fairness.share[s] ?? [];
    if (!shares.some((v) => v > 0)) continue;
    // deviation_s = load_s − Σ_t share[s][t] × total_t
    const cols = [load[s]!];
    const coefs = [1];
    shares.forEach((v, t) => {
      if (v > 0) {
        cols.push(total[t]!);
        coefs.push(-v);
      }
    });
    const dev = b.addCol(`dev_${s}`, -Infinity, Infinity, 0, false);
    devCols[s] = dev;
    b.addRow(`dev_${s}`, [dev, ...cols], [1, ...coefs.map((c) => -c)], 0, 0);
    b.addRow(`devmax_hi_${s}`, [maxDeviation, dev], [1, -1], 0, Infinity);
    b.addRow(`devmax_lo_${s}`, [maxDeviation, dev], [1, 1], 0, Infinity);
    b.addRow(`devhigh_${s}`, [high, dev], [1, -1], 0, Infinity);
    b.addRow(`devlow_${s}`, [low, dev], [1, -1], -Infinity, 0);
  }
  return { maxDeviation, high, low, load, total, dev: devCols };
}

/** Reads the assignment out of a solver's column values (a cell counts as worked above 0.5). */
export function decodeRosterAssignment(
  model: RosterModel,
  milp: Pick<RosterMilp, 'x'>,
  colValues: ArrayLike<number>,
): RosterAssignment {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const out: RosterAssignment = [];
  for (let s = 0; s < S; s++) {
    const row = new Int32Array(D).fill(-1);
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) {
        const col = milp.x[(s * D + d) * T + t]!;
        if (col >= 0 && colValues[col]! > 0.5) row[d] = t;
      }
    }
    out.push(row);
  }
  return out;
}

/**
 * The full column vector of an assignment: x and every auxiliary column (works-that-day, run starts, weekends,
 * cover slacks, loads and deviations) set to the values the rows force. Why: a complete, feasible start is taken
 * by HiGHS as its incumbent at once, and the fix-and-optimise neighbourhoods need one to fix columns to.
 */
export function startColumns(
  model: RosterModel,
  milp: RosterMilp,
  assignment: RosterAssignment,
): Float64Array {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const v = new Float64Array(milp.problem.numCols);
  const at = (s: number, d: number) => (d < 0 || d >= D ? -1 : (assignment[s]?.[d] ?? -1));
  for (let s = 0; s < S; s++) {
    for (let d = 0; d < D; d++) {
      const t = at(s, d);
      if (t >= 0 && milp.x[(s * D + d) * T + t]! >= 0) v[milp.x[(s * D + d) * T + t]!] = 1;
      const w = milp.aux.w[s * D + d]!;
      if (w >= 0) v[w] = t >= 0 ? 1 : 0;
      const up = milp.aux.up[s * D + d]!;
      const prev = d > 0 ? milp.aux.w[s * D + d - 1]! : -1;
      if (up >= 0) v[up] = t >= 0 && (prev < 0 || at(s, d - 1) < 0) ? 1 : 0;
    }
  }
  const workedWeekends = model.staff.map(() => new Set<number>());
  if (model.weekendCells) {
    for (const c of model.weekendCells)
      for (let s = 0; s < S; s++) if (at(s, c.day) === c.shift) workedWeekends[s]!.add(c.weekend);
  } else {
    for (let s = 0; s < S; s++)
      for (let d = 0; d < D; d++)
        if (model.weekendOf[d]! >= 0 && at(s, d) >= 0) workedWeekends[s]!.add(model.weekendOf[d]!);
  }
  const onIndicators = model.staff.map(() => 0);
  for (const [s, k, col] of milp.aux.weekends) {
    v[col] = workedWeekends[s]!.has(k) ? 1 : 0;
    onIndicators[s]! += v[col]!;
  }
  for (const [s, col] of milp.aux.weekendOver) {
    const staff = model.staff[s]!;
    const held = staff.weekendsHeld?.length ?? 0;
    v[col] = Math.max(0, onIndicators[s]! - ((staff.maxWeekends ?? Infinity) - held));
  }
  model.cover.forEach((c, i) => {
    let n = 0;
    for (let s = 0; s < S; s++) if (at(s, c.day) === c.shift) n++;
    const [under, over] = milp.aux.slack[i]!;
    if (under >= 0) v[under] = Math.max(0, c.requirement - n);
    if (over >= 0) v[over] = Math.max(0, n - c.requirement);
  });
  const f = milp.aux.fairness;
  const fairness = model.fairness;
  if (f && fairness) {
    const load = model.staff.map((_, s) => fairness.baseLoad[s] ?? 0);
    const total = model.shiftTypes.map((_, t) => fairness.baseTotal[t] ?? 0);
    for (let s = 0; s < S; s++) {
      for (let d = 0; d < D; d++) {
        const t = at(s, d);
        if (t < 0 || milp.x[(s * D + d) * T + t]! < 0) continue;
        const a = fairness.load[s]![d * T + t] ?? 0;
        load[s]! += a;
        total[t]! += a;
      }
    }
    f.load.forEach((col, s) => (v[col] = load[s]!));
    f.total.forEach((col, t) => (v[col] = total[t]!));
    const devs: number[] = [];
    f.dev.forEach((col, s) => {
      if (col < 0) return;
      const shares = fairness.share[s]!;
      const dev = load[s]! - shares.reduce((acc, x, t) => acc + x * total[t]!, 0);
      v[col] = dev;
      devs.push(dev);
    });
    v[f.maxDeviation] = devs.length ? Math.max(...devs.map(Math.abs)) : 0;
    v[f.high] = devs.length ? Math.max(...devs) : 0;
    v[f.low] = devs.length ? Math.min(...devs) : 0;
  }
  return v;
}
