import { Temporal } from 'temporal-polyfill';
import type { Cadence } from '../plan/schema';
import { addDays, isoWeekday } from '../time/zoned';

/** The date of the `nth` `weekday` (ISO, 1 Monday) of a month; `nth` -1 is the last one. */
function nthWeekdayOfMonth(year: number, month: number, nth: number, weekday: number): string {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  if (nth > 0) {
    const offset = (weekday - first.dayOfWeek + 7) % 7;
    return first.add({ days: offset + (nth - 1) * 7 }).toString();
  }
  const last = first.with({ day: first.daysInMonth });
  return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 }).toString();
}

/**
 * The local dates a cadence hands over on, from `from` (inclusive) to `until` (exclusive), in order.
 * Why dates, not instants: a handoff stays at its local time across DST, so the caller turns each date into an
 * instant in the rotation's own zone. Every N days counts from `from`; every N weeks starts on the first
 * `weekday` on or after `from`; a monthly date past a month's end falls on its last day (the 31st is 30 April).
 */
export function cadenceDates(cadence: Cadence, from: string, until: string): string[] {
  const out: string[] = [];
  if (cadence.kind === 'days' || cadence.kind === 'weeks') {
    const step = cadence.kind === 'days' ? cadence.every : cadence.every * 7;
    const first =
      cadence.kind === 'days' ? from : addDays(from, (cadence.weekday - isoWeekday(from) + 7) % 7);
    for (let date = first; date < until; date = addDays(date, step)) out.push(date);
    return out;
  }
  let month = Temporal.PlainYearMonth.from(from.slice(0, 7));
  const last = Temporal.PlainYearMonth.from(until.slice(0, 7));
  for (; Temporal.PlainYearMonth.compare(month, last) <= 0; month = month.add({ months: 1 })) {
    const date =
      cadence.kind === 'monthly-date'
        ? month.toPlainDate({ day: Math.min(cadence.day, month.daysInMonth) }).toString()
        : nthWeekdayOfMonth(month.year, month.month, cadence.nth, cadence.weekday);
    if (date >= from && date < until) out.push(date);
  }
  return out;
}

/**
 * The cadence a schema-1 rotation means: whole weeks hand off on the handoff weekday, other lengths every N days.
 * Why: a layer without rotations is read as one rotation with this cadence, so old plans keep their shifts.
 */
export function plainCadence(shiftLengthDays: number, weekday: number): Cadence {
  return shiftLengthDays % 7 === 0
    ? { kind: 'weeks', every: shiftLengthDays / 7, weekday }
    : { kind: 'days', every: shiftLengthDays };
}
