import { Temporal } from 'temporal-polyfill';
import { addDays, instantMs, localDate, startOfLocalDay } from '../../../../shared/time/zoned';

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

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, kind: 'moment' | 'date' | 'time' | 'short' | 'clock'): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const base: Intl.DateTimeFormatOptions = { timeZone: zone, hourCycle: 'h23' };
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      moment: {
        ...base,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      },
      date: { ...base, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
      clock: { ...base, hour: '2-digit', minute: '2-digit' },
      time: { ...base, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
      short: {
        ...base,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      },
    };
    f = new Intl.DateTimeFormat('en-US', options[kind]);
    formatters.set(key, f);
  }
  return f;
}

/** "Mon, Jan 4, 2027, 09:00" on the plan's wall clock. */
export function formatMoment(instant: string, zone: string): string {
  return formatter(zone, 'moment').format(instantMs(instant));
}

const clocks = new Map<string, string>();

/**
 * "09:00" on the plan's wall clock (24 hours), remembered per zone and instant: the calendar's bars show it on
 * every render, and a month of hourly shifts repeats the same few hundred instants.
 */
export function formatClock(instant: string, zone: string): string {
  const key = `${zone}|${instant}`;
  let text = clocks.get(key);
  if (text === undefined) {
    text = formatter(zone, 'clock').format(instantMs(instant));
    if (clocks.size >= 20_000) clocks.clear();
    clocks.set(key, text);
  }
  return text;
}

/** "Mon, Jan 4, 09:00" (no year), for compact lists. */
export function formatShort(instant: string, zone: string): string {
  return formatter(zone, 'short').format(instantMs(instant));
}

/** A plan-local date (YYYY-MM-DD) as "Mon, Jan 4, 2027". */
export function formatDate(date: string): string {
  // Noon UTC of the date is the same calendar date in every zone from UTC-11 to UTC+11; formatted in UTC anyway.
  return formatter('UTC', 'date').format(Date.parse(`${date}T12:00:00Z`));
}

/** The zone's short name at an instant, e.g. "PST" or "PDT", so DST is visible where it matters. */
export function zoneName(instant: string, zone: string): string {
  const part = formatter(zone, 'time')
    .formatToParts(instantMs(instant))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** "Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00". */
export function formatSpan(start: string, end: string, zone: string): string {
  return `${formatShort(start, zone)} → ${formatShort(end, zone)}`;
}

/** Hours as people say them: "168 h", "167.5 h". */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} h`;
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
