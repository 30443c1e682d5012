import { checkRoster } from '../../../shared/optimize/check-roster';
import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { evenestSplitCost, fairnessBound, loadStep } from '../../../shared/optimize/fairness-bound';
import { granularityMilp, granularityMilpBound } from '../../../shared/optimize/granularity-bound';
import { assignmentBound } from '../../../shared/optimize/roster-bound';
import type { RosterAssignment, RosterModel, RosterRequest } from '../../../shared/optimize/roster-model';
import { mulberry32 } from '../../../shared/simulation/prng';

/**
 * A plan-shaped roster: `loads[s][d * lanes + t]` is what cell (d, t) weighs for person s, one person per cell,
 * one lane per person and day, fair shares `shares[s][t]`, weights 1 (mean), 1 (max |deviation|), ¼ (spread).
 */
function model(options: {
  loads: number[][];
  shares: number[][];
  days: number;
  lanes?: number;
  closed?: { staff: number; day: number }[];
  requests?: RosterRequest[];
  baseLoad?: number[];
  baseTotal?: number[];
}): RosterModel {
  const T = options.lanes ?? 1;
  const D = options.days;
  const cover = [];
  for (let d = 0; d < D; d++)
    for (let t = 0; t < T; t++)
      cover.push({ day: d, shift: t, requirement: 1, underWeight: null, overWeight: null });
  return {
    name: 'hand',
    days: D,
    weekendOf: new Int32Array(D).fill(-1),
    shiftTypes: Array.from({ length: T }, (_, t) => ({ id: `lane${t}`, minutes: 0, forbiddenNext: [] })),
    staff: options.loads.map((_, s) => ({
      id: `p${s}`,
      maxShifts: Array.from({ length: T }, () => null),
      maxMinutes: null,
      minMinutes: null,
      maxConsecutive: null,
      minConsecutive: null,
      minConsecutiveOff: null,
      maxWeekends: null,
      runLimits: [],
    })),
    cover,
    unavailable: (options.closed ?? []).map((c) => ({ ...c, shift: -1 })),
    fixed: [],
    requests: options.requests ?? [],
    waiveMinRunsAtEdges: false,
    fairness: {
      load: options.loads.map((row) => Float64Array.from(row)),
      share: options.shares,
      baseLoad: options.baseLoad ?? options.loads.map(() => 0),
      baseTotal: options.baseTotal ?? Array.from({ length: T }, () => 0),
      meanWeight: 1,
      deviationWeight: 1,
      spreadWeight: 0.25,
    },
  };
}

/** The proven optimum by enumeration: every way to give each cell a person, scored by the independent checker. */
function optimum(m: RosterModel): number {
  const S = m.staff.length;
  const T = m.shiftTypes.length;
  const asg: RosterAssignment = m.staff.map(() => new Int32Array(m.days).fill(-1));
  let best = Infinity;
  const walk = (k: number) => {
    if (k === m.cover.length) {
      const check = checkRoster(m, asg);
      if (check.violations.length === 0) best = Math.min(best, check.objective);
      return;
    }
    const { day, shift } = m.cover[k]!;
    for (let s = 0; s < S; s++) {
      if (asg[s]![day]! >= 0) continue;
      asg[s]![day] = shift;
      walk(k + 1);
      asg[s]![day] = -1;
    }
  };
  walk(0);
  expect(T).toBeGreaterThan(0);
  return best;
}

describe('loadStep', () => {
  it('finds the common step of quarter-hour loads, of decimal fractions, and none for unrelated numbers', () => {
    expect(loadStep([14.25, 16.5, 28.5])).toBe(0.75);
    expect(loadStep([1, 0.25, 0])).toBe(0.25);
    // 0.3 % 0.1 is 0.09999999999999998 in floats: the tolerance reads it as 0.
    expect(loadStep([0.1, 0.3])).toBeCloseTo(0.1, 12);
    expect(loadStep([1, Math.SQRT2])).toBeNull();
    expect(loadStep([])).toBeNull();
  });
});

