import type { Plan } from '../../../shared/plan/schema';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { member, planWith } from '../rotation/plan-fixtures';
import { applyOk, refusal } from './edit-helpers';

/** Weekly from Monday 2027-01-04 09:00 Los Angeles to 2027-04-05, a b c d in turn, e on the team but not on call. */
function weekly(): Plan {
  const base = planWith(
    ['a', 'b', 'c', 'd', 'e'].map((id) => member(id)),
    {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c', 'd'] }],
      startDate: '2027-01-04',
      endDate: '2027-04-05',
    },
  );
  return { ...base, shifts: scheduleShifts(base).shifts };
}

const who = (plan: Plan) => plan.shifts.map((s) => [s.start.slice(0, 10), s.memberId]);

describe('rotation:change-from', () => {
  const before = weekly();
  // Weeks from 2027-01-04: a b c d a b c d, then a on 2027-03-01 (09:00 PST = 17:00Z).
  const untilMarch = before.shifts.filter((s) => s.start < '2027-03-01T17:00:00Z');

  it('adds a person from a date without reshuffling: the earlier shifts stay, the order continues', () => {
    const after = applyOk(before, {
      kind: 'rotation:change-from',
      layerId: 'primary',
      from: '2027-03-01',
      members: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(after.shifts.slice(0, untilMarch.length)).toEqual(untilMarch);
    expect(who(after).slice(untilMarch.length)).toEqual([
      ['2027-03-01', 'a'],
      ['2027-03-08', 'b'],
      ['2027-03-15', 'c'],
      ['2027-03-22', 'd'],
      ['2027-03-29', 'e'],
    ]);
    // A plain reshuffle of the same order from the start would have put d on 2027-03-01.
    expect(after.rotation.layers[0]!.rotations?.map((r) => [r.id, r.from, r.until, r.members])).toEqual([
      ['primary', undefined, '2027-03-01', ['a', 'b', 'c', 'd']],
      ['primary-from-2027-03-01', '2027-03-01', undefined, ['a', 'b', 'c', 'd', 'e']],
    ]);
    expect(after.rotation.layers[0]!.memberOrder).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('removes a person from a date: whoever was due stays on, the rest follow without them', () => {
    const after = applyOk(before, {
      kind: 'rotation:change-from',
      layerId: 'primary',
      from: '2027-03-08',
      members: ['a', 'c', 'd'],
    });
    expect(who(after).slice(untilMarch.length)).toEqual([
      ['2027-03-01', 'a'],
      // b was due on 2027-03-08 and left: c, who followed b, takes over.
      ['2027-03-08', 'c'],
      ['2027-03-15', 'd'],
      ['2027-03-22', 'a'],
      ['2027-03-29', 'c'],
    ]);
  });

  it('changes the cadence from mid-week: the running shift stays whole, fortnights start from the date', () => {
    const after = applyOk(before, {
      kind: 'rotation:change-from',
      layerId: 'primary',
      from: '2027-03-03',
      cadence: { kind: 'weeks', every: 2, weekday: 1 },
    });
    expect(after.shifts.slice(0, untilMarch.length + 1)).toEqual(
      before.shifts.slice(0, untilMarch.length + 1),
    );
    expect(after.shifts.slice(untilMarch.length).map((s) => [s.start, s.end, s.memberId])).toEqual([
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'a'],
      ['2027-03-08T17:00:00Z', '2027-03-22T16:00:00Z', 'b'],
      ['2027-03-22T16:00:00Z', '2027-04-05T16:00:00Z', 'c'],
    ]);
  });

  it('keeps the change when the plan is regenerated later', () => {
    const after = applyOk(before, {
      kind: 'rotation:change-from',
      layerId: 'primary',
      from: '2027-03-01',
      members: ['a', 'b', 'c', 'd', 'e'],
    });
    const again = applyOk(after, { kind: 'rotation:regenerate' });
    expect(who(again)).toEqual(who(after));
  });

  it('refuses unknown people, layers and dates outside the plan, naming them', () => {
    const change = { kind: 'rotation:change-from', layerId: 'primary', from: '2027-03-01' } as const;
    expect(refusal(before, { ...change, members: ['a', 'zed'] })).toBe('no team member has id "zed"');
    expect(refusal(before, { ...change, layerId: 'tertiary' })).toBe('no rotation layer has id "tertiary"');
    expect(refusal(before, { ...change, from: '2027-05-03' })).toBe(
      'a change must take effect after the plan starts (2027-01-04) and before it ends (2027-04-05)',
    );
  });
});
