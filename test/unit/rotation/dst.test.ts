import { Temporal } from 'temporal-polyfill';
import type { Shift } from '../../../shared/plan/schema';
import { generateShifts } from '../../../shared/rotation/schedule-shifts';
import { hoursBetween } from '../../../shared/time/zoned';
import { member, planWith } from './plan-fixtures';

const team = [member('a'), member('b'), member('c'), member('d')];

function year(zone: string, shiftLengthDays: number, time = '09:00'): Shift[] {
  return generateShifts(
    planWith(team, {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c', 'd'] }],
      shiftLengthDays,
      handoff: { weekday: 1, time },
      timeZone: zone,
      startDate: '2027-01-04',
      endDate: '2028-01-03',
    }),
  );
}

const local = (instant: string, zone: string) => Temporal.Instant.from(instant).toZonedDateTimeISO(zone);

/** The shifts whose length is not the plain length, as [local start date, hours]. */
const unusual = (shifts: Shift[], zone: string, plain: number) =>
  shifts
    .map((s) => [local(s.start, zone).toPlainDate().toString(), hoursBetween(s.start, s.end)] as const)
    .filter(([, hours]) => hours !== plain);

describe('weekly handoffs stay at 09:00 local on Mondays through DST', () => {
  const cases: { zone: string; odd: (readonly [string, number])[] }[] = [
    {
      zone: 'America/Los_Angeles',
      odd: [
        ['2027-03-08', 167],
        ['2027-11-01', 169],
      ],
    },
    {
      zone: 'Europe/Berlin',
      odd: [
        ['2027-03-22', 167],
        ['2027-10-25', 169],
      ],
    },
    {
      // Southern hemisphere: clocks go back in April and forward in October.
      zone: 'Australia/Sydney',
      odd: [
        ['2027-03-29', 169],
        ['2027-09-27', 167],
      ],
    },
    { zone: 'Asia/Kolkata', odd: [] },
    {
      zone: 'America/St_Johns',
      odd: [
        ['2027-03-08', 167],
        ['2027-11-01', 169],
      ],
    },
  ];

  it.each(cases)('$zone', ({ zone, odd }) => {
    const shifts = year(zone, 7);
    expect(shifts).toHaveLength(52);
    for (const s of shifts) {
      const start = local(s.start, zone);
      expect([start.dayOfWeek, start.hour, start.minute]).toEqual([1, 9, 0]);
    }
    expect(unusual(shifts, zone, 168)).toEqual(odd);
  });
});

describe('daily handoffs: 23 and 25 hour days', () => {
  const cases: { zone: string; odd: (readonly [string, number])[] }[] = [
    {
      zone: 'America/Los_Angeles',
      odd: [
        ['2027-03-13', 23],
        ['2027-11-06', 25],
      ],
    },
    {
      zone: 'Europe/Berlin',
      odd: [
        ['2027-03-27', 23],
        ['2027-10-30', 25],
      ],
    },
    {
      zone: 'Australia/Sydney',
      odd: [
        ['2027-04-03', 25],
        ['2027-10-02', 23],
      ],
    },
    { zone: 'Asia/Kolkata', odd: [] },
    {
      zone: 'America/St_Johns',
      odd: [
        ['2027-03-13', 23],
        ['2027-11-06', 25],
      ],
    },
  ];

  it.each(cases)('$zone', ({ zone, odd }) => {
    const shifts = year(zone, 1);
    expect(shifts).toHaveLength(364);
    expect(shifts.every((s) => local(s.start, zone).toPlainTime().toString() === '09:00:00')).toBe(true);
    expect(unusual(shifts, zone, 24)).toEqual(odd);
  });
});

describe('handoff times the clock skips or repeats', () => {
  it('02:30 on the spring-forward day in Los Angeles happens at 03:30 (Temporal "compatible")', () => {
    const shifts = year('America/Los_Angeles', 1, '02:30').filter(
      (s) => s.start >= '2027-03-13' && s.start < '2027-03-16',
    );
    expect(shifts.map((s) => [s.start, s.end])).toEqual([
      ['2027-03-13T10:30:00Z', '2027-03-14T10:30:00Z'],
      ['2027-03-14T10:30:00Z', '2027-03-15T09:30:00Z'],
      ['2027-03-15T09:30:00Z', '2027-03-16T09:30:00Z'],
    ]);
  });

  it('01:30 on the fall-back day in Los Angeles is the first 01:30 (daylight time)', () => {
    const shifts = year('America/Los_Angeles', 1, '01:30').filter(
      (s) => s.start >= '2027-11-06' && s.start < '2027-11-08',
    );
    expect(shifts.map((s) => [s.start, s.end])).toEqual([
      ['2027-11-06T08:30:00Z', '2027-11-07T08:30:00Z'],
      ['2027-11-07T08:30:00Z', '2027-11-08T09:30:00Z'],
    ]);
  });
});
