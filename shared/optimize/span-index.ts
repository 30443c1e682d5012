import type { Shift } from '../plan/schema';
import { instantMs } from '../time/zoned';

/** A shift with its instants in epoch ms. */
export type SpannedShift = { shift: Shift; start: number; end: number };

/** Finds the shifts that overlap a span, in start order. */
export type SpanIndex = { overlapping: (start: number, end: number) => SpannedShift[]; all: SpannedShift[] };

/**
 * Indexes shifts by start for overlap queries: a binary search finds the first shift starting at or after the
 * span's end, and the scan goes back no further than the longest shift allows.
 * Why: a year of daily shifts for 25 people is 730 periods × 730 shifts; a scan per period would be quadratic.
 */
export function spanIndex(shifts: readonly Shift[]): SpanIndex {
  const all = shifts
    .map((shift) => ({ shift, start: instantMs(shift.start), end: instantMs(shift.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const longest = all.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  return {
    all,
    overlapping(start: number, end: number): SpannedShift[] {
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid]!.start < end) lo = mid + 1;
        else hi = mid;
      }
      const out: SpannedShift[] = [];
      for (let i = lo - 1; i >= 0 && all[i]!.start > start - longest; i--) {
        if (all[i]!.end > start) out.push(all[i]!);
      }
      return out.reverse();
    },
  };
}
