import { instantMs } from '../time/zoned';
import type { Shift } from './schema';

/**
 * A stretch of the shifts array whose starts never decrease (a layer, in the plan's order). `endsInOrder`: its ends
 * never decrease either (a layer's shifts do not overlap), so the first shift that can reach a moment is found by
 * its end alone; otherwise `longestMs` (its longest shift) bounds how far back to look.
 */
type Run = { from: number; to: number; endsInOrder: boolean; longestMs: number };

/** `runs` null: the array is in no useful order (or not in the plain form) and is scanned. */
type ShiftIndex = { runs: Run[] | null };

// Beyond this many runs the array is not in any useful order; a straight scan is then the faster query.
const MAX_RUNS = 32;

// One index per shifts array: plans are immutable, so an array never changes after it is indexed.
// eslint-disable-next-line no-restricted-syntax -- a module-level cache still to be owned by its callers
const indexes = new WeakMap<readonly Shift[], ShiftIndex>();

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

function buildIndex(shifts: readonly Shift[]): ShiftIndex {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let i = 0; i < shifts.length; i++) {
    const { start, end } = shifts[i]!;
    if (!plainForm(start) || !plainForm(end)) return { runs: null };
    const previous = shifts[i - 1];
    if (!run || !previous || start < previous.start) {
      if (runs.length === MAX_RUNS) return { runs: null };
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
  return { runs };
}

function indexOf(shifts: readonly Shift[]): ShiftIndex {
  let index = indexes.get(shifts);
  if (!index) {
    index = buildIndex(shifts);
    indexes.set(shifts, index);
  }
  return index;
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
 * The shifts overlapping [fromMs, toMs) (epoch ms; a shift touching an edge does not count), in the array's order.
 * Why: the calendar asks for the few weeks it shows after every edit, and a two-year plan of hourly shifts holds
 * 36,000. Plans keep each layer's shifts in start order, so each layer is binary-searched instead of scanned, and
 * only the instants a query touches are parsed (the first month of a big plan would otherwise parse 70,000).
 */
export function shiftsOverlapping(shifts: readonly Shift[], fromMs: number, toMs: number): Shift[] {
  const { runs } = indexOf(shifts);
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
