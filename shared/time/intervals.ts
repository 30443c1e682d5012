/** A half-open span of time [start, end) in epoch milliseconds. */
export type Interval = { start: number; end: number };

/** True when two half-open intervals share at least one instant (touching ends do not overlap). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The common part of two intervals, or null when they do not overlap. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : null;
}

/**
 * Sorts intervals and joins those that overlap or touch.
 * Why: time off, fixed shifts and "busy elsewhere" spans are unioned before a rotation slot is cut around them.
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** What is left of `base` after removing every interval in `cuts`, in time order. */
export function subtractIntervals(base: Interval, cuts: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = base.start;
  for (const cut of mergeIntervals(cuts)) {
    if (cut.end <= cursor || cut.start >= base.end) continue;
    if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
    cursor = Math.max(cursor, cut.end);
  }
  if (cursor < base.end) out.push({ start: cursor, end: base.end });
  return out;
}

/** The parts of `pieces` that fall inside any of `within`, merged. */
export function intersectAll(pieces: readonly Interval[], within: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const p of pieces) {
    for (const w of within) {
      const both = intersect(p, w);
      if (both) out.push(both);
    }
  }
  return mergeIntervals(out);
}

/**
 * Milliseconds of [a, b) that fall inside `sorted`, which is sorted by start and disjoint (as `mergeIntervals`
 * returns it). Why a binary search: the ledger asks this of the investor weeks for every shift it weighs.
 */
export function lengthWithin(sorted: readonly Interval[], a: number, b: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= a) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = lo; i < sorted.length && sorted[i]!.start < b; i++) {
    const { start, end } = sorted[i]!;
    total += Math.min(b, end) - Math.max(a, start);
  }
  return Math.max(0, total);
}

/**
 * True when [a, b) shares an instant with any of `byStart`, which is sorted by start (the intervals may overlap
 * each other). Why: "is this member away then" is asked for every candidate of a swap and every simulated page.
 */
export function overlapsAny(byStart: readonly Interval[], a: number, b: number): boolean {
  for (const i of byStart) {
    if (i.start >= b) return false;
    if (i.end > a) return true;
  }
  return false;
}
