import { describeCover } from '../../../shared/rotation/describe-cover';
import { applyEdit } from '../../../shared/plan/edits';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { away, member, NOW, planWith, rows, sample } from './plan-fixtures';

const weekly = {
  shiftLengthDays: 7,
  handoff: { weekday: 1, time: '09:00' },
  timeZone: 'America/Los_Angeles',
  startDate: '2027-01-04',
} as const;

describe('time off in the engine', () => {
  it('covers only the away days when nobody is free for the whole week', () => {
    // a is away Wed-Thu of week 1; b is secondary that week; c is away on Sunday, so nobody can take the
    // whole week, and c covers a's two days.
    const plan = planWith(
      [
        member('a', [away('a-1', '2027-01-06', '2027-01-07')]),
        member('b'),
        member('c', [away('c-1', '2027-01-10', '2027-01-10')]),
      ],
      {
        ...weekly,
        layers: [
          { id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c'] },
          { id: 'secondary', name: 'Secondary', memberOrder: ['b', 'c', 'a'] },
        ],
        endDate: '2027-01-18',
      },
    );
    const { shifts, unresolved } = scheduleShifts(plan);
    expect(unresolved).toEqual([]);
    expect(
      shifts.filter((s) => s.layerId === 'primary').map((s) => [s.id, s.start, s.end, s.memberId, s.source]),
    ).toEqual([
      ['primary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-06T08:00:00Z', 'a', 'generated'],
      ['primary-2027-01-06T00:00', '2027-01-06T08:00:00Z', '2027-01-08T08:00:00Z', 'c', 'swap'],
      ['primary-2027-01-08T00:00', '2027-01-08T08:00:00Z', '2027-01-11T17:00:00Z', 'a', 'generated'],
      ['primary-2027-01-11', '2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z', 'b', 'generated'],
    ]);
    expect(
      describeCover(
        plan,
        shifts.find((s) => s.id === 'primary-2027-01-06T00:00')!,
      ),
    ).toBe('Covers A (time off) for part of the shift');
  });

  it('keeps the only member on call during their time off and reports it', () => {
    const plan = planWith([member('a', [away('a-1', '2027-01-05', '2027-01-05')])], {
      ...weekly,
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a'] }],
      endDate: '2027-01-11',
    });
    const { shifts, unresolved } = scheduleShifts(plan);
    expect(rows(shifts)).toEqual([['2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z', 'a', 'generated']]);
    expect(unresolved).toEqual([
      {
        layerId: 'primary',
        memberId: 'a',
        start: '2027-01-05T08:00:00Z',
        end: '2027-01-06T08:00:00Z',
        reason: 'time-off',
        message:
          'Primary: nobody else in the order is free 2027-01-05 00:00 – 2027-01-06 00:00, so A stays on call (time off)',
      },
    ]);
  });

  it('reads time off in the member’s own zone', () => {
    // Monday 20:00 in Los Angeles is Tuesday 04:00Z. A Tuesday off in Kolkata starts Monday 18:30Z, inside a's
    // first week; a Tuesday off in Los Angeles starts Tuesday 08:00Z, after it.
    const rotation = {
      ...weekly,
      handoff: { weekday: 1, time: '20:00' },
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b'] }],
      endDate: '2027-02-01',
    };
    const tuesday = [away('a-1', '2027-01-12', '2027-01-12')];
    const inKolkata = planWith([member('a', tuesday, 'Asia/Kolkata'), member('b')], rotation);
    // b covers week 1; a is still away at the start of b's week 2, so a takes b's week 4 instead.
    expect(rows(scheduleShifts(inKolkata).shifts)).toEqual([
      ['2027-01-05T04:00:00Z', '2027-01-12T04:00:00Z', 'b', 'swap'],
      ['2027-01-12T04:00:00Z', '2027-01-19T04:00:00Z', 'b', 'generated'],
      ['2027-01-19T04:00:00Z', '2027-01-26T04:00:00Z', 'a', 'generated'],
      ['2027-01-26T04:00:00Z', '2027-02-02T04:00:00Z', 'a', 'swap'],
    ]);
    const inLosAngeles = planWith([member('a', tuesday), member('b')], rotation);
    expect(scheduleShifts(inLosAngeles).shifts.map((s) => s.source)).toEqual([
      'generated',
      'generated',
      'generated',
      'generated',
    ]);
  });

  it('does not put one person on both layers at once', () => {
    const plan = planWith([member('a'), member('b'), member('c')], {
      ...weekly,
      layers: [
        { id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c'] },
        { id: 'secondary', name: 'Secondary', memberOrder: ['a', 'b', 'c'] },
      ],
      endDate: '2027-01-18',
    });
    const { shifts } = scheduleShifts(plan);
    expect(shifts.map((s) => [s.id, s.memberId, s.source])).toEqual([
      ['primary-2027-01-04', 'a', 'generated'],
      ['primary-2027-01-11', 'b', 'generated'],
      ['secondary-2027-01-04', 'b', 'swap'],
      ['secondary-2027-01-11', 'a', 'swap'],
    ]);
    expect(describeCover({ ...plan, shifts }, shifts[2]!)).toBe(
      'Covers A (on call in another layer then); A takes Jan 11 09:00 – Jan 18 09:00 in return',
    );
  });
});

describe('kept shifts', () => {
  it('fills the rotation around a manual shift, and the generated pieces get their own ids', () => {
    const created = applyEdit(
      sample(),
      {
        kind: 'shift:create',
        shift: {
          layerId: 'primary',
          memberId: 'sam',
          start: '2027-01-06T17:00:00Z',
          end: '2027-01-08T17:00:00Z',
        },
      },
      NOW,
    );
    if (!created.ok) throw new Error(created.reason);
    const regenerated = scheduleShifts(created.plan).shifts.filter((s) => s.start < '2027-01-11T17:00:00Z');
    expect(regenerated.map((s) => [s.id, s.start, s.end, s.memberId, s.source])).toEqual([
      ['primary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-06T17:00:00Z', 'maya', 'generated'],
      ['manual-primary-2027-01-06T09:00', '2027-01-06T17:00:00Z', '2027-01-08T17:00:00Z', 'sam', 'manual'],
      ['primary-2027-01-08T09:00', '2027-01-08T17:00:00Z', '2027-01-11T17:00:00Z', 'maya', 'generated'],
      ['secondary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z', 'diego', 'generated'],
    ]);
  });

  it('keeps a pinned shift even when its member is away, and counts its person as busy on that layer', () => {
    const plan = sample();
    const pinned = { ...plan.shifts[3]!, memberId: 'sam', source: 'generated' as const, pinned: true };
    const { shifts, unresolved } = scheduleShifts({
      ...plan,
      shifts: plan.shifts.map((s) => (s.id === pinned.id ? pinned : s)),
    });
    expect(unresolved).toEqual([]);
    expect(shifts.find((s) => s.id === 'primary-2027-01-25')).toEqual(pinned);
    // With Sam's conference week pinned to Sam, nobody swaps with him: 2027-02-08 is Diego's again.
    expect(shifts.find((s) => s.id === 'primary-2027-02-08')?.memberId).toBe('diego');
  });
});