describe('evenestSplitCost', () => {
  it('places the shortest interval holding every residue class as near 0 as the grid allows', () => {
    // Residues 0.1, 0.2, 0.9 (step 1): best is −0.1, 0.1, 0.2 → max |d| 0.2, spread 0.3 → 0.2 + ¼ × 0.3.
    expect(evenestSplitCost([0.1, 0.2, 0.9], 1, 1, 0.25)).toBeCloseTo(0.275, 12);
    // One class at 0.3: 0.3 on its own; through zero the spread counts from 0 as well (0.3 + ¼ × 0.3).
    expect(evenestSplitCost([0.3], 1, 1, 0.25)).toBeCloseTo(0.3, 12);
    expect(evenestSplitCost([0.3], 1, 1, 0.25, true)).toBeCloseTo(0.375, 12);
    // Residues that are multiples of the step cost nothing; negative residues are read modulo the step.
    expect(evenestSplitCost([0, 2, -3], 1, 1, 0.25)).toBe(0);
    expect(evenestSplitCost([-0.25], 1, 1, 0)).toBeCloseTo(0.25, 12);
  });
});

describe('fairnessBound', () => {
  it('two people, three equal periods: 1.5 each is out of reach, so the bound adds 0.5 + ¼ × 0.5', () => {
    // Total 3, fair share 1.5 each; loads are whole, so the deviations are ±0.5 or worse. The relaxation lets both
    // sit at +0.5 (or one at 0.5 and the other at 0 through zero): 1.5 + 0.5 + 0.125 = 2.125. The optimum, 2 + 1,
    // costs 1.5 + 0.5 + ¼ × 1 = 2.25; the assignment bound only sees 1.5.
    const m = model({ loads: [Array(3).fill(1), Array(3).fill(1)], shares: [[0.5], [0.5]], days: 3 });
    expect(assignmentBound(m)).toBe(1.5);
    expect(fairnessBound(m)).toBeCloseTo(2.125, 7);
    expect(optimum(m)).toBeCloseTo(2.25, 12);
  });

  it('shares that the loads can meet exactly: the bound is the optimum', () => {
    // Shares ¾ and ¼ of four unit periods: 3 and 1 meet them, every deviation 0, objective 4 / 2 = 2.
    const m = model({ loads: [Array(4).fill(1), Array(4).fill(1)], shares: [[0.75], [0.25]], days: 4 });
    expect(fairnessBound(m)).toBe(2);
    expect(optimum(m)).toBe(2);
  });

  it('three people share four periods: each fair share is 4/3 and the loads are whole', () => {
    // Every deviation is ≡ 2/3 (mod 1): one point at −1/3 with the spread counted to 0 gives 1/3 + ¼ × 1/3.
    // The optimum 2, 1, 1 has deviations 2/3, −1/3, −1/3: 4/3 + 2/3 + ¼ × 1 = 2.25.
    const m = model({
      loads: [Array(4).fill(1), Array(4).fill(1), Array(4).fill(1)],
      shares: [[1 / 3], [1 / 3], [1 / 3]],
      days: 4,
    });
    expect(fairnessBound(m)).toBeCloseTo(4 / 3 + 5 / 12, 7);
    expect(optimum(m)).toBeCloseTo(2.25, 12);
  });

  it('a heavier holiday: the total may grow by one step, and the bound takes the cheaper of both totals', () => {
    // Day 0 weighs 2 for person 0 (a holiday in their region) and 1 for person 1. Cheapest: person 1 takes it,
    // total 3, shares ½: deviations ±0.5 → 1.5 + 0.625. With person 0 on it the total is 4 and a 2 + 2 split is
    // exact: 2 + 0 = 2. The bound is min(2.125, 2) = 2, which is the optimum.
    const m = model({
      loads: [
        [2, 1, 1],
        [1, 1, 1],
      ],
      shares: [[0.5], [0.5]],
      days: 3,
    });
    expect(assignmentBound(m)).toBe(1.5);
    expect(fairnessBound(m)).toBeCloseTo(2, 7);
    expect(optimum(m)).toBeCloseTo(2, 12);
  });

  it('never exceeds the optimum of small rosters solved by enumeration, and often beats the assignment bound', () => {
    const rng = mulberry32(20261207);
    const pick = (n: number) => Math.floor(rng() * n);
    let stronger = 0;
    for (let i = 0; i < 150; i++) {
      const S = 2 + pick(2);
      const T = 1 + pick(2);
      const D = T === 2 ? 3 : 3 + pick(2);
      const step = [0.25, 0.5, 1][pick(3)]!;
      const loads = Array.from({ length: S }, () =>
        Array.from({ length: D * T }, () => step * (2 + pick(4))),
      );
      // One layer's shares for every lane, or (two lanes) a second column of its own.
      const column = () => {
        const raw = Array.from({ length: S }, () => 1 + pick(3));
        const sum = raw.reduce((a, b) => a + b, 0);
        return raw.map((v) => v / sum);
      };
      const first = column();
      const second = T === 2 && rng() < 0.5 ? column() : first;
      const shares = first.map((v, s) => (T === 2 ? [v, second[s]!] : [v]));
      const closed = rng() < 0.5 ? [{ staff: pick(S), day: pick(D) }] : [];
      const requests: RosterRequest[] =
        rng() < 0.3 ? [{ staff: pick(S), day: pick(D), shift: -1, kind: 'off', weight: step * 2 }] : [];
      const baseLoad = loads.map(() => (rng() < 0.3 ? step * pick(3) : 0));
      const baseTotal = Array.from({ length: T }, (_, t) =>
        t === 0 ? baseLoad.reduce((a, b) => a + b, 0) : 0,
      );
      const m = model({ loads, shares, days: D, lanes: T, closed, requests, baseLoad, baseTotal });
      const best = optimum(m);
      const bound = fairnessBound(m)!;
      const quick = assignmentBound(m)!;
      expect(bound).toBeGreaterThanOrEqual(quick);
      expect(bound).toBeLessThanOrEqual(best + 1e-9);
      if (bound > quick + 1e-9) stronger++;
    }
    expect(stronger).toBe(107);
  });
});

