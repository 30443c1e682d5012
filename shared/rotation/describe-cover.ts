import type { Plan, Shift } from '../plan/schema';
import { instantMs } from '../time/zoned';
import { shortSpan } from './edit-consequences';

const REASON = { 'time-off': 'time off', 'other-layer': 'on call in another layer then' } as const;

/**
 * Who a shift stands in for, in words rendered from its `cover` and the plan as it is now: today's names, and the
 * paired shift looked up where it is now. Null when the shift has no cover, or when its times no longer match
 * the cover's (the shift was moved or resized since, so the sentence would no longer be true).
 * Examples: "Covers Sam Okafor (time off); Sam Okafor takes Feb 8 09:00 – Feb 15 09:00 in return",
 * "Swap: Sam Okafor takes this shift from Diego Alvarez, who has Jan 25 09:00 – Feb 1 09:00 instead",
 * "Handed over: Diego Alvarez was scheduled".
 * Why: notes written as free text went stale when someone was renamed or a shift moved.
 */
export function describeCover(plan: Plan, shift: Shift): string | null {
  const cover = shift.cover;
  if (!cover) return null;
  if (
    instantMs(cover.originalStart) !== instantMs(shift.start) ||
    instantMs(cover.originalEnd) !== instantMs(shift.end)
  ) {
    return null;
  }
  const zone = plan.rotation.timeZone;
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const original = name(cover.originalMemberId);
  const holder = name(shift.memberId);
  const paired =
    cover.pairedStart === undefined
      ? undefined
      : plan.shifts.find(
          (s) => s.layerId === shift.layerId && instantMs(s.start) === instantMs(cover.pairedStart!),
        );
  switch (cover.kind) {
    case 'cover': {
      const why = cover.reason ? ` (${REASON[cover.reason]})` : '';
      const head = `Covers ${original}${why}`;
      if (cover.partial) return `${head} for part of the shift`;
      if (cover.pairedStart === undefined)
        return `${head}; no later shift of theirs to swap back in the horizon`;
      if (paired && paired.memberId === cover.originalMemberId) {
        return `${head}; ${original} takes ${shortSpan(paired.start, paired.end, zone)} in return`;
      }
      return `${head}; the shift they were to take in return has changed since`;
    }
    case 'swap': {
      if (paired && paired.memberId === cover.originalMemberId) {
        return `Swap: ${holder} takes this shift from ${original}, who has ${shortSpan(paired.start, paired.end, zone)} instead`;
      }
      return `Swap: ${holder} takes this shift from ${original}`;
    }
    case 'override':
      return `Handed over: ${original} was scheduled`;
  }
}

/**
 * The first half of `describeCover`, which needs only the shift and the names: "Covers Sam Okafor (time off)",
 * "Swap with Diego Alvarez", "Handed over from Diego Alvarez"; null without a cover or when it no longer matches.
 * Why: the calendar's tooltips are built once per shift object and must not depend on other shifts.
 */
export function shortCover(shift: Shift, nameOf: (memberId: string) => string): string | null {
  const cover = shift.cover;
  if (
    !cover ||
    instantMs(cover.originalStart) !== instantMs(shift.start) ||
    instantMs(cover.originalEnd) !== instantMs(shift.end)
  ) {
    return null;
  }
  const original = nameOf(cover.originalMemberId);
  switch (cover.kind) {
    case 'cover':
      return `Covers ${original}${cover.reason ? ` (${REASON[cover.reason]})` : ''}${cover.partial ? ' for part of the shift' : ''}`;
    case 'swap':
      return `Swap with ${original}`;
    case 'override':
      return `Handed over from ${original}`;
  }
}
