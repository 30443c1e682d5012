import type { Member } from '../plan/schema';
import { addDays } from '../time/zoned';

/** A run of dates, both inclusive (YYYY-MM-DD). */
export type AwayRange = { start: string; end: string };

/**
 * The dates on which both members are away at once (from their time off), merged into ranges and sorted.
 * Dates are compared as written, each in its member's own zone, so a day both mark as off counts even when their
 * zones differ by a few hours. Why: a pipeline whose two owners are both away has nobody who knows it well.
 */
export function bothAway(a: Member, b: Member): AwayRange[] {
  const overlaps: AwayRange[] = [];
  for (const x of a.timeOff) {
    for (const y of b.timeOff) {
      const start = x.start > y.start ? x.start : y.start;
      const end = x.end < y.end ? x.end : y.end;
      if (start <= end) overlaps.push({ start, end });
    }
  }
  overlaps.sort((p, q) => (p.start < q.start ? -1 : p.start > q.start ? 1 : 0));
  const merged: AwayRange[] = [];
  for (const range of overlaps) {
    const last = merged[merged.length - 1];
    // Adjacent ranges (one ends the day before the next starts) are one absence for the pipeline.
    if (last && range.start <= addDays(last.end, 1)) {
      if (range.end > last.end) last.end = range.end;
    } else merged.push({ ...range });
  }
  return merged;
}
