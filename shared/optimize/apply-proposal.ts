import { resolveWindow } from '../fairness/window';
import { refuse, type EditOutcome } from '../plan/edits/edit-outcome';
import type { Plan, Shift } from '../plan/schema';
import { rotationSlots } from '../rotation/generate-shifts';
import { sortShifts } from '../rotation/schedule-shifts';
import { instantMs } from '../time/zoned';

/**
 * The instants an optimiser window rewrites: from the start of the first rotation period that starts in the
 * window to the end of the last one (the periods the roster model decides), or null when none starts there.
 */
export function proposalSpan(
  plan: Plan,
  window: { from?: string; to?: string },
): { start: number; end: number } | null {
  const w = resolveWindow(plan, window);
  const spans = rotationSlots(plan.rotation)
    .map((s) => ({ start: instantMs(s.start), end: instantMs(s.end) }))
    .filter((s) => s.start >= w.startMs && s.start < w.endMs);
  return spans.length === 0 ? null : { start: spans[0]!.start, end: spans[spans.length - 1]!.end };
}

/**
 * Puts a proposal's shifts into a plan: every shift overlapping the periods the optimiser decided is replaced by
 * the proposal's shifts there; a shift that reached past those periods comes back as the proposal's trimmed part
 * (same id, or `<id>-<n>`). Everything else in the plan stays as it is. A window that ends before it starts is
 * refused with that sentence.
 * Why by window and not the whole list: the rest of the plan (other months, edits made elsewhere) is the user's
 * and survives applying a proposal for one quarter.
 */
export function replaceShiftsInWindow(
  plan: Plan,
  proposalShifts: readonly Shift[],
  window: { from?: string; to?: string },
): EditOutcome {
  let span: { start: number; end: number } | null;
  try {
    span = proposalSpan(plan, window);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
  if (!span) return plan;
  const inside = (s: Shift) => instantMs(s.start) < span.end && instantMs(s.end) > span.start;
  const removed = new Set(plan.shifts.filter(inside).map((s) => s.id));
  const isRemainder = (s: Shift) =>
    removed.has(s.id) ||
    [...removed].some((id) => s.id.startsWith(`${id}-`) && /^\d+$/.test(s.id.slice(id.length + 1)));
  const shifts = [
    ...plan.shifts.filter((s) => !inside(s)),
    ...proposalShifts.filter((s) => inside(s) || isRemainder(s)),
  ];
  return { ...plan, shifts: sortShifts(plan, shifts) };
}
