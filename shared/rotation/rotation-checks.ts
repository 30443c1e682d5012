import type { Plan } from '../plan/schema';
import { intersect, type Interval } from '../time/intervals';
import type { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, msToInstant } from '../time/zoned';
import { planLocal } from './describe-shift';
import { rotationHorizon } from './generate-shifts';
import { isPlainLayer, layerRotations } from './layer-rotations';
import { TurnsTable } from './turns';

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

/** The local nights (22:00 to 07:00 the next morning) of `zone` that begin from `first` to `last`, as epoch ms. */
function nightsOf(clock: ZoneClock, zone: string, first: string, last: string): Interval[] {
  const out: Interval[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    out.push({
      start: clock.zonedMs(date, '22:00', zone),
      end: clock.zonedMs(addDays(date, 1), '07:00', zone),
    });
  }
  return out;
}

/**
 * The first part of [start, end) that falls in one of `nights` (sorted, disjoint), or null.
 * Why precomputed nights: a night's length changes with DST, so each is built from local times by Temporal, once
 * per zone and date rather than once per shift.
 */
export function nightPart(start: number, end: number, nights: readonly Interval[]): Interval | null {
  let lo = 0;
  let hi = nights.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nights[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const night = nights[lo];
  return night ? intersect({ start, end }, night) : null;
}

/**
 * Holes and doubles of every layer's rotation windows, and shifts in a member's local night where the rotation
 * does not allow it. Why: follow-the-sun and business-hours layers are right only when their windows meet
 * exactly and keep everyone in their daytime; `rotaplan generate` prints these as warnings. Local times go through
 * the zone clock of `turns`.
 */
export function rotationWarnings(plan: Plan, turns: TurnsTable = new TurnsTable()): RotationWarning[] {
  const out: RotationWarning[] = [];
  const zoneOf = new Map(plan.members.map((m) => [m.id, m.timeZone]));
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const clock = turns.clock;
  const horizon = rotationHorizon(plan.rotation, clock);
  const nightsByZone = new Map<string, Interval[]>();
  /** The nights around [start, end) in `zone`: the horizon's, built once per zone, or a shift's own outside it. */
  const nightsFor = (zone: string, start: string, end: string) => {
    if (instantMs(start) < instantMs(horizon.start) || instantMs(end) > instantMs(horizon.end)) {
      return nightsOf(clock, zone, addDays(clock.localDate(start, zone), -1), clock.localDate(end, zone));
    }
    let nights = nightsByZone.get(zone);
    if (!nights) {
      nights = nightsOf(
        clock,
        zone,
        addDays(clock.localDate(horizon.start, zone), -1),
        clock.localDate(horizon.end, zone),
      );
      nightsByZone.set(zone, nights);
    }
    return nights;
  };
  for (const layer of plan.rotation.layers) {
    if (isPlainLayer(layer)) continue;
    for (const p of turns.layerTurns(plan.rotation, layer).problems) {
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
    const rotations = layerRotations(plan.rotation, layer);
    const nightAllowed = new Set<string>();
    const nightForbidden = new Set<string>();
    for (const r of rotations) {
      for (const m of r.members) (r.allowNight ? nightAllowed : nightForbidden).add(m);
    }
    const anyForbidden = rotations.some((r) => !r.allowNight);
    for (const shift of plan.shifts) {
      if (shift.layerId !== layer.id || nightAllowed.has(shift.memberId)) continue;
      if (!nightForbidden.has(shift.memberId) && !anyForbidden) continue;
      const zone = zoneOf.get(shift.memberId);
      if (zone === undefined) continue;
      const night = nightPart(
        instantMs(shift.start),
        instantMs(shift.end),
        nightsFor(zone, shift.start, shift.end),
      );
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
