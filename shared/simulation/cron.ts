import { Temporal } from 'temporal-polyfill';
import { dayIndexAt, weekdayOfEpochDay, HOUR_MS, type ZoneDays } from '../fairness/zone-days';

/** A parsed five-field cron expression: the allowed values of each field. */
export type CronSpec = {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 Sunday … 6 Saturday (7 is read as 0). */
  daysOfWeek: Set<number>;
  /** Whether day-of-month / day-of-week were `*`: cron matches either restricted field when both are set. */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
};

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

function parseField(text: string, min: number, max: number, name: string): number[] | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return `cannot read the ${name} field "${part}"`;
    const step = m[4] === undefined ? 1 : Number(m[4]);
    let lo = min;
    let hi = max;
    if (m[1] !== '*') {
      lo = Number(m[2]);
      hi = m[3] === undefined ? (m[4] === undefined ? lo : max) : Number(m[3]);
    }
    if (step < 1 || lo < min || hi > max || lo > hi)
      return `the ${name} field "${part}" is out of range ${min}-${max}`;
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * Parses a five-field cron expression (minute hour day-of-month month day-of-week) with `*`, numbers, ranges
 * `a-b`, lists `a,b` and steps `*\/n`, `a-b/n`; no names (MON, JAN) and no `@daily` macros. Returns the spec or a
 * message saying which field it could not read.
 * Why minimal: pipeline schedules are simple, and the simulator only needs run times; a schedule it cannot read
 * falls back to "incidents at any time", which the result says.
 */
export function parseCron(expression: string): CronSpec | string {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return `expected 5 fields, found ${parts.length}`;
  const parsed: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const f = FIELDS[i]!;
    const r = parseField(parts[i]!, f.min, f.max, f.name);
    if (typeof r === 'string') return r;
    parsed.push(r);
  }
  return {
    minutes: parsed[0]!,
    hours: parsed[1]!,
    daysOfMonth: new Set(parsed[2]),
    months: new Set(parsed[3]),
    daysOfWeek: new Set(parsed[4]!.map((d) => d % 7)),
    anyDayOfMonth: parts[2] === '*',
    anyDayOfWeek: parts[4] === '*',
  };
}

/**
 * The run instants (epoch ms) of a cron spec inside [fromMs, toMs), ascending, in the zone of `days` (its day table
 * covering the span).
 * Local wall-clock runs: on a day without a clock change a run at hh:mm is hh:mm after the day's start; on a DST
 * day Temporal resolves it ('compatible': a skipped 02:30 runs at 03:30, a repeated one runs once).
 */
export function cronRuns(spec: CronSpec, days: ZoneDays, fromMs: number, toMs: number): number[] {
  const runs: number[] = [];
  for (let i = dayIndexAt(days, fromMs); i < days.length && days.start[i]! < toMs; i++) {
    const epochDay = days.firstDay + i;
    const date = new Date(epochDay * 86_400_000);
    const dom = date.getUTCDate();
    const month = date.getUTCMonth() + 1;
    const dow = weekdayOfEpochDay(epochDay) % 7;
    if (!spec.months.has(month)) continue;
    const domOk = spec.daysOfMonth.has(dom);
    const dowOk = spec.daysOfWeek.has(dow);
    const dayOk =
      spec.anyDayOfMonth && spec.anyDayOfWeek
        ? true
        : spec.anyDayOfMonth
          ? dowOk
          : spec.anyDayOfWeek
            ? domOk
            : domOk || dowOk;
    if (!dayOk) continue;
    const regular =
      days.start[i + 1]! - days.start[i]! === 24 * HOUR_MS &&
      days.morning[i]! - days.start[i]! === 7 * HOUR_MS;
    const iso = date.toISOString().slice(0, 10);
    for (const h of spec.hours) {
      for (const m of spec.minutes) {
        const ms = regular
          ? days.start[i]! + h * HOUR_MS + m * 60_000
          : Temporal.PlainDateTime.from(
              `${iso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
            ).toZonedDateTime(days.zone, {
              disambiguation: 'compatible',
            }).epochMilliseconds;
        if (ms >= fromMs && ms < toMs) runs.push(ms);
      }
    }
  }
  return runs.sort((a, b) => a - b);
}
