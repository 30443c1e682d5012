import { shiftsOverlapping } from '../../../shared/plan/shift-index';
import type { Shift } from '../../../shared/plan/schema';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const ms = (iso: string) => Date.parse(iso);
const shift = (id: string, layerId: string, start: string, end: string): Shift => ({
  id,
  layerId,
  memberId: 'm',
  start,
  end,
  source: 'generated',
  pinned: false,
});

describe('shiftsOverlapping', () => {
  const shifts = [
    shift('p1', 'primary', '2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z'),
    shift('p2', 'primary', '2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z'),
    shift('p3', 'primary', '2027-03-15T16:00:00Z', '2027-03-15T20:00:00Z'),
    shift('p4', 'primary', '2027-03-15T20:00:00Z', '2027-03-22T16:00:00Z'),
    // The second layer starts again from March 1: a new run in the array.
    shift('s1', 'secondary', '2027-03-01T17:00:00Z', '2027-03-02T17:00:00Z'),
    shift('s2', 'secondary', '2027-03-02T17:00:00Z', '2027-03-30T17:00:00Z'),
  ];

  it('finds the shifts of every layer overlapping the window, long ones that started well before included', () => {
    const found = shiftsOverlapping(shifts, ms('2027-03-15T18:00:00Z'), ms('2027-03-16T00:00:00Z'));
    expect(found.map((s) => s.id)).toEqual(['p3', 'p4', 's2']);
  });

  it('finds a short shift inside a long one of the same layer (ends out of order) and reads offsets too', () => {
    const overlapping = [
      shift('long', 'primary', '2027-03-01T00:00:00Z', '2027-03-31T00:00:00Z'),
      shift('short', 'primary', '2027-03-02T00:00:00Z', '2027-03-03T00:00:00Z'),
      shift('late', 'primary', '2027-03-20T00:00:00Z', '2027-03-21T00:00:00Z'),
    ];
    const ids = (list: Shift[], from: string, to: string) =>
      shiftsOverlapping(list, ms(from), ms(to)).map((s) => s.id);
    expect(ids(overlapping, '2027-03-25T00:00:00Z', '2027-03-26T00:00:00Z')).toEqual(['long']);
    expect(ids(overlapping, '2027-03-02T12:00:00Z', '2027-03-20T12:00:00Z')).toEqual([
      'long',
      'short',
      'late',
    ]);
    // Not in the plain form (an offset): scanned, same answer.
    const withOffsets = overlapping.map((s) => ({ ...s, start: s.start.replace('Z', '+00:00') }));
    expect(ids(withOffsets, '2027-03-02T12:00:00Z', '2027-03-20T12:00:00Z')).toEqual([
      'long',
      'short',
      'late',
    ]);
  });

  it('leaves out shifts that only touch an edge of the window', () => {
    const found = shiftsOverlapping(shifts, ms('2027-03-08T17:00:00Z'), ms('2027-03-15T16:00:00Z'));
    expect(found.map((s) => s.id)).toEqual(['p2', 's2']);
  });

  it('answers a window before and one after every shift with nothing', () => {
    expect(shiftsOverlapping(shifts, ms('2027-02-01T00:00:00Z'), ms('2027-03-01T17:00:00Z'))).toEqual([]);
    expect(shiftsOverlapping(shifts, ms('2027-03-30T17:00:00Z'), ms('2027-05-01T00:00:00Z'))).toEqual([]);
  });

  it('gives what a scan of every shift gives, on the sample plan and on the same shifts in random order', () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    // A fixed shuffle (no Math.random in tests): position i goes to (i * 7919) mod n, far past 32 runs.
    const n = plan.shifts.length;
    const shuffled = plan.shifts
      .map((s, i) => ({ s, at: (i * 7919) % n }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.s);
    for (const [from, to] of [
      ['2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z'],
      ['2027-06-30T12:00:00Z', '2027-07-01T12:00:00Z'],
      ['2027-12-20T00:00:00Z', '2028-01-10T00:00:00Z'],
    ] as const) {
      const scan = (list: Shift[]) =>
        list.filter((s) => ms(s.end) > ms(from) && ms(s.start) < ms(to)).map((s) => s.id);
      expect(shiftsOverlapping(plan.shifts, ms(from), ms(to)).map((s) => s.id)).toEqual(scan(plan.shifts));
      expect(shiftsOverlapping(shuffled, ms(from), ms(to)).map((s) => s.id)).toEqual(scan(shuffled));
    }
    expect(
      shiftsOverlapping(plan.shifts, ms('2027-03-10T00:00:00Z'), ms('2027-03-11T00:00:00Z')).map((s) => s.id),
    ).toEqual(['primary-2027-03-08', 'secondary-2027-03-08']);
  });
});
