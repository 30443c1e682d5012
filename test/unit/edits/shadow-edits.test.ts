import { applyEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

const NOW = '2026-12-01T00:00:00Z';

/** The fixture's plan without its pairing, its shifts generated. */
function unpaired(): Plan {
  const base = shadowPlan();
  const { shadows: _none, ...layer } = base.rotation.layers[0]!;
  const plan = { ...base, rotation: { ...base.rotation, layers: [layer] } };
  return { ...plan, shifts: scheduleShifts(plan, {}, calendar).shifts };
}

describe('shadow edits', () => {
  it('shadow:add pairs the learner and adds their shadow shifts without moving anyone on call', () => {
    const before = unpaired();
    const result = applyEdit(
      before,
      { kind: 'shadow:add', layerId: 'primary', memberId: 'd', from: '2027-01-11', until: '2027-01-18' },
      NOW,
      undefined,
      calendar,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.rotation.layers[0]!.shadows).toEqual([
      { id: 'shadow-d-2027-01-11', memberId: 'd', from: '2027-01-11', until: '2027-01-18' },
    ]);
    expect(result.plan.shifts.filter((s) => !s.shadow)).toEqual(before.shifts);
    expect(result.plan.shifts.filter((s) => s.shadow).map((s) => [s.id, s.start, s.end])).toEqual([
      ['primary-shadow-d-2027-01-11T09:00', '2027-01-11T17:00:00Z', '2027-01-13T08:00:00Z'],
      ['primary-shadow-d-2027-01-15T00:00', '2027-01-15T08:00:00Z', '2027-01-18T08:00:00Z'],
    ]);
  });

  it('says which learner needs holidays when the caller passed no holiday lookup', () => {
    expect(() =>
      applyEdit(
        unpaired(),
        { kind: 'shadow:add', layerId: 'primary', memberId: 'd', from: '2027-01-11', until: '2027-01-18' },
        NOW,
      ),
    ).toThrow('the shadow shifts of D need their public holidays, and no holiday lookup was passed in');
  });

  it('shadow:remove drops the pairing and its shadows, giving back the plan as it was', () => {
    const before = unpaired();
    const added = applyEdit(
      before,
      { kind: 'shadow:add', layerId: 'primary', memberId: 'd', from: '2027-01-11', until: '2027-01-18' },
      NOW,
      undefined,
      calendar,
    );
    if (!added.ok) throw new Error(added.reason);
    const removed = applyEdit(
      added.plan,
      { kind: 'shadow:remove', layerId: 'primary', pairingId: 'shadow-d-2027-01-11' },
      NOW,
      undefined,
      calendar,
    );
    if (!removed.ok) throw new Error(removed.reason);
    expect(removed.plan.rotation).toEqual(before.rotation);
    expect(removed.plan.shifts).toEqual(before.shifts);
  });

  it('refuses an unknown member or layer, dates in the wrong order and a pairing that is not there', () => {
    const plan = unpaired();
    const reason = (edit: Parameters<typeof applyEdit>[1]) => {
      const r = applyEdit(plan, edit, NOW, undefined, calendar);
      return r.ok ? null : r.reason;
    };
    expect(
      reason({
        kind: 'shadow:add',
        layerId: 'primary',
        memberId: 'zed',
        from: '2027-01-11',
        until: '2027-01-18',
      }),
    ).toBe('no team member has id "zed"');
    expect(
      reason({
        kind: 'shadow:add',
        layerId: 'tertiary',
        memberId: 'd',
        from: '2027-01-11',
        until: '2027-01-18',
      }),
    ).toBe('no rotation layer has id "tertiary"');
    expect(
      reason({
        kind: 'shadow:add',
        layerId: 'primary',
        memberId: 'd',
        from: '2027-01-18',
        until: '2027-01-11',
      }),
    ).toBe('a shadow pairing must end after it starts (from 2027-01-18 until 2027-01-11)');
    expect(
      reason({
        kind: 'shadow:add',
        layerId: 'primary',
        memberId: 'd',
        from: '2027-02-30',
        until: '2027-03-11',
      }),
    ).toBe('rotation.layers[0].shadows[0].from: not a real calendar date');
    expect(reason({ kind: 'shadow:remove', layerId: 'primary', pairingId: 'nope' })).toBe(
      'the Primary layer has no shadow pairing "nope"',
    );
  });
});
