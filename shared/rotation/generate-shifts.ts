import type { Rotation, Shift } from '../plan/schema';
import { ZoneClock } from '../time/zone-clock';
import { addDays, isoWeekday } from '../time/zoned';

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
 * One period of the rotation, shared by every layer: [start, end) as UTC instants, `index` counting from 0
 * (the member order is cycled by it) and `startDate` the local date of its start in the plan's zone.
 */
export type RotationSlot = { index: number; startDate: string; start: string; end: string };

/**
 * The rotation's periods from the start date's handoff to the end date's handoff, in the plan's time zone.
 * Why: every layer hands off at the same instants; the engine, the coverage check and the edits all agree on them.
 * A weekly rotation whose start date is not its handoff weekday opens with a short period up to the first
 * handoff, and an end date between handoffs closes with a short one, so the whole horizon is covered.
 * Handoffs stay at the same local time across DST, so a week lasts 167 or 169 hours when the clocks change.
 * `clock`: the caller's zone clock, when it keeps one.
 */
export function rotationSlots(rotation: Rotation, clock = new ZoneClock()): RotationSlot[] {
  const { startDate, endDate, shiftLengthDays, handoff, timeZone } = rotation;
  if (endDate <= startDate) return [];
  const dates: string[] = [];
  const first = firstHandoffDate(rotation);
  if (first > startDate) dates.push(startDate);
  for (let date = first; date < endDate; date = addDays(date, shiftLengthDays)) dates.push(date);
  dates.push(endDate);
  const at = (date: string) => clock.zonedToInstant(date, handoff.time, timeZone);
  return dates.slice(0, -1).map((date, index) => ({
    index,
    startDate: date,
    start: at(date),
    end: at(dates[index + 1]!),
  }));
}

/**
 * The span the rotation covers: from the handoff on its start date to the handoff on its end date.
 * Why: "every instant covered exactly once" and the CSV's default window are judged over this span.
 * `clock`: the caller's zone clock, when it keeps one.
 */
export function rotationHorizon(rotation: Rotation, clock = new ZoneClock()): { start: string; end: string } {
  return {
    start: clock.zonedToInstant(rotation.startDate, rotation.handoff.time, rotation.timeZone),
    end: clock.zonedToInstant(rotation.endDate, rotation.handoff.time, rotation.timeZone),
  };
}

/** The stable id of a layer's shift in one rotation period: `<layer>-<local start date>`. */
export function slotShiftId(layerId: string, slot: RotationSlot): string {
  return `${layerId}-${slot.startDate}`;
}

/**
 * Generates the plain rotation, without time off, overrides or pinned shifts: each layer cycles through its
 * member order, one shift per period (see `rotationSlots`).
 * Why kept next to the engine: it is the rotation as configured, which `generateShifts` then adjusts.
 * Shift ids are stable (`<layer>-<local start date>`), so regenerating the same rotation gives the same ids.
 */
export function generateRotationShifts(rotation: Rotation): Shift[] {
  const slots = rotationSlots(rotation);
  const shifts: Shift[] = [];
  for (const layer of rotation.layers) {
    if (layer.memberOrder.length === 0) continue;
    for (const slot of slots) {
      shifts.push({
        id: slotShiftId(layer.id, slot),
        layerId: layer.id,
        memberId: layer.memberOrder[slot.index % layer.memberOrder.length]!,
        start: slot.start,
        end: slot.end,
        source: 'generated',
        pinned: false,
      });
    }
  }
  return shifts;
}
