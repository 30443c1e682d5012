import { cellBounds } from './roster-bound';
import type { RosterModel } from './roster-model';

/** Load-sum vectors tried at most (one per way of spreading the extra load over groups of lanes). */
const MAX_TOTALS = 20_000;

/**
 * The largest g such that every value is an integer multiple of g (within `tolerance`), or null when there is none
 * worth using (below 10⁻⁶, or the values share no common step).
 */
export function loadStep(values: Iterable<number>, tolerance = 1e-9): number | null {
  let g = 0;
  const all: number[] = [];
  for (const v of values) {
    const a = Math.abs(v);
    if (a <= tolerance) continue;
    all.push(a);
    let [x, y] = [Math.max(g, a), Math.min(g, a)];
    while (y > tolerance) {
      const r = x % y;
      [x, y] = [y, r <= tolerance || y - r <= tolerance ? 0 : r];
    }
    g = x;
  }
  if (g < 1e-6) return null;
  // Euclid with a tolerance can drift: every value must really be a multiple of the step.
  const ok = all.every((v) => Math.abs(v / g - Math.round(v / g)) * g <= tolerance * Math.max(1, v));
  return ok ? g : null;
}

/**
 * The least value of deviationWeight × max |d| + spreadWeight × (max d − min d) over numbers d_i with
 * d_i ≡ residues[i] (mod step): how even a split can be when every deviation lies on its own grid of spacing `step`.
 * With `throughZero`, min d ≤ 0 ≤ max d as well (deviations that sum to zero).
 * Why exact and cheap: the cost only grows as the interval [min d, max d] grows, so the least is reached on an
 * interval that covers each residue class once and cannot shrink — one starting at a residue and ending at the
 * residue before it on the circle of circumference `step` — placed near 0 (and stretched to 0 with
 * `throughZero`); there are n such intervals, each tried at the few grid positions nearest 0, in O(n log n).
 */
