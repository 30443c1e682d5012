import type { Plan, Shift } from '../plan/schema';
import { intersect, type Interval } from '../time/intervals';
import { addDays, instantMs, localDate, msToInstant, zonedToInstant } from '../time/zoned';
import { planLocal } from './describe-shift';
import { isPlainLayer, layerRotations } from './layer-rotations';
import { layerTurns } from './turns';

/**
 * Something about a plan's rotations a person should look at: a stretch of a layer no rotation's windows cover
 * (`window-hole`), one that two rotations cover (`window-double`), or a shift in its member's local night
 * (22:00-07:00) on a rotation that does not allow night duty (`night`).
 */
export type RotationWarning = {
  kind: 'window-hole' | 'window-double' | 'night';
  layerId: string;
  memberId?: string;
  start: string;
  end: string;
  message: string;
};

/** The local night (22:00 to 07:00 the next morning) that begins on `date` in `zone`, as epoch ms. */
function nightOf(date: string, zone: string): Interval {
  return {
    start: instantMs(zonedToInstant(date, '22:00', zone)),
    end: instantMs(zonedToInstant(addDays(date, 1), '07:00', zone)),
  };
}

/**
 * The part of a shift that falls in its member's local night (22:00-07:00 in `zone`), or null.
 * Why per night: a night's length changes with DST, so each one is built from local times by Temporal.
 */
export function nightPart(shift: Shift, zone: string): Interval | null {
  const span = { start: instantMs(shift.start), end: instantMs(shift.end) };
  const last = localDate(shift.end, zone);
  for (let date = addDays(localDate(shift.start, zone), -1); date <= last; date = addDays(date, 1)) {
    const both = intersect(span, nightOf(date, zone));
    if (both) return both;
  }
  return null;
}

/**
 * Holes and doubles of every layer's rotation windows, and shifts in a member's local night where the rotation
 * does not allow it. Why: follow-the-sun and business-hours layers are right only when their windows meet
 * exactly and keep everyone in their daytime; `rotaplan generate` prints these as warnings.
 */
export function rotationWarnings(plan: Plan): RotationWarning[] {
  const out: RotationWarning[] = [];
  const zoneOf = new Map(plan.members.map((m) => [m.id, m.timeZone]));
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  for (const layer of plan.rotation.layers) {
    if (isPlainLayer(layer)) continue;
    for (const p of layerTurns(plan.rotation, layer).problems) {
      const start = msToInstant(p.start);
      const end = msToInstant(p.end);
      const what =
        p.kind === 'hole' ? 'no rotation covers' : `rotations ${p.rotationIds.join(', ')} both cover`;
      out.push({
        kind: p.kind === 'hole' ? 'window-hole' : 'window-double',
        layerId: layer.id,
        start,
        end,
        message: `${layer.name}: ${what} ${planLocal(plan, start)} – ${planLocal(plan, end)}`,
      });
    }
    const nightAllowed = new Set<string>();
    const nightForbidden = new Set<string>();
    for (const r of layerRotations(plan.rotation, layer)) {
      for (const m of r.members) (r.allowNight ? nightAllowed : nightForbidden).add(m);
    }
    for (const shift of plan.shifts) {
      if (shift.layerId !== layer.id || nightAllowed.has(shift.memberId)) continue;
      if (
        !nightForbidden.has(shift.memberId) &&
        layerRotations(plan.rotation, layer).every((r) => r.allowNight)
      )
        continue;
      const zone = zoneOf.get(shift.memberId);
      const night = zone === undefined ? null : nightPart(shift, zone);
      if (!night) continue;
      out.push({
        kind: 'night',
        layerId: layer.id,
        memberId: shift.memberId,
        start: shift.start,
        end: shift.end,
        message: `${layer.name}: ${name(shift.memberId)} is on call in their local night (${zone}) ${planLocal(plan, msToInstant(night.start))} – ${planLocal(plan, msToInstant(night.end))}`,
      });
    }
  }
  return out;
}
