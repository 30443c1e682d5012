import { zoneDays } from '../../../shared/fairness/zone-days';
import { cronRuns as cronRunsIn, parseCron, type CronSpec } from '../../../shared/simulation/cron';

const ms = (iso: string) => Date.parse(iso);
const cronRuns = (spec: CronSpec, zone: string, fromMs: number, toMs: number) =>
  cronRunsIn(spec, zoneDays(zone, fromMs, toMs), fromMs, toMs);
const iso = (list: number[]) => list.map((t) => new Date(t).toISOString());

describe('the minimal cron reader', () => {
  it('reads the five fields with *, lists, ranges and steps', () => {
    const spec = parseCron('*/20 1,13 1-3 * 1-5');
    expect(spec).toMatchObject({
      minutes: [0, 20, 40],
      hours: [1, 13],
      anyDayOfMonth: false,
      anyDayOfWeek: false,
    });
    expect(parseCron('0 7 * * 7')).toMatchObject({ daysOfWeek: new Set([0]) });
  });

  it('names what it cannot read', () => {
    expect(parseCron('0 2 * *')).toBe('expected 5 fields, found 4');
    expect(parseCron('0 25 * * *')).toBe('the hour field "25" is out of range 0-23');
    expect(parseCron('0 2 * JAN *')).toBe('cannot read the month field "JAN"');
  });

  it('lists daily runs at local time, across the spring DST change', () => {
    const spec = parseCron('0 2 * * *');
    if (typeof spec === 'string') throw new Error(spec);
    // 2027-03-13 02:00 PST = 10:00Z; 2027-03-14 02:00 does not exist → 03:00 PDT = 10:00Z; 03-15 02:00 PDT = 09:00Z.
    expect(
      iso(cronRuns(spec, 'America/Los_Angeles', ms('2027-03-13T00:00:00Z'), ms('2027-03-16T00:00:00Z'))),
    ).toEqual(['2027-03-13T10:00:00.000Z', '2027-03-14T10:00:00.000Z', '2027-03-15T09:00:00.000Z']);
  });

  it('keeps weekdays only for 1-5', () => {
    const spec = parseCron('0 7 * * 1-5');
    if (typeof spec === 'string') throw new Error(spec);
    // Week of Mon 2027-04-05 in Los Angeles: five runs at 07:00 PDT = 14:00Z.
    const runs = cronRuns(
      spec,
      'America/Los_Angeles',
      ms('2027-04-05T07:00:00Z'),
      ms('2027-04-12T07:00:00Z'),
    );
    expect(iso(runs)).toEqual([
      '2027-04-05T14:00:00.000Z',
      '2027-04-06T14:00:00.000Z',
      '2027-04-07T14:00:00.000Z',
      '2027-04-08T14:00:00.000Z',
      '2027-04-09T14:00:00.000Z',
    ]);
  });

  it('matches either day field when both are restricted (cron semantics)', () => {
    const spec = parseCron('0 0 1 * 0');
    if (typeof spec === 'string') throw new Error(spec);
    // May 2027 in UTC: the 1st (a Saturday) and every Sunday (2, 9, 16, 23, 30).
    const days = cronRuns(spec, 'UTC', ms('2027-05-01T00:00:00Z'), ms('2027-06-01T00:00:00Z')).map((t) =>
      new Date(t).getUTCDate(),
    );
    expect(days).toEqual([1, 2, 9, 16, 23, 30]);
  });
});
