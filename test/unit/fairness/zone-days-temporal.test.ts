import { Temporal } from 'temporal-polyfill';
import { mulberry32 } from '../../../shared/simulation/prng';
import { dayIndexOfDate, zoneDaysForDates, type ZoneDays } from '../../../shared/fairness/zone-days';

// The day table against Temporal, the library it is meant to agree with: for each local date, where the day starts
// (Temporal's startOfDay: the first instant that exists, 01:00 where midnight is skipped), 07:00 and 22:00 (the
// 'compatible' disambiguation the table documents: a skipped hour moves forward, a repeated one takes the earlier
// instant). Building a 2000–2040 table for every zone the runtime knows is the expensive part (the polyfill finds
// each transition by asking Intl); asking Temporal for every one of their 6 million boundaries would take minutes,
// so each zone is checked on the days around each of its transitions and on sampled days, and the zones whose
// clocks change at local midnight are checked on every day.

const FROM = '2000-01-01';
const TO = '2040-12-31';
const MIDNIGHT_ZONES = [
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Cairo',
  'Atlantic/Azores',
];
const SAMPLED_DAYS_PER_ZONE = 24;

type Expected = { start: number; morning: number; evening: number };

function expected(date: Temporal.PlainDate, zone: string): Expected {
  const at = (hour: number) =>
    date.toPlainDateTime({ hour }).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  return { start: date.toZonedDateTime(zone).epochMilliseconds, morning: at(7), evening: at(22) };
}

/** The table's boundaries of `date` and the start of the day after (which closes `date`). */
function actual(days: ZoneDays, date: Temporal.PlainDate): Expected & { next: number } {
  const i = dayIndexOfDate(days, date.toString());
  return {
    start: days.start[i]!,
    morning: days.morning[i]!,
    evening: days.evening[i]!,
    next: days.start[i + 1]!,
  };
}

/** Every difference between the table and Temporal on `dates`, as readable lines (empty when they agree). */
function differences(days: ZoneDays, dates: Iterable<Temporal.PlainDate>): string[] {
  const out: string[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const date of dates) {
    const want = expected(date, days.zone);
    const nextStart = date.add({ days: 1 }).toZonedDateTime(days.zone).epochMilliseconds;
    const got = actual(days, date);
    for (const key of ['start', 'morning', 'evening'] as const) {
      if (got[key] !== want[key])
        out.push(`${days.zone} ${date} ${key}: ${iso(got[key])} ≠ ${iso(want[key])}`);
    }
    if (got.next !== nextStart) out.push(`${days.zone} ${date} ends ${iso(got.next)} ≠ ${iso(nextStart)}`);
  }
  return out;
}

/** The local dates on either side of each transition of the table, from Temporal (not from the table). */
function datesAroundTransitions(days: ZoneDays): Temporal.PlainDate[] {
  const first = Temporal.PlainDate.from(FROM);
  const last = Temporal.PlainDate.from(TO);
  const out = new Map<string, Temporal.PlainDate>();
  for (const ms of days.transitions) {
    const local = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(days.zone).toPlainDate();
    for (const offset of [-1, 0, 1]) {
      const date = local.add({ days: offset });
      if (Temporal.PlainDate.compare(date, first) >= 0 && Temporal.PlainDate.compare(date, last) <= 0) {
        out.set(date.toString(), date);
      }
    }
  }
  return [...out.values()];
}

function sampledDates(seed: number, count: number): Temporal.PlainDate[] {
  const rng = mulberry32(seed);
  const first = Temporal.PlainDate.from(FROM);
  const span = first.until(Temporal.PlainDate.from(TO)).days;
  return Array.from({ length: count }, () => first.add({ days: Math.floor(rng() * (span + 1)) }));
}

function* everyDate(): Generator<Temporal.PlainDate> {
  const last = Temporal.PlainDate.from(TO);
  for (
    let d = Temporal.PlainDate.from(FROM);
    Temporal.PlainDate.compare(d, last) <= 0;
    d = d.add({ days: 1 })
  ) {
    yield d;
  }
}

describe('the day table agrees with Temporal, 2000–2040', () => {
  it('in every zone the runtime knows: the days around each transition and sampled days', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    const found: string[] = [];
    let transitions = 0;
    let checked = 0;
    zones.forEach((zone, z) => {
      const days = zoneDaysForDates(zone, FROM, TO);
      transitions += days.transitions.length;
      const dates = [...datesAroundTransitions(days), ...sampledDates(z + 1, SAMPLED_DAYS_PER_ZONE)];
      checked += dates.length;
      found.push(...differences(days, dates));
    });
    expect(found.slice(0, 20)).toEqual([]);
    // The check must have looked at the transitions: tz data has more than ten thousand in these years.
    expect(transitions).toBeGreaterThan(10_000);
    expect(checked).toBeGreaterThan(30_000);
  }, 180_000);

  it.each(MIDNIGHT_ZONES)(
    'on every day in %s, where clocks change at local midnight',
    (zone) => {
      const days = zoneDaysForDates(zone, FROM, TO);
      expect(differences(days, everyDate()).slice(0, 20)).toEqual([]);
    },
    60_000,
  );
});
