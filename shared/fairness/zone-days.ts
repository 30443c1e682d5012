import { Temporal } from 'temporal-polyfill';
import type { Interval } from '../time/intervals';

/** One day in milliseconds: the length of every local day that holds no time-zone transition. */
export const DAY_MS = 86_400_000;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** Night starts at 22:00 and ends at 07:00 local time (the fairness model (docs/architecture.md)). */
const NIGHT_ENDS_HOUR = 7;
const NIGHT_STARTS_HOUR = 22;

/**
 * The local days of one time zone as epoch-millisecond boundaries: where each day starts, where its night ends
 * (07:00) and where the next night starts (22:00). Index i is the local date `firstDay + i` (epoch days).
 * Why tables: the ledger splits tens of thousands of shifts at local midnights and night boundaries; asking
 * the Temporal polyfill for every boundary is slow, a table lookup is not (bench/analysis.ts).
 */
export type ZoneDays = {
  zone: string;
  /** Epoch day (days since 1970-01-01) of index 0. */
  firstDay: number;
  /** Number of days in the table. */
  length: number;
  /** start[i]: the first instant of local day i; start[length] closes the last day. */
  start: Float64Array;
  /** morning[i]: 07:00 local on day i (the night that began the evening before ends). */
  morning: Float64Array;
  /** evening[i]: 22:00 local on day i (the next night begins). */
  evening: Float64Array;
  /** Time-zone transitions (epoch ms) inside the table, ascending. */
  transitions: number[];
  /** First and last calendar year the table covers. */
  fromYear: number;
  toYear: number;
};

/** The epoch day (days since 1970-01-01) of an ISO date. */
export function epochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The ISO date of an epoch day. Calendar arithmetic only: no time zone is involved. */
export function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 Monday … 7 Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function zonedMs(date: string, hour: number, zone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${String(hour).padStart(2, '0')}:00`).toZonedDateTime(zone, {
    disambiguation: 'compatible',
  }).epochMilliseconds;
}

function startOfDayMs(date: string, zone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

function transitionsBetween(zone: string, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  let cursor = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone);
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > toMs) break;
    out.push(next.epochMilliseconds);
    cursor = next;
  }
  return out;
}

/**
 * The day table of a zone for whole calendar years fromYear … toYear.
 * Why exported: `FairnessTables` grows one table per zone with it; everything else asks `zoneDays`.
 */
export function buildZoneDays(zone: string, fromYear: number, toYear: number): ZoneDays {
  const firstDay = epochDay(`${fromYear}-01-01`);
  const length = epochDay(`${toYear + 1}-01-01`) - firstDay;
  const start = new Float64Array(length + 1);
  const morning = new Float64Array(length);
  const evening = new Float64Array(length);
  start[0] = startOfDayMs(`${fromYear}-01-01`, zone);
  const endGuess = startOfDayMs(`${toYear + 1}-01-02`, zone);
  const transitions = transitionsBetween(zone, start[0] - DAY_MS, endGuess);
  let t = 0;
  for (let i = 0; i < length; i++) {
    const dayStart = start[i]!;
    // A transition at the very first instant of the day still belongs to it: where clocks spring forward at
    // midnight the day begins at 01:00 on the transition and lasts 23 hours.
    while (t < transitions.length && transitions[t]! < dayStart) t++;
    const nextTransition = t < transitions.length ? transitions[t]! : Infinity;
    if (nextTransition > dayStart + DAY_MS) {
      // No transition inside this day: it lasts exactly 24 h, so its wall-clock hours are elapsed hours.
      morning[i] = dayStart + NIGHT_ENDS_HOUR * HOUR_MS;
      evening[i] = dayStart + NIGHT_STARTS_HOUR * HOUR_MS;
      start[i + 1] = dayStart + DAY_MS;
    } else {
      // A DST day (23 or 25 h, or a day starting at 01:00): let Temporal resolve every boundary.
      const date = dateOfEpochDay(firstDay + i);
      morning[i] = zonedMs(date, NIGHT_ENDS_HOUR, zone);
      evening[i] = zonedMs(date, NIGHT_STARTS_HOUR, zone);
      start[i + 1] = startOfDayMs(dateOfEpochDay(firstDay + i + 1), zone);
    }
  }
  return { zone, firstDay, length, start, morning, evening, transitions, fromYear, toYear };
}

/** The UTC calendar year of an instant. */
export function utcYear(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** The calendar years, with one of margin on each side, a table must span to cover the instants [fromMs, toMs]. */
export function yearsCovering(fromMs: number, toMs: number): { fromYear: number; toYear: number } {
  return { fromYear: utcYear(fromMs) - 1, toYear: utcYear(toMs) + 1 };
}

/**
 * The day table of a zone covering the instants [fromMs, toMs] (whole calendar years, one year of margin), built
 * afresh. Why: a one-off question; what many plans and runs ask again goes through `FairnessTables`.
 */
export function zoneDays(zone: string, fromMs: number, toMs: number): ZoneDays {
  const { fromYear, toYear } = yearsCovering(fromMs, toMs);
  return buildZoneDays(zone, fromYear, toYear);
}

/** The day table of a zone covering the local dates [from, to] (ISO dates), built afresh. */
export function zoneDaysForDates(zone: string, from: string, to: string): ZoneDays {
  return zoneDays(zone, epochDay(from) * DAY_MS, (epochDay(to) + 1) * DAY_MS);
}

/** Index of the local day holding instant `ms` (clamped to the table). */
export function dayIndexAt(days: ZoneDays, ms: number): number {
  let i = Math.floor((ms - days.start[0]!) / DAY_MS);
  if (i < 0) i = 0;
  if (i > days.length - 1) i = days.length - 1;
  while (i > 0 && days.start[i]! > ms) i--;
  while (i < days.length - 1 && days.start[i + 1]! <= ms) i++;
  return i;
}

/** Index of a local date (ISO) in the table; may fall outside [0, length) when the table does not cover it. */
export function dayIndexOfDate(days: ZoneDays, date: string): number {
  return epochDay(date) - days.firstDay;
}

/** True when instant `ms` lies in the night (22:00-07:00) of the table's zone. */
export function isNightAt(days: ZoneDays, ms: number): boolean {
  const i = dayIndexAt(days, ms);
  return ms < days.morning[i]! || ms >= days.evening[i]!;
}

/**
 * The instant a local date starts, [start of `from`, start of the day after `to`) as epoch ms.
 * Why: time off, holidays and investor weeks are whole local days; this turns them into instants once.
 */
export function localDatesToInterval(days: ZoneDays, from: string, to: string): Interval {
  const a = dayIndexOfDate(days, from);
  const b = dayIndexOfDate(days, to) + 1;
  if (a < 0 || b > days.length) {
    throw new RangeError(`dates ${from}..${to} lie outside the day table of ${days.zone}`);
  }
  return { start: days.start[a]!, end: days.start[b]! };
}
