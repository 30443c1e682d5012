import { Temporal } from 'temporal-polyfill';
import { addDays, localDate, startOfLocalDay } from '../../../../shared/time/zoned';

/** A calendar drag's offset as FullCalendar reports it (whole years, months and days, plus milliseconds). */
export type CalendarDelta = { years: number; months: number; days: number; milliseconds: number };

/**
 * An instant moved by a drag's delta on the plan's wall clock: days are calendar days in `zone`, so a Monday
 * 09:00 handoff dragged a week across DST lands on the next Monday 09:00, not 08:00 or 10:00.
 */
export function applyDelta(instant: string, delta: CalendarDelta, zone: string): string {
  return Temporal.Instant.from(instant)
    .toZonedDateTimeISO(zone)
    .add({ years: delta.years, months: delta.months, days: delta.days })
    .add({ milliseconds: delta.milliseconds })
    .toInstant()
    .toString();
}

/** An instant moved by whole calendar days in `zone` (negative goes back). */
export function addLocalDays(instant: string, days: number, zone: string): string {
  return applyDelta(instant, { years: 0, months: 0, days, milliseconds: 0 }, zone);
}

/** The instants a plan-local day covers: [its first moment, the next day's first moment). */
export function localDaySpan(date: string, zone: string): { start: string; end: string } {
  return { start: startOfLocalDay(date, zone), end: startOfLocalDay(addDays(date, 1), zone) };
}

/** The plan-local date (YYYY-MM-DD) of an instant. */
export const localDateOf: (instant: string, zone: string) => string = localDate;

/**
 * What FullCalendar's date click gives, as an instant: a timed click ("2027-01-05T10:30:00-08:00") is that
 * instant; an all-day click ("2027-01-05") is noon of that plan-local day, a moment that is clearly inside it.
 */
export function clickedMoment(
  dateStr: string,
  zone: string,
): { instant: string; date: string; allDay: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateStr)) {
    const instant = Temporal.PlainDate.from(dateStr)
      .toZonedDateTime({ timeZone: zone, plainTime: '12:00' })
      .toInstant()
      .toString();
    return { instant, date: dateStr, allDay: true };
  }
  // With a named time zone FullCalendar writes the offset; a bare wall-clock time is read in the plan's zone.
  const instant = /([zZ]|[+-]\d{2}:\d{2})$/.test(dateStr)
    ? Temporal.Instant.from(dateStr).toString()
    : Temporal.PlainDateTime.from(dateStr).toZonedDateTime(zone).toInstant().toString();
  return { instant, date: localDateOf(instant, zone), allDay: false };
}
