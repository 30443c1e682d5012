import { expandSchedules, type PdLayer } from '../../../shared/publish/pagerduty/pagerduty-semantics';

const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();
const spansOf = (layers: PdLayer[], zone: string, from: string, to: string, overrides = []) =>
  expandSchedules([{ key: 's', timeZone: zone, layers }], overrides, { start: ms(from), end: ms(to) }).map(
    (s) => [s.user, iso(s.start), iso(s.end)],
  );

describe('the PagerDuty interpreter', () => {
  // The example of the Terraform provider's pagerduty_schedule page (and its Pulumi copy): a daily rotation with
  // a daily restriction from 08:00 for 9 hours, in New York.
  it('reads the provider documentation example: on call 08:00-17:00 New York every day', () => {
    const nightShift: PdLayer = {
      name: 'Night Shift',
      start: '2015-11-06T20:00:00-05:00',
      end: null,
      rotation_virtual_start: '2015-11-06T20:00:00-05:00',
      rotation_turn_length_seconds: 86400,
      users: ['earline'],
      restrictions: [{ type: 'daily_restriction', start_time_of_day: '08:00:00', duration_seconds: 32400 }],
    };
    expect(spansOf([nightShift], 'America/New_York', '2015-11-06T00:00:00Z', '2015-11-09T05:00:00Z')).toEqual(
      [
        ['earline', '2015-11-07T13:00:00.000Z', '2015-11-07T22:00:00.000Z'],
        ['earline', '2015-11-08T13:00:00.000Z', '2015-11-08T22:00:00.000Z'],
      ],
    );
  });

  // PagerDuty's restrictions article: "restricted the on-call user to be on call from 19:00-07:00 every weekday";
  // the rotation keeps turning daily through the restricted time.
  it('keeps a daily rotation turning through restricted weekends (19:00-07:00 on weekdays)', () => {
    const weekdays = [1, 2, 3, 4, 5].map((day) => ({
      type: 'weekly_restriction' as const,
      start_time_of_day: '19:00:00',
      duration_seconds: 12 * 3600,
      start_day_of_week: day,
    }));
    const layer: PdLayer = {
      name: 'After hours',
      start: '2027-01-01T00:00:00Z',
      end: null,
      rotation_virtual_start: '2027-01-04T07:00:00Z',
      rotation_turn_length_seconds: 86400,
      users: ['a', 'b'],
      restrictions: weekdays,
    };
    // Turns from Mon 2027-01-04 07:00: a, b, a, b, a (Fri), b, a, then b on Mon 2027-01-11: the weekend turns
    // passed although nobody was on call, so Monday nights alternate.
    expect(spansOf([layer], 'UTC', '2027-01-08T00:00:00Z', '2027-01-12T12:00:00Z')).toEqual([
      ['b', '2027-01-08T00:00:00.000Z', '2027-01-08T07:00:00.000Z'],
      ['a', '2027-01-08T19:00:00.000Z', '2027-01-09T07:00:00.000Z'],
      ['b', '2027-01-11T19:00:00.000Z', '2027-01-12T07:00:00.000Z'],
    ]);
  });

  // PagerDuty's time zone settings: a schedule keeps its handoff at the same local time when DST begins.
  it('keeps a daily handoff at 09:00 New York across the start of DST', () => {
    const layer: PdLayer = {
      name: 'Daily',
      start: '2027-03-12T09:00:00-05:00',
      end: null,
      rotation_virtual_start: '2027-03-12T09:00:00-05:00',
      rotation_turn_length_seconds: 86400,
      users: ['a', 'b', 'c'],
      restrictions: [],
    };
    expect(spansOf([layer], 'America/New_York', '2027-03-13T00:00:00Z', '2027-03-16T00:00:00Z')).toEqual([
      ['a', '2027-03-13T00:00:00.000Z', '2027-03-13T14:00:00.000Z'],
      ['b', '2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z'],
      ['c', '2027-03-14T13:00:00.000Z', '2027-03-15T13:00:00.000Z'],
      ['a', '2027-03-15T13:00:00.000Z', '2027-03-16T00:00:00.000Z'],
    ]);
  });

  // Schedule Basics: "If a user on Layer 1 and Layer 2 overlap, the user on Layer 2 will be the one on-call".
  it('lets the later layer win where layers overlap, and overrides win over both', () => {
    const base = {
      start: '2027-01-01T00:00:00Z',
      end: null,
      rotation_turn_length_seconds: 7 * 86400,
      restrictions: [],
    };
    const layer1: PdLayer = {
      ...base,
      name: 'Layer 1',
      rotation_virtual_start: '2027-01-04T00:00:00Z',
      users: ['one'],
    };
    const layer2: PdLayer = {
      ...base,
      name: 'Layer 2',
      rotation_virtual_start: '2027-01-04T00:00:00Z',
      users: ['two'],
      restrictions: [
        { type: 'daily_restriction', start_time_of_day: '09:00:00', duration_seconds: 8 * 3600 },
      ],
    };
    const override = {
      scheduleKey: 's',
      start: '2027-01-05T10:00:00Z',
      end: '2027-01-05T11:00:00Z',
      user: 'three',
    };
    expect(
      spansOf([layer1, layer2], 'UTC', '2027-01-05T00:00:00Z', '2027-01-06T00:00:00Z', [override] as never),
    ).toEqual([
      ['one', '2027-01-05T00:00:00.000Z', '2027-01-05T09:00:00.000Z'],
      ['two', '2027-01-05T09:00:00.000Z', '2027-01-05T10:00:00.000Z'],
      ['three', '2027-01-05T10:00:00.000Z', '2027-01-05T11:00:00.000Z'],
      ['two', '2027-01-05T11:00:00.000Z', '2027-01-05T17:00:00.000Z'],
      ['one', '2027-01-05T17:00:00.000Z', '2027-01-06T00:00:00.000Z'],
    ]);
  });

  it('stops a layer at its end and starts it at its start', () => {
    const layer: PdLayer = {
      name: 'Bounded',
      start: '2027-01-05T06:00:00Z',
      end: '2027-01-05T18:00:00Z',
      rotation_virtual_start: '2027-01-01T00:00:00Z',
      rotation_turn_length_seconds: 86400,
      users: ['a', 'b'],
      restrictions: [],
    };
    expect(spansOf([layer], 'UTC', '2027-01-05T00:00:00Z', '2027-01-06T00:00:00Z')).toEqual([
      ['a', '2027-01-05T06:00:00.000Z', '2027-01-05T18:00:00.000Z'],
    ]);
  });
});
