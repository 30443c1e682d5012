import { instantMs } from '../time/zoned';
import type { Shift } from './schema';

/**
 * A stretch of the shifts array whose starts never decrease (a layer, in the plan's order). `endsInOrder`: its ends
 * never decrease either (a layer's shifts do not overlap), so the first shift that can reach a moment is found by
 * its end alone; otherwise `longestMs` (its longest shift) bounds how far back to look.
 */
type Run = { from: number; to: number; endsInOrder: boolean; longestMs: number };

// Beyond this many runs the array is not in any useful order; a straight scan is then the faster query.
const MAX_RUNS = 32;

/**
 * True for the form plans are written in, YYYY-MM-DDTHH:MM:SSZ: strings of that form sort as their instants do, so
 * the index compares them as text and parses only what a query touches.
 */
function plainForm(instant: string): boolean {
  return (
    instant.length === 20 &&
    instant.charCodeAt(19) === 90 && // Z
    instant.charCodeAt(10) === 84 && // T
    instant.charCodeAt(4) === 45 &&
    instant.charCodeAt(7) === 45 &&
    instant.charCodeAt(13) === 58 &&
    instant.charCodeAt(16) === 58
  );
}

/** The runs of `shifts`, or null when it is in no useful order (or not in the plain form) and is scanned. */
function buildRuns(shifts: readonly Shift[]): Run[] | null {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let i = 0; i < shifts.length; i++) {
    const { start, end } = shifts[i]!;
    if (!plainForm(start) || !plainForm(end)) return null;
    const previous = shifts[i - 1];
    if (!run || !previous || start < previous.start) {
      if (runs.length === MAX_RUNS) return null;
      run = { from: i, to: i, endsInOrder: true, longestMs: 0 };
      runs.push(run);
    } else if (end < previous.end) run.endsInOrder = false;
    run.to = i + 1;
  }
  // Only a run whose ends are out of order needs its durations, hence its instants parsed.
  for (const r of runs) {
    if (r.endsInOrder) continue;
    for (let i = r.from; i < r.to; i++) {
      const s = shifts[i]!;
      r.longestMs = Math.max(r.longestMs, instantMs(s.end) - instantMs(s.start));
    }
  }
  return runs;
}

/** The first index in [lo, hi) whose value is true, given `test` is false, then true, along the range. */
function firstTrue(lo: number, hi: number, test: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * An index of one shifts array for finding the shifts that overlap a stretch of time. The array must not change
 * while the index is in use (plans are immutable: keep one index per plan's `shifts`).
 * Why: the calendar asks for the few weeks it shows after every edit, and a two-year plan of hourly shifts holds
 * 36,000. Plans keep each layer's shifts in start order, so each layer is binary-searched instead of scanned, and
 * only the instants a query touches are parsed (the first month of a big plan would otherwise parse 70,000).
 * Building it is one pass over the array's strings; a caller that asks again about the same array (the calendar)
 * keeps the index, one that asks once uses `shiftsOverlapping`.
 */
export class ShiftIndex {
  private readonly runs: Run[] | null;

  constructor(readonly shifts: readonly Shift[]) {
    this.runs = buildRuns(shifts);
  }

  /** The shifts overlapping [fromMs, toMs) (epoch ms; a shift touching an edge does not count), in array order. */
  overlapping(fromMs: number, toMs: number): Shift[] {
    const { runs, shifts } = this;
    const out: Shift[] = [];
    if (!runs) {
      for (const shift of shifts) {
        if (instantMs(shift.end) > fromMs && instantMs(shift.start) < toMs) out.push(shift);
      }
      return out;
    }
    for (const run of runs) {
      // The first shift that can reach fromMs: by its end when ends are in order, else by its start and the
      // longest shift (one starting at or before fromMs - longest ends by fromMs).
      const first = run.endsInOrder
        ? firstTrue(run.from, run.to, (i) => instantMs(shifts[i]!.end) > fromMs)
        : firstTrue(run.from, run.to, (i) => instantMs(shifts[i]!.start) > fromMs - run.longestMs);
      for (let i = first; i < run.to; i++) {
        const shift = shifts[i]!;
        if (instantMs(shift.start) >= toMs) break;
        if (instantMs(shift.end) > fromMs) out.push(shift);
      }
    }
    return out;
  }
}

/** The shifts of `shifts` overlapping [fromMs, toMs), for a caller that asks once (see `ShiftIndex`). */
export function shiftsOverlapping(shifts: readonly Shift[], fromMs: number, toMs: number): Shift[] {
  return new ShiftIndex(shifts).overlapping(fromMs, toMs);
}
