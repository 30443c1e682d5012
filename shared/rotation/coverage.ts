import type { Plan, Shift } from '../plan/schema';
import { instantMs, msToInstant } from '../time/zoned';
import { rotationHorizon } from './generate-shifts';
import { isShadowShift } from './shadow-shifts';

/** A stretch of a layer with nobody on call. */
export type CoverageGap = { start: string; end: string };

/** A stretch of a layer with more than one person on call, and the shifts involved. */
export type CoverageOverlap = { start: string; end: string; shiftIds: string[] };

/** Gaps and overlaps of one layer within the checked window. */
export type LayerCoverage = { layerId: string; gaps: CoverageGap[]; overlaps: CoverageOverlap[] };

/**
 * Checks that each layer is covered exactly once over a window (default: the rotation's horizon).
 * Why: every edit and regeneration must keep coverage whole; analysis turns these into `coverage-gap` and
 * `overlap` flags. Instants are ISO strings; the window is [start, end). Shadow shifts are not coverage: a learner
 * beside the on-call person is no overlap, and their absence no gap.
 */
export function checkCoverage(plan: Plan, window?: { start: string; end: string }): LayerCoverage[] {
  const span = window ?? rotationHorizon(plan.rotation);
  const from = instantMs(span.start);
  const to = instantMs(span.end);
  return plan.rotation.layers.map((layer) => {
    const shifts = plan.shifts
      .filter(
        (s) =>
          s.layerId === layer.id && !isShadowShift(s) && instantMs(s.end) > from && instantMs(s.start) < to,
      )
      .map((s) => ({
        shift: s,
        start: Math.max(instantMs(s.start), from),
        end: Math.min(instantMs(s.end), to),
      }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const gaps: CoverageGap[] = [];
    const overlaps: CoverageOverlap[] = [];
    let coveredTo = from;
    let last: Shift | null = null;
    for (const { shift, start, end } of shifts) {
      if (start > coveredTo) gaps.push({ start: msToInstant(coveredTo), end: msToInstant(start) });
      else if (start < coveredTo && last) {
        overlaps.push({
          start: msToInstant(start),
          end: msToInstant(Math.min(coveredTo, end)),
          shiftIds: [last.id, shift.id],
        });
      }
      if (end > coveredTo) {
        coveredTo = end;
        last = shift;
      }
    }
    if (coveredTo < to) gaps.push({ start: msToInstant(coveredTo), end: msToInstant(to) });
    return { layerId: layer.id, gaps, overlaps };
  });
}
