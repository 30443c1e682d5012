import type { Member, Plan, TimeOff } from '../plan/schema';
import type { Interval } from '../time/intervals';
import { mergeIntervals, overlaps } from '../time/intervals';
import { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, msToInstant } from '../time/zoned';

/**
 * The instants one time-off entry covers: from the start of its first day to the end of its last day, in the
 * member's own time zone (the schema keeps both dates inclusive and local to the member). `clock`: the caller's.
 */
export function timeOffInterval(member: Member, timeOff: TimeOff, clock = new ZoneClock()): Interval {
  return {
    start: instantMs(clock.startOfLocalDay(timeOff.start, member.timeZone)),
    end: instantMs(clock.startOfLocalDay(addDays(timeOff.end, 1), member.timeZone)),
  };
}

/**
 * Every member's time away as merged intervals, keyed by member id.
 * Why precomputed: the engine asks "is this person free?" for every period of every layer.
 */
export function awayIntervals(plan: Plan, clock = new ZoneClock()): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  for (const member of plan.members) {
    out.set(member.id, mergeIntervals(member.timeOff.map((t) => timeOffInterval(member, t, clock))));
  }
  return out;
}

/** One time-off entry that falls in a span, with the instants the two share. */
export type TimeOffConflict = { memberId: string; timeOff: TimeOff; start: string; end: string };

/**
 * The member's time off that overlaps [start, end) (ISO instants), with the overlapping part of each.
 * Why: an edit that puts someone on call during their time off still works, but the UI asks the user first;
 * this is the question it asks. Unknown members have no conflicts.
 */
export function timeOffConflicts(
  plan: Plan,
  memberId: string,
  start: string,
  end: string,
): TimeOffConflict[] {
  const member = plan.members.find((m) => m.id === memberId);
  if (!member) return [];
  const span = { start: instantMs(start), end: instantMs(end) };
  const out: TimeOffConflict[] = [];
  for (const timeOff of member.timeOff) {
    const away = timeOffInterval(member, timeOff);
    if (!overlaps(away, span)) continue;
    out.push({
      memberId,
      timeOff,
      start: msToInstant(Math.max(away.start, span.start)),
      end: msToInstant(Math.min(away.end, span.end)),
    });
  }
  return out;
}
