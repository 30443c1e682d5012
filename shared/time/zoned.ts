import { Temporal } from 'temporal-polyfill';

/**
 * The UTC instant (ISO string, `Z`) of a wall-clock date and time in a zone.
 * Why Temporal: DST gaps and folds are resolved by the library ('compatible': a time that does not exist moves
 * forward, a repeated time takes the earlier instant), never by hand-written offset arithmetic.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant()
    .toString();
}

/** The ISO date `days` days after `date` (negative goes back), in the calendar, not in hours. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** ISO weekday (1 Monday … 7 Sunday) of a date. */
export function isoWeekday(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/**
 * An instant written with the UTC offset its zone has at that moment, e.g. `2027-07-05T09:00:00-07:00`.
 * Why: CSV and reports show local handoff times that stay true across DST (ARCHITECTURE §3).
 */
export function instantWithOffset(instant: string, timeZone: string): string {
  const zdt = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  return zdt.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
