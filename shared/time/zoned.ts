import { Temporal } from 'temporal-polyfill';

/**
 * The UTC instant (ISO string, `Z`) of a wall-clock date and time in a zone.
 * Why Temporal: DST gaps and folds are resolved by the library ('compatible': a time that does not exist moves
 * forward, a repeated time takes the earlier instant), never by hand-written offset arithmetic.
 * Each call asks Temporal afresh: code that converts many times asks a `ZoneClock` it holds (zone-clock.ts), which
 * gives the same answers; so do `localDate`, `startOfLocalDay` and `localDateTime` below.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant()
    .toString();
}

/** True when `value` is a real calendar date (2027-02-30 is not; Date.parse would take it for 2 March), by Temporal. */
export function isRealDate(value: string): boolean {
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The ISO date `days` days after `date` (negative goes back), in the calendar, not in hours.
 * Why counted in epoch days: no zone is involved, and rotations step through every day of their horizon; dates
 * outside the plain YYYY-MM-DD form (or years 100-9999) are left to Temporal, which also refuses what is not real.
 */
export function addDays(date: string, days: number): string {
  const day = plainEpochDay(date);
  if (day !== null && Number.isInteger(days)) {
    const moved = new Date((day + days) * DAY_MS);
    const year = moved.getUTCFullYear();
    if (year >= 100 && year <= 9999) return moved.toISOString().slice(0, 10);
  }
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** ISO weekday (1 Monday … 7 Sunday) of a date; 1970-01-01, epoch day 0, was a Thursday. */
export function isoWeekday(date: string): number {
  const day = plainEpochDay(date);
  return day === null ? Temporal.PlainDate.from(date).dayOfWeek : ((((day + 3) % 7) + 7) % 7) + 1;
}

const DAY_MS = 86_400_000;

/** Exactly a plain ISO date: YYYY-MM-DD. */
const PLAIN_DATE = /^\d{4}-\d\d-\d\d$/;

/**
 * Days since 1970-01-01 of a real YYYY-MM-DD date in the years 100-9999, else null (left to Temporal).
 * Why exported: `ZoneClock` reads the dates it converts the same way.
 */
export function plainEpochDay(date: string): number | null {
  if (date.length !== 10 || !PLAIN_DATE.test(date)) return null;
  const year = twoDigits(date, 0) * 100 + twoDigits(date, 2);
  const month = twoDigits(date, 5);
  const day = twoDigits(date, 8);
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/**
 * An instant written with the UTC offset its zone has at that moment, e.g. `2027-07-05T09:00:00-07:00`.
 * Why: CSV and reports show local handoff times that stay true across DST (the CLI contract (docs/architecture.md)).
 */
export function instantWithOffset(instant: string, timeZone: string): string {
  const zdt = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  return zdt.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

// The ECMAScript date-time string format in UTC: Date.parse reads it as the spec defines, much faster than the
// Temporal polyfill. Offsets and anything else go to Temporal.
const ES_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO instant (with `Z` or an offset); throws a RangeError on anything else.
 * Why: interval sweeps over many shifts compare plain numbers. A fixed offset in the string is read, not computed;
 * zone rules stay with Temporal.
 */
export function instantMs(instant: string): number {
  // The form plans are written in ("2027-03-10T17:00:00Z") is read in place; anything else by Date.parse or Temporal.
  return instant.length === 20 && PLAIN_UTC.test(instant) && realFields(instant)
    ? plainUtcMs(instant)
    : parseInstantMs(instant);
}

/**
 * True when `value` is a real instant by Temporal's rules (no month 13, no 30 February, no hour 24).
 * Why here: the plan schema, the CSV import and the sweeps read instants through this module alone, so no reader
 * accepts what another refuses.
 */
export function isRealInstant(value: string): boolean {
  try {
    instantMs(value);
    return true;
  } catch {
    return false;
  }
}

/** Temporal.Instant.compare of two real instants, on epoch milliseconds unless they differ only below them. */
export function compareInstants(a: string, b: string): number {
  const difference = instantMs(a) - instantMs(b);
  return difference !== 0 ? Math.sign(difference) : Temporal.Instant.compare(a, b);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the two digits at `at` (the regex has checked they are digits). */
const twoDigits = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

/**
 * True when the fields of an ES-format instant name a real moment: Date.parse rolls 02-30 over to 03-02 and reads
 * 24:00, so those are left to Temporal (which refuses them). Digits are read in place: a plan's first load reads
 * 70,000 instants.
 */
function realFields(instant: string): boolean {
  const year = twoDigits(instant, 0) * 100 + twoDigits(instant, 2);
  const month = twoDigits(instant, 5);
  const day = twoDigits(instant, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  if (twoDigits(instant, 11) > 23 || twoDigits(instant, 14) > 59) return false;
  return instant.charCodeAt(16) !== 58 || twoDigits(instant, 17) <= 59;
}

/** Exactly the form plans are written in: YYYY-MM-DDTHH:MM:SSZ. */
const PLAIN_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Epoch ms of a YYYY-MM-DDTHH:MM:SSZ instant whose fields are real (see `realFields`). */
function plainUtcMs(instant: string): number {
  const year =
    (instant.charCodeAt(0) - 48) * 1000 + (instant.charCodeAt(1) - 48) * 100 + twoDigits(instant, 2);
  const utc = Date.UTC(
    year,
    twoDigits(instant, 5) - 1,
    twoDigits(instant, 8),
    twoDigits(instant, 11),
    twoDigits(instant, 14),
    twoDigits(instant, 17),
  );
  // Date.UTC reads years 0-99 as 1900-1999.
  return year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
}

function parseInstantMs(instant: string): number {
  if (ES_INSTANT.test(instant) && instant.endsWith('Z') && realFields(instant)) {
    const ms = Date.parse(instant);
    if (!Number.isNaN(ms)) return ms;
  }
  return Temporal.Instant.from(instant).epochMilliseconds;
}

/** The ISO instant (UTC, `Z`, whole seconds without a fraction) of epoch milliseconds; inverse of `instantMs`. */
export function msToInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * The instant a local date begins (its first moment, usually 00:00) in a zone.
 * Why Temporal's startOfDay: in zones that change clocks at midnight a day can begin at 01:00.
 */
export function startOfLocalDay(date: string, timeZone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().toString();
}

/** The local date and time of an instant in a zone as `YYYY-MM-DDTHH:MM` (for ids and messages). */
export function localDateTime(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/**
 * The end of a shift moved to `newStart` that keeps its wall-clock length in the zone (7 days stays 7 days,
 * whether that is 167, 168 or 169 hours). Why: dragging a Monday 09:00 week across DST must still end Monday 09:00.
 */
export function endKeepingLocalLength(
  start: string,
  end: string,
  newStart: string,
  timeZone: string,
): string {
  const from = Temporal.Instant.from(start).toZonedDateTimeISO(timeZone);
  const length = from.until(Temporal.Instant.from(end).toZonedDateTimeISO(timeZone), { largestUnit: 'days' });
  return Temporal.Instant.from(newStart).toZonedDateTimeISO(timeZone).add(length).toInstant().toString();
}

/** Exact hours between two instants (fractional when a zone's offset is not whole hours). */
export function hoursBetween(start: string, end: string): number {
  return (instantMs(end) - instantMs(start)) / 3_600_000;
}