describe('granularityMilpBound', () => {
  it('two people, three equal periods: the balancing MILP proves the optimum, 2.25', async () => {
    // Every cell is one of each person's few "fine" cells (1 is not a multiple of the coarse step 12), the
    // deviations sum to zero, so all three go to someone: 2 + 1 at best, ±0.5 → 1.5 + 0.5 + ¼ × 1.
    const m = model({ loads: [Array(3).fill(1), Array(3).fill(1)], shares: [[0.5], [0.5]], days: 3 });
    expect(granularityMilp(m)!.problem.numCols).toBe(13);
    expect(await granularityMilpBound(m, solveWithHighs, { timeLimitSeconds: 10 })).toBeCloseTo(2.25, 6);
    expect(optimum(m)).toBeCloseTo(2.25, 12);
  });

  it('never exceeds the optimum of small rosters whose loads are mostly coarse, solved by enumeration', async () => {
    const rng = mulberry32(7122026);
    const pick = (n: number) => Math.floor(rng() * n);
    let above = 0;
    for (let i = 0; i < 60; i++) {
      const S = 2 + pick(2);
      const T = 1 + pick(2);
      const D = T === 2 ? 3 : 3 + pick(2);
      // Multiples of ¾ with now and then a quarter off (a clock change), as on a plan across zones.
      const loads = Array.from({ length: S }, () =>
        Array.from({ length: D * T }, () => 0.75 * (8 + pick(6)) + (rng() < 0.15 ? 0.25 * (1 + pick(2)) : 0)),
      );
      const raw = Array.from({ length: S }, () => 1 + pick(3));
      const sum = raw.reduce((a, b) => a + b, 0);
      const shares = raw.map((v) => Array.from({ length: T }, () => v / sum));
      const closed = rng() < 0.5 ? [{ staff: pick(S), day: pick(D) }] : [];
      const m = model({ loads, shares, days: D, lanes: T, closed });
      const best = optimum(m);
      const bound = (await granularityMilpBound(m, solveWithHighs, { timeLimitSeconds: 10 }))!;
      expect(bound).toBeGreaterThanOrEqual(assignmentBound(m)! - 1e-9);
      expect(bound).toBeLessThanOrEqual(best + 1e-6);
      if (bound > fairnessBound(m)! + 1e-6) above++;
    }
    expect(above).toBe(46);
  }, 120_000);
});
