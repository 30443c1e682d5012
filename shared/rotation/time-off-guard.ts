import type { Plan, Shift } from '../plan/schema';
import { timeOffConflicts, type TimeOffConflict } from './availability';
import { diffShifts } from './regenerate';
import { instantMs } from '../time/zoned';

/** Time off an edit would newly put on call: the shift after the edit, and the overlap with the time off. */
export type IntroducedConflict = TimeOffConflict & { shift: Shift };

const overlapMs = (c: TimeOffConflict) => instantMs(c.end) - instantMs(c.start);

/**
 * The time off that an edit puts on call, comparing the plan before and after it: for every shift the edit adds
 * or changes, the overlaps with its person's time off that are new or longer than before.
 * Why: the shift edits never refuse a drop onto someone's time off (that is the user's call); the calendar asks
 * first, and only about what the edit itself causes, not about conflicts the plan already had.
 */
export function introducedTimeOffConflicts(before: Plan, after: Plan): IntroducedConflict[] {
  // Edits keep the shift objects they leave alone: only the others can differ, so only they are diffed (the same
  // result as diffing everything, without walking 36,000 shifts twice per drop).
  const kept = new Set(before.shifts);
  const afterRest = after.shifts.filter((s) => !kept.has(s));
  const still = new Set(after.shifts);
  const diff = diffShifts(
    before.shifts.filter((s) => !still.has(s)),
    afterRest,
  );
  const touched = [
    ...diff.added.map((s) => ({ was: null, now: s })),
    ...diff.changed.map((c) => ({ was: c.before, now: c.after })),
  ];
  const out: IntroducedConflict[] = [];
  for (const { was, now } of touched) {
    const previous =
      was && was.memberId === now.memberId ? timeOffConflicts(before, was.memberId, was.start, was.end) : [];
    for (const c of timeOffConflicts(after, now.memberId, now.start, now.end)) {
      const old = previous.find((p) => p.timeOff.id === c.timeOff.id);
      if (!old || overlapMs(c) > overlapMs(old)) out.push({ ...c, shift: now });
    }
  }
  return out;
}
