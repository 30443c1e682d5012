import { instantMs } from '../../../shared/time/zoned';

// Instants and hours as the views write them, on the plan's wall clock: the calendar, the import preview, the
// optimiser's proposals and the time-off confirmation all name a shift the same way.

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
