import type { Plan, Shift } from '../plan/schema';
import { localDateTime } from '../time/zoned';

/** An instant as the plan's local wall clock, `2027-01-04 09:00`, for messages. */
export function planLocal(plan: Plan, instant: string): string {
  return localDateTime(instant, plan.rotation.timeZone).replace('T', ' ');
}

/**
 * A shift in words: "Diego Alvarez's Primary shift 2027-01-11 09:00 – 2027-01-18 09:00" (plan-local times;
 * "Primary shadow shift" for a learner's shadow).
 * Why: refusals must tell the user which shift stands in the way, not an id.
 */
export function describeShift(plan: Plan, shift: Shift): string {
  const who = plan.members.find((m) => m.id === shift.memberId)?.name ?? shift.memberId;
  const layer = plan.rotation.layers.find((l) => l.id === shift.layerId)?.name ?? shift.layerId;
  return `${who}'s ${layer} ${shift.shadow === true ? 'shadow shift' : 'shift'} ${planLocal(plan, shift.start)} – ${planLocal(plan, shift.end)}`;
}
