import { fairnessFrame } from './fairness-bound';
import { MilpBuilder, type MilpProblem, type MilpSolver } from './milp-model';
import type { RosterModel } from './roster-model';

/** A person whose loads are multiples of the coarse step but for at most this many cells counts as coarse. */
const MAX_FINE_CELLS = 16;

/** Coarse steps tried, as multiples of the load step. */
const COARSE_MULTIPLES = [12, 8, 6, 4, 3, 2];

/** Limits of the solve in `granularityMilpBound`. */
export type GranularityBoundOptions = { timeLimitSeconds: number; shouldStop?: () => boolean };

/**
 * The balancing part of a plan roster as a small MILP whose optimum is a lower bound on the roster's objective, or
 * null when it would add nothing (no coarse step, or no fairness term). Solve it and take its proven bound, less
 * `margin` (see `granularityMilpBound`).
 *
 * Why: `fairnessBound` lets each deviation sit on the finest grid of loads (a quarter hour). On real plans most
 * people's loads are coarser: every period weighs a multiple of ¾ hour for someone in a zone without a night or
 * weekend boundary inside the period, except the few periods around a clock change. Those few "fine" cells can go
 * to one person each, so most people's loads stay on the coarse grid — which this MILP counts and the closed-form
 * bound cannot.
 *
 * Proof sketch (J = A + V as in `fairnessBound`). Pick a coarse step G = m × g. A person s is coarse when at most
 * MAX_FINE_CELLS of the cells they may hold weigh a non-multiple of G for them; those cells are s's fine cells,
 * with r_sc = load_s(c) mod G. For any feasible roster: load_s = baseLoad_s + G × n_s + Σ_c r_sc × y_sc, with n_s an
 * integer and y_sc = 1 when s holds fine cell c (coarse s); a fine person's load is baseLoad_s + g × n_s. Each cell
 * has one holder (Σ_s y_sc ≤ 1) and a person holds at most one cell a day. The lane groups' totals are
 * M_γ + g × k_γ (integers 0 ≤ k_γ ≤ cap_γ), fair shares and deviations are linear in k, n and y, and when the
 * deviations sum to zero in the roster they do here too. With z ≥ Q and z ≥ C + p × g × Σ k (both lower bounds on
 * A), the MILP minimises z + w_d × max |dev| + w_s × (max dev − min dev) over a set that contains every roster's
 * (k, n, y); its optimum, and any bound proved on it, is at most J of every roster.
 */
