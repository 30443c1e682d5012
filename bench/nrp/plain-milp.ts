// The textbook MILP of a Curtois & Qu instance, kept to calibrate the roster MILP against (root LP bound, size):
// x[e,d,s] binaries; integer cover slack and surplus; most shifts per type; min/max total minutes; most consecutive
// working days by sliding windows; minimum runs of work and of rest by the "no short run" rows (waived for runs
// touching the first or the last day); most weekends with weekend indicators; forbidden successions; days off
// fixed to 0. No auxiliary "works that day" columns: Σ_t x[e,d,t] stands for it.
import { MilpBuilder, type MilpProblem } from '../../shared/optimize/milp-model';
import type { RosterModel } from '../../shared/optimize/roster-model';

/** The plain model; `x[(s * days + d) * shiftCount + t]` is the column of a cell (−1: day off). */
export function buildPlainMilp(model: RosterModel): { problem: MilpProblem; x: Int32Array } {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const b = new MilpBuilder();
  const cell = (s: number, d: number, t: number) => (s * D + d) * T + t;
  const x = new Int32Array(S * D * T).fill(-1);
  const off = new Uint8Array(S * D);
  for (const u of model.unavailable) off[u.staff * D + u.day] = 1;
  for (let s = 0; s < S; s++)
    for (let d = 0; d < D; d++)
      for (let t = 0; t < T; t++)
        x[cell(s, d, t)] = b.addCol(`x_${s}_${d}_${t}`, 0, off[s * D + d] ? 0 : 1, 0, true);
  const day = (s: number, d: number) => Array.from({ length: T }, (_, t) => x[cell(s, d, t)]!);
  const ones = (n: number, v = 1) => Array.from({ length: n }, () => v);
  for (let s = 0; s < S; s++) {
    const st = model.staff[s]!;
    for (let d = 0; d < D; d++) b.addRow(`one_${s}_${d}`, day(s, d), ones(T), -Infinity, 1);
    for (let t = 0; t < T; t++) {
      const cols = Array.from({ length: D }, (_, d) => x[cell(s, d, t)]!);
      b.addRow(`max_${s}_${t}`, cols, ones(D), -Infinity, st.maxShifts[t] ?? D);
    }
    const mins: number[] = [];
    const minCols: number[] = [];
    for (let d = 0; d < D; d++)
      for (let t = 0; t < T; t++) {
        minCols.push(x[cell(s, d, t)]!);
        mins.push(model.shiftTypes[t]!.minutes);
      }
    b.addRow(`minutes_${s}`, minCols, mins, st.minMinutes ?? -Infinity, st.maxMinutes ?? Infinity);
    const cmax = st.maxConsecutive ?? D;
    for (let d = 0; d + cmax < D; d++) {
      const cols: number[] = [];
      for (let k = d; k <= d + cmax; k++) cols.push(...day(s, k));
      b.addRow(`maxrun_${s}_${d}`, cols, ones(cols.length), -Infinity, cmax);
    }
    // A run of l < min days on (off) between two days off (on), strictly inside the horizon, is forbidden.
    const shortRuns = (min: number, work: boolean) => {
      for (let l = 1; l < min; l++)
        for (let d = 1; d + l < D; d++) {
          const cols = [...day(s, d - 1), ...day(s, d + l)];
          const coefs = ones(2 * T, work ? -1 : 1);
          for (let k = d; k < d + l; k++) {
            cols.push(...day(s, k));
            coefs.push(...ones(T, work ? 1 : -1));
          }
          b.addRow(`short_${work ? 'on' : 'off'}_${s}_${l}_${d}`, cols, coefs, -Infinity, work ? l - 1 : 1);
        }
    };
    shortRuns(st.minConsecutive ?? 1, true);
    shortRuns(st.minConsecutiveOff ?? 1, false);
    if (st.maxWeekends !== null) {
      const wk: number[] = [];
      for (let w = 0; 7 * w + 6 < D; w++) {
        const col = b.addCol(`wk_${s}_${w}`, 0, 1, 0, true);
        wk.push(col);
        for (const d of [7 * w + 5, 7 * w + 6])
          b.addRow(`wk_${s}_${w}_${d}`, [col, ...day(s, d)], [1, ...ones(T, -1)], 0, Infinity);
      }
      b.addRow(`maxwk_${s}`, wk, ones(wk.length), -Infinity, st.maxWeekends);
    }
    for (let d = 0; d + 1 < D; d++)
      for (let t = 0; t < T; t++)
        for (const u of model.shiftTypes[t]!.forbiddenNext)
          b.addRow(
            `succ_${s}_${d}_${t}_${u}`,
            [x[cell(s, d, t)]!, x[cell(s, d + 1, u)]!],
            [1, 1],
            -Infinity,
            1,
          );
  }
  for (const c of model.cover) {
    const cols = Array.from({ length: S }, (_, s) => x[cell(s, c.day, c.shift)]!);
    const under = b.addCol(`under_${c.day}_${c.shift}`, 0, Infinity, c.underWeight ?? 0, true);
    const over = b.addCol(`over_${c.day}_${c.shift}`, 0, Infinity, c.overWeight ?? 0, true);
    b.addRow(
      `cover_${c.day}_${c.shift}`,
      [...cols, under, over],
      [...ones(S), 1, -1],
      c.requirement,
      c.requirement,
    );
  }
  for (const r of model.requests) {
    if (r.kind === 'on') b.addOffset(r.weight);
    b.addCost(x[cell(r.staff, r.day, r.shift)]!, r.kind === 'on' ? -r.weight : r.weight);
  }
  return { problem: b.build(), x };
}
