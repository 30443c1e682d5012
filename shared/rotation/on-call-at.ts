import type { Plan, Shift } from '../plan/schema';
import { instantMs } from '../time/zoned';
import { isShadowShift } from './shadow-shifts';

/** Who is on call in one layer at one instant: usually one shift; none in a gap, several in an overlap. */
export type LayerOnCall = { layerId: string; layerName: string; memberIds: string[]; shifts: Shift[] };

/**
 * Who is on call at an instant (ISO), per layer in the rotation's order. A shift counts from its start up to,
 * not including, its end, so at a handoff only the incoming person is on call.
 * Why per layer: the calendar's "who is on call" answers for primary and secondary at once. A shadow is nobody on
 * call: learners are left out.
 */
export function whoIsOnCallAt(plan: Plan, instant: string): LayerOnCall[] {
  const t = instantMs(instant);
  return plan.rotation.layers.map((layer) => {
    const shifts = plan.shifts.filter(
      (s) => s.layerId === layer.id && !isShadowShift(s) && instantMs(s.start) <= t && t < instantMs(s.end),
    );
    return { layerId: layer.id, layerName: layer.name, memberIds: shifts.map((s) => s.memberId), shifts };
  });
}