export function evenestSplitCost(
  residues: readonly number[],
  step: number,
  deviationWeight: number,
  spreadWeight: number,
  throughZero = false,
): number {
  const n = residues.length;
  if (n === 0) return 0;
  const r = residues.map((x) => ((x % step) + step) % step).sort((a, b) => a - b);
  let best = Infinity;
  for (let k = 0; k < n; k++) {
    const from = r[k]!;
    const length = k === 0 ? r[n - 1]! - r[0]! : r[k - 1]! + step - from;
    // lo = from + m × step; the cost is least for the positions nearest to centring [lo, lo + length] on 0.
    const m = Math.floor((-length / 2 - from) / step);
    for (let mm = m - 1; mm <= m + 2; mm++) {
      let lo = from + mm * step;
      let hi = lo + length;
      if (throughZero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
      const cost = deviationWeight * Math.max(Math.abs(lo), Math.abs(hi)) + spreadWeight * (hi - lo);
      if (cost < best) best = cost;
    }
  }
  return best;
}

/**
 * A lower bound on a plan roster's objective that counts the deviation and spread terms too: `assignmentBound`
 * plus the least max |deviation| and spread that the granularity of the loads allows. Null where
 * `assignmentBound` is null.
 *
 * Why: the assignment bound drops both fairness terms, so on a large roster whose loads are quarter hours its gap
 * can never close — no schedule splits weighted load to the exact fair share. This bound is what the loads'
 * granularity proves instead, without a solver.
 *
 * Proof sketch. Write the objective as J(x) = A(x) + V(x), with A the mean-share and penalty terms (linear in the
 * assignment x) and V = w_d × max_s |dev_s| + w_s × (max_s dev_s − min_s dev_s) ≥ 0.
 * 1. Every cell's load, for every person, is an integer multiple of g (`loadStep`). So load_s ∈ baseLoad_s + gℤ,
 *    and each lane's total τ_t ∈ M_t + gℤ with M_t ≤ τ_t ≤ N_t, where M_t (N_t) is the lane's kept load plus the
 *    least (most) load an allowed holder gives each of its cells.
 * 2. Lanes whose fair-share columns are equal form groups γ; the fair share of s is Σ_γ share_sγ × τ_γ (τ_γ the
 *    group's total), so it depends only on the steps k_γ = (τ_γ − M_γ) / g, integers from 0 to (N_γ − M_γ) / g.
 * 3. For given k, dev_s = load_s − fair_s(k) lies in (baseLoad_s − fair_s(k)) + gℤ, so V(x) ≥ E(k), the least V over
 *    any such numbers (`evenestSplitCost`). When every lane's shares add up to 1 and nobody outside the shares
 *    carries load, the deviations sum to Σ_t τ_t − Σ_t τ_t = 0, so min dev ≤ 0 ≤ max dev, which E(k) may ask too
 *    (up to the rounding of the shares' sums, taken off as a margin).
 * 4. A(x) ≥ Q (the assignment bound, each cell to its cheapest holder), and A(x) ≥ L(k) = C + p × g × Σ_γ k_γ, where
 *    C takes each cell's least load and, separately, its least penalty, and p is the mean term's weight per unit
 *    load. Hence J(x) ≥ max(Q, L(k)) + E(k) ≥ min over k ≥ 0 of that.
 * 5. E(k) ≤ (w_d + w_s) × g (an interval of length below g holding a point of every class fits in [−g, g]), so a k
 *    with L(k) > Q + (w_d + w_s) × g cannot attain the minimum (k = 0 gives at most Q + (w_d + w_s) × g); only
 *    finitely many k are tried. When too many would be, the bound falls back to Q.
 * A margin for rounding (each deviation is a sum of at most as many floats as there are cells) is taken off E.
 */
export function fairnessBound(model: RosterModel): number | null {
  const frame = fairnessFrame(model);
  if (frame === null || typeof frame === 'number') return frame;
  const { quick, g, groups, cheapest, perStep, cap, participants, throughZero, margin } = frame;
  const f = model.fairness!;
  const dw = f.deviationWeight;
  const sw = f.spreadWeight;
  const budget = Math.floor((quick - cheapest + (dw + sw) * g) / perStep + 1e-9);
  const G = groups.length;
  if (waysAtMost(budget, G) > MAX_TOTALS) return quick;
  const residues = new Array<number>(participants.length);
  const steps = new Array<number>(G).fill(0);
  let best = Infinity;
  const evaluate = (used: number) => {
    participants.forEach((s, i) => {
      let fair = 0;
      for (let k = 0; k < G; k++) fair += groups[k]!.share[s]! * (groups[k]!.least + g * steps[k]!);
      residues[i] = (f.baseLoad[s] ?? 0) - fair;
    });
    const uneven = Math.max(0, evenestSplitCost(residues, g, dw, sw, throughZero) - margin);
    best = Math.min(best, Math.max(quick, cheapest + perStep * used) + uneven);
  };
  const walk = (k: number, left: number) => {
    if (k === G - 1) {
      for (let n = 0; n <= Math.min(left, cap[k]!); n++) {
        steps[k] = n;
        evaluate(budget - left + n);
      }
      return;
    }
    for (let n = 0; n <= Math.min(left, cap[k]!); n++) {
      steps[k] = n;
      walk(k + 1, left - n);
    }
  };
  if (G === 0) evaluate(0);
  else walk(0, budget);
  return Math.max(quick, best);
}

/**
 * What both granularity bounds (`fairnessBound`, `granularityMilpBound`) read off a model: the assignment bound
 * `quick`, the load step `g`, the lane groups with their least and most totals, `cheapest` (C in the proof),
 * `perStep` (p × g), each group's most steps, the participants, whether deviations sum to zero, and the rounding
 * margin. A number (the assignment bound) when the loads have no common step or no fairness term is weighted;
 * null without an assignment bound.
 */
export type FairnessFrame = {
  quick: number;
  g: number;
  groups: { share: number[]; least: number; most: number }[];
  groupOf: number[];
  cheapest: number;
  perStep: number;
  cap: number[];
  participants: number[];
  throughZero: boolean;
  /** How far the deviations' sum may be from 0 through the rounding of the shares' sums. */
  shareDrift: number;
  tolerance: number;
  margin: number;
  cells: NonNullable<ReturnType<typeof cellBounds>>['cells'];
};

export function fairnessFrame(model: RosterModel): FairnessFrame | number | null {
  const bounds = cellBounds(model);
  if (!bounds) return null;
  const quick = bounds.cells.reduce((acc, c) => acc + c.minBoth, bounds.constant);
  const f = model.fairness!;
  const dw = f.deviationWeight;
  const sw = f.spreadWeight;
  if (!(dw >= 0 && sw >= 0) || dw + sw === 0) return quick;
  const T = model.shiftTypes.length;
  const S = model.staff.length;
  const participants = f.share.flatMap((row, s) => (row.some((v) => v > 0) ? [s] : []));

  const values: number[] = [];
  for (const c of model.cover) for (let s = 0; s < S; s++) values.push(f.load[s]![c.day * T + c.shift] ?? 0);
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  const tolerance = 1e-9 * largest;
  const g = loadStep(values, tolerance);
  if (g === null) return quick;

  // Lanes with equal fair-share columns share one total.
  const groupOf: number[] = [];
  const groups: { share: number[]; least: number; most: number }[] = [];
  for (let t = 0; t < T; t++) {
    const column = f.share.map((row) => row[t] ?? 0);
    let k = groups.findIndex((gr) => gr.share.every((v, s) => v === column[s]));
    if (k < 0) k = groups.push({ share: column, least: 0, most: 0 }) - 1;
    groupOf.push(k);
    groups[k]!.least += f.baseTotal[t] ?? 0;
    groups[k]!.most += f.baseTotal[t] ?? 0;
  }
  let cheapest = bounds.constant;
  for (const c of bounds.cells) {
    groups[groupOf[c.lane]!]!.least += c.minLoad;
    groups[groupOf[c.lane]!]!.most += c.maxLoad;
    cheapest += bounds.perLoad * c.minLoad + c.minCost;
  }
  const perStep = bounds.perLoad * g;
  // A group's total cannot pass what its cells' heaviest holders would give them.
  const cap = groups.map((gr) => Math.floor((gr.most - gr.least) / g + 1e-6));

  // Deviations sum to zero when each lane's shares add up to 1 and everyone who may carry load has a share.
  const outsiders = f.share.flatMap((row, s) => (row.some((v) => v > 0) ? [] : [s]));
  const carriesNothing = (s: number) =>
    (f.baseLoad[s] ?? 0) === 0 && model.cover.every((c) => (f.load[s]![c.day * T + c.shift] ?? 0) === 0);
  const heaviest = f.baseTotal.map((v) => Math.abs(v));
  for (const c of model.cover) heaviest[c.shift] = (heaviest[c.shift] ?? 0) + largest;
  let shareDrift = 0;
  for (let t = 0; t < T; t++) {
    const sum = f.share.reduce((acc, row) => acc + (row[t] ?? 0), 0);
    shareDrift += Math.abs(1 - sum) * (heaviest[t] ?? 0);
  }
  const throughZero = outsiders.every(carriesNothing) && shareDrift <= 1e-6;
  const margin = (dw + 2 * sw) * ((model.cover.length + 1) * tolerance + (throughZero ? shareDrift : 0));
  return {
    quick,
    g,
    groups,
    groupOf,
    cheapest,
    perStep,
    cap,
    participants,
    throughZero,
    shareDrift,
    tolerance,
    margin,
    cells: bounds.cells,
  };
}

/** How many vectors of `groups` non-negative integers sum to at most `total`: C(total + groups, groups). */
function waysAtMost(total: number, groups: number): number {
  let ways = 1;
  for (let i = 1; i <= groups; i++) {
    ways = (ways * (total + i)) / i;
    if (ways > MAX_TOTALS) return ways;
  }
  return ways;
}
