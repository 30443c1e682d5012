import { Temporal } from 'temporal-polyfill';
import { ZoneClock } from '../../../shared/time/zone-clock';
import {
  instantMs,
  localDate,
  localDateTime,
  msToInstant,
  startOfLocalDay,
  zonedToInstant,
} from '../../../shared/time/zoned';

// The reference: Temporal itself, called the way the zone helpers promise to behave.
const temporal = {
  zonedToInstant: (date: string, time: string, zone: string) =>
    Temporal.PlainDateTime.from(`${date}T${time}`)
      .toZonedDateTime(zone, { disambiguation: 'compatible' })
      .toInstant()
      .toString(),
  startOfLocalDay: (date: string, zone: string) =>
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).toInstant().toString(),
  localDate: (instant: string, zone: string) =>
    Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate().toString(),
  localDateTime: (instant: string, zone: string) =>
    Temporal.Instant.from(instant)
      .toZonedDateTimeISO(zone)
      .toPlainDateTime()
      .toString({ smallestUnit: 'minute' }),
};

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A seeded generator (mulberry32) for sampled dates. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A clock that has been asked about `zones` often enough to answer from its tables of clock changes (a zone asked
 * about only a few times is answered by Temporal alone).
 */
function warmed(...zones: string[]): ZoneClock {
  const clock = new ZoneClock();
  for (const zone of zones) {
    for (let month = 1; month <= 12; month++)
      clock.localDate(`2027-${String(month).padStart(2, '0')}-15T12:00:00Z`, zone);
  }
  return clock;
}

/** Compares every conversion of the clock with Temporal for one wall-clock moment and one instant in a zone. */
function expectSameAsTemporal(clock: ZoneClock, zone: string, wall: string, instantMsValue: number): void {
  const date = wall.slice(0, 10);
  const time = wall.slice(11, 16);
  const instant = msToInstant(instantMsValue);
  const context = `${zone} ${wall} / ${instant}`;
  expect(clock.zonedToInstant(date, time, zone), context).toBe(temporal.zonedToInstant(date, time, zone));
  expect(clock.zonedMs(date, time, zone), context).toBe(instantMs(temporal.zonedToInstant(date, time, zone)));
  expect(clock.startOfLocalDay(date, zone), context).toBe(temporal.startOfLocalDay(date, zone));
  expect(clock.localDate(instant, zone), context).toBe(temporal.localDate(instant, zone));
  expect(clock.localDateTime(instant, zone), context).toBe(temporal.localDateTime(instant, zone));
}

/** The instants (epoch ms) where a zone's offset changes in [from, to), by Temporal. */
function transitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  let cursor = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= to) return out;
    out.push(next.epochMilliseconds);
    cursor = next;
  }
}

