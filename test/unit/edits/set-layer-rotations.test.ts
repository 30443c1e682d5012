import { layerWithRotationsFrom } from '../../../shared/plan/edits/layer-rotations-from';
import type { LayerRotation, Plan } from '../../../shared/plan/schema';
import { layerRotations } from '../../../shared/rotation/layer-rotations';
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
/** The layer's rotations as the editor starts its draft. */
const draftOf = (plan: Plan): LayerRotation[] => layerRotations(plan.rotation, plan.rotation.layers[0]!);

describe('rotation:set-layer-rotations', () => {
  const before = weekly();
  // 2027-03-01 09:00 PST is 17:00Z.
  const untilMarch = before.shifts.filter((s) => s.start < '2027-03-01T17:00:00Z');

  it('adds a person from a date: earlier shifts stay exactly, the order continues with the newcomer last', () => {
    const [rotation] = draftOf(before);
    const after = applyOk(before, {
      kind: 'rotation:set-layer-rotations',
      layerId: 'primary',
      from: '2027-03-01',
      rotations: [{ ...rotation!, members: ['a', 'b', 'c', 'd', 'e'] }],
    });
    expect(untilMarch).toHaveLength(8);
    expect(after.shifts.slice(0, 8)).toEqual(untilMarch);
    expect(who(after).slice(8)).toEqual([
      ['2027-03-01', 'a'],
      ['2027-03-08', 'b'],
      ['2027-03-15', 'c'],
      ['2027-03-22', 'd'],
      ['2027-03-29', 'e'],
    ]);
    expect(
      after.rotation.layers[0]!.rotations!.map((r) => [r.id, r.from, r.until, r.members.join('')]),
    ).toEqual([
      ['primary', undefined, '2027-03-01', 'abcd'],
      ['primary-from-2027-03-01', '2027-03-01', undefined, 'abcde'],
    ]);
  });

  it('changes the cadence from a date mid-turn: the running shift is kept, daily turns follow', () => {
    const [rotation] = draftOf(before);
    const after = applyOk(before, {
      kind: 'rotation:set-layer-rotations',
      layerId: 'primary',
      from: '2027-03-24',
      rotations: [{ ...rotation!, cadence: { kind: 'days', every: 1 } }],
    });
    const keptUntil = before.shifts.filter((s) => s.start < '2027-03-24T16:00:00Z');
    expect(after.shifts.slice(0, keptUntil.length)).toEqual(keptUntil);
    // d's week from 2027-03-22 stays; daily turns continue after it with a, b, c, d, a, b.
    expect(who(after).slice(keptUntil.length - 1)).toEqual([
      ['2027-03-22', 'd'],
      ['2027-03-29', 'a'],
      ['2027-03-30', 'b'],
      ['2027-03-31', 'c'],
      ['2027-04-01', 'd'],
      ['2027-04-02', 'a'],
      ['2027-04-03', 'b'],
      ['2027-04-04', 'c'],
    ]);
  });

  it('without a date replaces the rotations for the whole plan', () => {
    const [rotation] = draftOf(before);
    const after = applyOk(before, {
      kind: 'rotation:set-layer-rotations',
      layerId: 'primary',
      from: null,
      rotations: [{ ...rotation!, members: ['e', 'a'] }],
    });
    expect(who(after).slice(0, 3)).toEqual([
      ['2027-01-04', 'e'],
      ['2027-01-11', 'a'],
      ['2027-01-18', 'e'],
    ]);
    expect(after.rotation.layers[0]!.memberOrder).toEqual(['e', 'a']);
  });

  it('refuses a draft with problems, an unchanged draft and a date after the plan, saying why', () => {
    const [rotation] = draftOf(before);
    expect(
      refusal(before, {
        kind: 'rotation:set-layer-rotations',
        layerId: 'primary',
        from: '2027-03-01',
        rotations: [{ ...rotation!, handoffTime: '25:00' }],
      }),
    ).toBe('layer Primary: Primary: handoff time: expected a local time as HH:MM');
    expect(
      refusal(before, {
        kind: 'rotation:set-layer-rotations',
        layerId: 'primary',
        from: '2027-03-01',
        rotations: [rotation!],
      }),
    ).toBe('Primary: the rotations are unchanged from 2027-03-01');
    expect(
      refusal(before, {
        kind: 'rotation:set-layer-rotations',
        layerId: 'primary',
        from: '2027-05-01',
        rotations: [{ ...rotation!, members: ['a'] }],
      }),
    ).toBe('a change must take effect before the plan ends (2027-04-05)');
  });

  it('previews the same layer the edit applies', () => {
    const [rotation] = draftOf(before);
    const change = {
      layerId: 'primary',
      from: '2027-03-01',
      rotations: [{ ...rotation!, members: ['a', 'e'] }],
    };
    const preview = layerWithRotationsFrom(before, change);
    const after = applyOk(before, { kind: 'rotation:set-layer-rotations', ...change });
    expect(preview.ok && preview.layer).toEqual(after.rotation.layers[0]);
  });
});
