import type { Plan } from '../plan/schema';
import type { HolidayLookup } from '../time/holidays';
import { isKeptShift, sortShifts } from './schedule-shifts';
import { onCallShifts, scheduleShadows, shadowShiftsOf } from './shadow-shifts';

/**
 * The plan's shifts with every generated shadow built again from the layers' pairings, beside the on-call shifts
 * as they are now; pinned or hand-made shadows stay. On-call shifts are not touched.
 * Why not a full regeneration: adding or removing a learner must never move who is on call. `holidays`: the
 * learners' public holidays (see `scheduleShadows`).
 */
export function refreshShadows(plan: Plan, holidays?: HolidayLookup): Plan {
  const onCall = onCallShifts(plan.shifts);
  const shadows = scheduleShadows(
    plan,
    onCall,
    shadowShiftsOf(plan.shifts),
    {
      from: Number.NEGATIVE_INFINITY,
      to: Number.POSITIVE_INFINITY,
      isKept: isKeptShift,
    },
    holidays,
  );
  return { ...plan, shifts: sortShifts(plan, [...onCall, ...shadows]) };
}