export function granularityMilp(
  model: RosterModel,
): { problem: MilpProblem; margin: number; quick: number } | null {
  const frame = fairnessFrame(model);
  if (frame === null || typeof frame === 'number') return null;
  const { quick, g, groups, cheapest, perStep, cap, participants, throughZero, margin, cells, tolerance } =
    frame;
  const f = model.fairness!;
  const T = model.shiftTypes.length;
  const loadOf = (s: number, i: number) => {
    const c = model.cover[i]!;
    return f.load[s]![c.day * T + c.shift] ?? 0;
  };
  const onGrid = (v: number, step: number) =>
    Math.abs(v / step - Math.round(v / step)) * step <= tolerance * 10;
  // The coarse step that makes the most people coarse (the larger of equals).
  let best: { step: number; fine: Map<number, number[]> } | null = null;
  for (const multiple of COARSE_MULTIPLES) {
    const step = multiple * g;
    const fine = new Map<number, number[]>();
    for (const s of participants) {
      const mine: number[] = [];
      for (let i = 0; i < cells.length && mine.length <= MAX_FINE_CELLS; i++) {
        if (cells[i]!.holders.includes(s) && !onGrid(loadOf(s, i), step)) mine.push(i);
      }
      if (mine.length <= MAX_FINE_CELLS) fine.set(s, mine);
    }
    if (fine.size > (best?.fine.size ?? 0)) best = { step, fine };
  }
  if (!best) return null;
  const { step: G, fine } = best;

  const b = new MilpBuilder();
  const z = b.addCol('z', quick, Infinity, 1, false);
  const k = groups.map((_, i) => b.addCol(`k_${i}`, 0, cap[i]!, 0, true));
  b.addRow('linear', [z, ...k], [1, ...k.map(() => -perStep)], cheapest, Infinity);
  const dw = f.deviationWeight;
  const sw = f.spreadWeight;
  const maxAbs = b.addCol('max_abs', 0, Infinity, dw, false);
  const high = b.addCol('high', -Infinity, Infinity, sw, false);
  const low = b.addCol('low', -Infinity, Infinity, -sw, false);
  const holdersOfCell = new Map<number, number[]>();
  const sumCols: number[] = [];
  const sumCoefs: number[] = [];
  let sumConstant = 0;
  for (const s of participants) {
    // dev_s = constant + step × n_s + Σ r × y − Σ_γ share × g × k_γ
    let constant = f.baseLoad[s] ?? 0;
    groups.forEach((gr) => (constant -= gr.share[s]! * gr.least));
    const mine = fine.get(s);
    const n = b.addCol(`n_${s}`, -Infinity, Infinity, 0, true);
    const cols = [n];
    const coefs = [mine ? G : g];
    const byDay = new Map<number, number[]>();
    for (const i of mine ?? []) {
      const r = ((loadOf(s, i) % G) + G) % G;
      const y = b.addCol(`y_${s}_${i}`, 0, 1, 0, true);
      cols.push(y);
      coefs.push(r);
      holdersOfCell.set(i, [...(holdersOfCell.get(i) ?? []), y]);
      const day = model.cover[i]!.day;
      byDay.set(day, [...(byDay.get(day) ?? []), y]);
    }
    for (const [day, ys] of byDay)
      if (ys.length > 1)
        b.addRow(
          `day_${s}_${day}`,
          ys,
          ys.map(() => 1),
          -Infinity,
          1,
        );
    groups.forEach((gr, i) => {
      if (gr.share[s]! > 0) {
        cols.push(k[i]!);
        coefs.push(-gr.share[s]! * g);
      }
    });
    // max_abs ≥ ±dev, high ≥ dev, low ≤ dev.
    b.addRow(`abs_hi_${s}`, [maxAbs, ...cols], [1, ...coefs.map((c) => -c)], constant, Infinity);
    b.addRow(`abs_lo_${s}`, [maxAbs, ...cols], [1, ...coefs], -constant, Infinity);
    b.addRow(`high_${s}`, [high, ...cols], [1, ...coefs.map((c) => -c)], constant, Infinity);
    b.addRow(`low_${s}`, [low, ...cols], [1, ...coefs.map((c) => -c)], -Infinity, constant);
    cols.forEach((c, i) => {
      sumCols.push(c);
      sumCoefs.push(coefs[i]!);
    });
    sumConstant += constant;
  }
  for (const [i, ys] of holdersOfCell)
    if (ys.length > 1)
      b.addRow(
        `cell_${i}`,
        ys,
        ys.map(() => 1),
        -Infinity,
        1,
      );
  if (throughZero) {
    // Σ dev = 0 (k columns appear once per person: merge them).
    const merged = new Map<number, number>();
    sumCols.forEach((c, i) => merged.set(c, (merged.get(c) ?? 0) + sumCoefs[i]!));
    const drift = frame.shareDrift + tolerance * (model.cover.length + 1);
    b.addRow(
      'zero_sum',
      [...merged.keys()],
      [...merged.values()],
      -sumConstant - drift,
      -sumConstant + drift,
    );
  }
  return { problem: b.build(), margin: margin + (dw + 2 * sw) * tolerance * 10, quick };
}

/**
 * `granularityMilp` solved by HiGHS within a time limit: the bound it proves, less a rounding margin, or null when
 * there is no such MILP or the solve proves nothing. Never below the assignment bound.
 */
export async function granularityMilpBound(
  model: RosterModel,
  solve: MilpSolver,
  options: GranularityBoundOptions,
): Promise<number | null> {
  const milp = granularityMilp(model);
  if (!milp) return null;
  const solution = await solve(milp.problem, {
    timeLimitSeconds: options.timeLimitSeconds,
    relativeGap: 1e-9,
    shouldStop: options.shouldStop,
  });
  const proved = solution.bound;
  if (proved === null) return null;
  return Math.max(milp.quick, proved - milp.margin);
}
