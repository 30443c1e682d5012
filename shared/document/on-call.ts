import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../plan/schema';
import { isShadowShift } from '../rotation/shadow-shifts';
import { addDays, zonedToInstant } from '../time/zoned';

/** Milliseconds since the epoch of an ISO instant, through Temporal (no Date parsing quirks). */
export function epochMs(instant: string): number {
  return Temporal.Instant.from(instant).epochMilliseconds;
}

/** The UTC instants bounding local dates `from`..`to` (inclusive) in a zone: [from 00:00, to+1 00:00). */
export function localDaysWindow(from: string, to: string, zone: string): { start: string; end: string } {
  return { start: zonedToInstant(from, '00:00', zone), end: zonedToInstant(addDays(to, 1), '00:00', zone) };
}

/** Who is on call in one layer at an instant, or null when nobody is (a shadow is nobody on call). */
export function onCallAt(plan: Plan, layerId: string, instant: string): string | null {
  const t = epochMs(instant);
  const shift = plan.shifts.find(
    (s) => s.layerId === layerId && !isShadowShift(s) && epochMs(s.start) <= t && t < epochMs(s.end),
  );
  return shift ? shift.memberId : null;
}

/** Hours each member is on call in one layer within [start, end), most hours first (ties in team order); no shadows. */
export function coverageHours(
  plan: Plan,
  layerId: string,
  start: string,
  end: string,
): { memberId: string; hours: number }[] {
  const from = epochMs(start);
  const to = epochMs(end);
  const hours = new Map<string, number>();
  for (const s of plan.shifts) {
    if (s.layerId !== layerId || isShadowShift(s)) continue;
    const overlap = Math.min(to, epochMs(s.end)) - Math.max(from, epochMs(s.start));
    if (overlap > 0) hours.set(s.memberId, (hours.get(s.memberId) ?? 0) + overlap / 3_600_000);
  }
  const order = (id: string) => plan.members.findIndex((m) => m.id === id);
  return [...hours.entries()]
    .map(([memberId, h]) => ({ memberId, hours: Math.round(h * 10) / 10 }))
    .sort((a, b) => b.hours - a.hours || order(a.memberId) - order(b.memberId));
}
