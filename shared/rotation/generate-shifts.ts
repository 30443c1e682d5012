import type { Rotation, Shift } from '../plan/schema';
import { addDays, isoWeekday, zonedToInstant } from '../time/zoned';

/**
 * The first handoff date on or after `rotation.startDate`.
 * Why: a weekly (or n×7-day) rotation hands off on the configured weekday; other lengths start on the start date.
 */
export function firstHandoffDate(rotation: Rotation): string {
  if (rotation.shiftLengthDays % 7 !== 0) return rotation.startDate;
  const shift = (rotation.handoff.weekday - isoWeekday(rotation.startDate) + 7) % 7;
  return addDays(rotation.startDate, shift);
}

/**
 * Generates the plain rotation: each layer cycles through its member order, one shift per period, from the first
 * handoff up to the handoff on or before `rotation.endDate`. Handoffs stay at the same local time across DST,
 * so a week lasts 167 or 169 hours when the clocks change.
 * Shift ids are stable (`<layer>-<local start date>`), so regenerating the same rotation gives the same ids.
 */
export function generateRotationShifts(rotation: Rotation): Shift[] {
  const shifts: Shift[] = [];
  const first = firstHandoffDate(rotation);
  for (const layer of rotation.layers) {
    if (layer.memberOrder.length === 0) continue;
    for (let k = 0; ; k++) {
      const startDate = addDays(first, k * rotation.shiftLengthDays);
      const endDate = addDays(startDate, rotation.shiftLengthDays);
      if (endDate > rotation.endDate) break;
      shifts.push({
        id: `${layer.id}-${startDate}`,
        layerId: layer.id,
        memberId: layer.memberOrder[k % layer.memberOrder.length]!,
        start: zonedToInstant(startDate, rotation.handoff.time, rotation.timeZone),
        end: zonedToInstant(endDate, rotation.handoff.time, rotation.timeZone),
        source: 'generated',
        pinned: false,
      });
    }
  }
  return shifts;
}
