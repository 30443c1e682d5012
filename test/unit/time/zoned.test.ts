import {
  endKeepingLocalLength,
  hoursBetween,
  instantMs,
  instantWithOffset,
  localDateTime,
  msToInstant,
  startOfLocalDay,
  zonedToInstant,
} from '../../../shared/time/zoned';

describe('zoned time helpers', () => {
  it('read instants with Z or an offset, and refuse dates that do not exist', () => {
    expect(instantMs('2027-01-04T17:00:00Z')).toBe(Date.UTC(2027, 0, 4, 17));
    expect(instantMs('2027-01-04T09:00:00-08:00')).toBe(Date.UTC(2027, 0, 4, 17));
    expect(instantMs('2027-01-04T22:30+05:30')).toBe(Date.UTC(2027, 0, 4, 17));
    expect(() => instantMs('2027-02-30T00:00:00Z')).toThrow(RangeError);
    expect(() => instantMs('tomorrow')).toThrow(RangeError);
    expect(msToInstant(Date.UTC(2027, 0, 4, 17))).toBe('2027-01-04T17:00:00Z');
  });

  it.each([
    ['America/Los_Angeles', '2027-01-04T17:00:00Z', '2027-01-04T09:00:00-08:00'],
    ['America/Los_Angeles', '2027-07-05T16:00:00Z', '2027-07-05T09:00:00-07:00'],
    ['America/St_Johns', '2027-01-04T13:30:00Z', '2027-01-04T10:00:00-03:30'],
    ['America/St_Johns', '2027-07-05T12:30:00Z', '2027-07-05T10:00:00-02:30'],
    ['Asia/Kolkata', '2027-07-05T03:30:00Z', '2027-07-05T09:00:00+05:30'],
    ['Australia/Sydney', '2027-01-03T22:00:00Z', '2027-01-04T09:00:00+11:00'],
    ['Europe/Berlin', '2027-07-05T07:00:00Z', '2027-07-05T09:00:00+02:00'],
  ])('write %s instants with that zone’s offset (%s)', (zone, instant, expected) => {
    expect(instantWithOffset(instant, zone)).toBe(expected);
    expect(zonedToInstant(expected.slice(0, 10), expected.slice(11, 16), zone)).toBe(instant);
  });

  it('start a day when the zone says, even when midnight does not exist', () => {
    expect(startOfLocalDay('2027-03-14', 'America/Los_Angeles')).toBe('2027-03-14T08:00:00Z');
    // Brazil began DST at midnight on 2018-11-04: that day started at 01:00 (-02:00).
    expect(startOfLocalDay('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00Z');
  });

  it('keep a moved shift’s wall-clock length across DST', () => {
    // A 168-hour week moved onto the spring-forward week ends at 09:00 local after 167 hours.
    const end = endKeepingLocalLength(
      '2027-03-01T17:00:00Z',
      '2027-03-08T17:00:00Z',
      '2027-03-08T17:00:00Z',
      'America/Los_Angeles',
    );
    expect(end).toBe('2027-03-15T16:00:00Z');
    expect(hoursBetween('2027-03-08T17:00:00Z', end)).toBe(167);
    expect(localDateTime(end, 'America/Los_Angeles')).toBe('2027-03-15T09:00');
    expect(hoursBetween('2027-01-04T13:30:00Z', '2027-01-04T14:00:00Z')).toBe(0.5);
  });
});