describe('ZoneClock', () => {
  it('moves a wall-clock time a spring-forward gap skips forward, and takes the earlier of a repeated time', () => {
    const clock = warmed('America/Vancouver');
    // Vancouver springs from 02:00 PST to 03:00 PDT: 02:30 does not exist and becomes 03:30 PDT.
    expect(clock.zonedToInstant('2027-03-14', '02:30', 'America/Vancouver')).toBe('2027-03-14T10:30:00Z');
    // Falls back from 02:00 PDT to 01:00 PST: 01:30 happens twice, the first time (PDT) is taken.
    expect(clock.zonedToInstant('2027-11-07', '01:30', 'America/Vancouver')).toBe('2027-11-07T08:30:00Z');
    expect(clock.zonedMs('2027-03-14', '02:30', 'America/Vancouver')).toBe(Date.UTC(2027, 2, 14, 10, 30));
    expect(clock.zonedMs('2027-11-07', '01:30', 'America/Vancouver')).toBe(Date.UTC(2027, 10, 7, 8, 30));
    expect(clock.zonedToInstant('2027-07-05', '09:00', 'America/Vancouver')).toBe('2027-07-05T16:00:00Z');
    expect(clock.zonedToInstant('2027-01-04', '09:00:30', 'America/Vancouver')).toBe('2027-01-04T17:00:30Z');
  });

  it('starts a day at 01:00 where clocks spring forward at midnight', () => {
    const clock = warmed('America/Santiago', 'Asia/Beirut');
    // Santiago goes from 00:00 -04 to 01:00 -03 on 2027-09-05; Beirut from 00:00 +02 to 01:00 +03 on 2027-03-28.
    expect(clock.startOfLocalDay('2027-09-05', 'America/Santiago')).toBe('2027-09-05T04:00:00Z');
    expect(clock.startOfLocalDay('2027-03-28', 'Asia/Beirut')).toBe('2027-03-27T22:00:00Z');
    expect(clock.startOfLocalDay('2027-03-27', 'Asia/Beirut')).toBe('2027-03-26T22:00:00Z');
    expect(clock.localDateTime('2027-03-27T22:00:00Z', 'Asia/Beirut')).toBe('2027-03-28T01:00');
    expect(clock.localDate('2027-03-27T21:59:59Z', 'Asia/Beirut')).toBe('2027-03-27');
    expect(clock.localDate('2027-03-27T22:00:00Z', 'Asia/Beirut')).toBe('2027-03-28');
  });

  it('answers as the free functions in zoned.ts do', () => {
    const clock = new ZoneClock();
    for (const zone of ['America/Vancouver', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      for (const [date, time] of [
        ['2027-03-14', '02:30'],
        ['2027-04-04', '02:30'],
        ['2027-10-03', '02:15'],
        ['2027-10-31', '02:30'],
        ['2027-11-07', '01:30'],
        ['2028-02-29', '23:59'],
      ] as const) {
        expect(clock.zonedToInstant(date, time, zone)).toBe(zonedToInstant(date, time, zone));
        expect(clock.startOfLocalDay(date, zone)).toBe(startOfLocalDay(date, zone));
        const instant = zonedToInstant(date, time, zone);
        expect(clock.localDate(instant, zone)).toBe(localDate(instant, zone));
        expect(clock.localDateTime(instant, zone)).toBe(localDateTime(instant, zone));
      }
    }
    expect(clock.localDateTime('2027-01-04T17:00:59.999Z', 'America/Vancouver')).toBe('2027-01-04T09:00');
    expect(clock.localDate('2027-01-04T01:00:00+02:00', 'UTC')).toBe('2027-01-03');
  });

  it('refuses what Temporal refuses, with its errors', () => {
    const clock = warmed('UTC');
    expect(() => clock.zonedToInstant('2027-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => clock.zonedToInstant('2027-01-04', '24:00', 'UTC')).toThrow(RangeError);
    // Asked more often than a zone is answered by Temporal alone: an unknown zone stays an error.
    for (let i = 0; i < 12; i++) {
      expect(() => clock.zonedToInstant('2027-01-04', '09:00', 'Mars/Olympus')).toThrow(RangeError);
      expect(() => clock.startOfLocalDay('2027-01-04', 'Mars/Olympus')).toThrow(RangeError);
      expect(() => clock.localDate('2027-01-04T09:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
    }
    expect(() => clock.localDateTime('yesterday', 'UTC')).toThrow(RangeError);
  });

  it('equals Temporal around every clock change of every zone, 2024-2030', () => {
    const clock = new ZoneClock();
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2031, 0, 1);
    const around = [-24.5, -1, -0.5, 0, 0.5, 1, 24.5].map((h) => h * HOUR_MS);
    let changes = 0;
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const at of transitions(zone, from, to)) {
        changes++;
        const before = Temporal.Instant.fromEpochMilliseconds(at - 1).toZonedDateTimeISO(
          zone,
        ).offsetNanoseconds;
        const after = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).offsetNanoseconds;
        // Wall-clock times near the change as the clock read just before and just after it, and instants near it.
        for (const offsetNs of [before, after]) {
          const wallAt = at + offsetNs / 1e6;
          for (const d of around) {
            expectSameAsTemporal(clock, zone, msToInstant(wallAt + d).slice(0, 16), at + d - MINUTE_MS);
          }
        }
      }
    }
    // Hundreds of zones change their clocks twice a year: a broken search would find none.
    expect(changes).toBeGreaterThan(1000);
  });

  it('equals Temporal on sampled dates of every zone, 1900-2199, and in zones that skipped or repeated days', () => {
    const clock = new ZoneClock();
    const random = seeded(20271107);
    const first = Date.UTC(1899, 11, 25);
    const span = Date.UTC(2200, 0, 5) - first;
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (let i = 0; i < 6; i++) {
        const wall = Math.floor((first + random() * span) / MINUTE_MS) * MINUTE_MS;
        expectSameAsTemporal(clock, zone, msToInstant(wall).slice(0, 16), wall);
      }
    }
    // Samoa skipped 2011-12-30; Kwajalein skipped a day in 1993; Lord Howe moves by half an hour.
    for (const [zone, date] of [
      ['Pacific/Apia', '2011-12-30'],
      ['Pacific/Apia', '2011-12-29'],
      ['Pacific/Apia', '2011-12-31'],
      ['Pacific/Kwajalein', '1993-08-21'],
      ['Australia/Lord_Howe', '2027-10-03'],
      ['America/St_Johns', '2027-03-14'],
    ] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const wall = `${date}T${time}`;
        expectSameAsTemporal(clock, zone, wall, Date.parse(`${wall}:00Z`));
      }
    }
    expect(clock.startOfLocalDay('2011-12-31', 'Pacific/Apia')).toBe('2011-12-30T10:00:00Z');
  });
});
