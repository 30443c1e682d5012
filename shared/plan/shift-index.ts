import { instantMs } from '../time/zoned';
import type { Shift } from './schema';

/** A stretch of the shifts array whose starts never decrease (a layer, in the plan's order), and its longest shift. */
type Run = { from: number; to: number; longestMs: number };

type ShiftIndex = { starts: Float64Array; ends: Float64Array; runs: Run[] | null };

// Beyond this many runs the array is not in any useful order; a straight scan is then the faster query.
const MAX_RUNS = 32;

// One index per shifts array: plans are immutable, so an array never changes after it is indexed.
const indexes = new WeakMap<readonly Shift[], ShiftIndex>();

function buildIndex(shifts: readonly Shift[]): ShiftIndex {
  const starts = new Float64Array(shifts.length);
  const ends = new Float64Array(shifts.length);
  const runs: Run[] = [];
  let run: Run | null = null;
  shifts.forEach((shift, i) => {
    const start = instantMs(shift.start);
    const end = instantMs(shift.end);
    starts[i] = start;
    ends[i] = end;
    if (!run || start < starts[i - 1]!) {
      run = { from: i, to: i, longestMs: 0 };
      runs.push(run);
    }
    run.to = i + 1;
    run.longestMs = Math.max(run.longestMs, end - start);
  });
  return { starts, ends, runs: runs.length > MAX_RUNS ? null : runs };
}

function indexOf(shifts: readonly Shift[]): ShiftIndex {
  let index = indexes.get(shifts);
  if (!index) {
    index = buildIndex(shifts);
    indexes.set(shifts, index);
  }
  return index;
}

/**
 * The shifts overlapping [fromMs, toMs) (epoch ms; a shift touching an edge does not count), in the array's order.
 * Why: the calendar asks for the few weeks it shows after every edit, and a two-year plan of hourly shifts holds
 * 36,000. Plans keep each layer's shifts in start order, so each layer is binary-searched (from its first start that
 * could still reach `fromMs`, given its longest shift) instead of scanned; the index is built once per shifts array.
 */
export function shiftsOverlapping(shifts: readonly Shift[], fromMs: number, toMs: number): Shift[] {
  const { starts, ends, runs } = indexOf(shifts);
  const out: Shift[] = [];
  if (!runs) {
    shifts.forEach((shift, i) => {
      if (ends[i]! > fromMs && starts[i]! < toMs) out.push(shift);
    });
    return out;
  }
  for (const run of runs) {
    // A shift starting at or before this bound ends by fromMs at the latest: none before it can overlap.
    const bound = fromMs - run.longestMs;
    let lo = run.from;
    let hi = run.to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= bound) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < run.to && starts[i]! < toMs; i++) if (ends[i]! > fromMs) out.push(shifts[i]!);
  }
  return out;
}
