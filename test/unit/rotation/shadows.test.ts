import { findLayerOverlaps } from '../../../shared/plan/layer-overlaps';
import type { Plan } from '../../../shared/plan/schema';
import { validatePlan } from '../../../shared/plan/validate';
import { checkCoverage } from '../../../shared/rotation/coverage';
import { whoIsOnCallAt } from '../../../shared/rotation/on-call-at';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { instantMs } from '../../../shared/time/zoned';
import { shadowPlan } from './shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

const row = (s: Plan['shifts'][number]) => [s.id, s.memberId, s.start, s.end, s.source, s.shadow ?? false];

describe('shadow shifts', () => {
  it('shadows each turn that starts in the pairing, skipping the learner’s time off and holiday', () => {
    const { shifts, unresolved } = scheduleShifts(shadowPlan(), {}, calendar);
    expect(unresolved).toEqual([]);
    expect(shifts.map(row)).toEqual([
      ['primary-2027-01-04', 'a', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z', 'generated', false],
      ['primary-2027-01-11', 'b', '2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z', 'generated', false],
      [
        'primary-shadow-d-2027-01-11T09:00',
        'd',
        '2027-01-11T17:00:00Z',
        '2027-01-13T08:00:00Z',
        'generated',
        true,
      ],
      [
        'primary-shadow-d-2027-01-15T00:00',
        'd',
        '2027-01-15T08:00:00Z',
        '2027-01-18T08:00:00Z',
        'generated',
        true,
      ],
      ['primary-2027-01-18', 'c', '2027-01-18T17:00:00Z', '2027-01-25T17:00:00Z', 'generated', false],
      [
        'primary-shadow-d-2027-01-19T00:00',
        'd',
        '2027-01-19T08:00:00Z',
        '2027-01-25T17:00:00Z',
        'generated',
        true,
      ],
      ['primary-2027-01-25', 'a', '2027-01-25T17:00:00Z', '2027-02-01T17:00:00Z', 'generated', false],
    ]);
  });

  it('gives a valid plan whose shadows are neither coverage, overlaps nor on call', () => {
    const plan = { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts };
    expect(validatePlan(plan).ok).toBe(true);
    expect(checkCoverage(plan)).toEqual([{ layerId: 'primary', gaps: [], overlaps: [] }]);
    expect(findLayerOverlaps(plan.shifts)).toEqual([]);
    const onCall = whoIsOnCallAt(plan, '2027-01-12T12:00:00Z');
    expect(onCall.map((l) => l.memberIds)).toEqual([['b']]);
  });

  it('never shadows a turn the learner holds, and leaves the on-call person as without the pairing', () => {
    const base = shadowPlan();
    const layer = { ...base.rotation.layers[0]!, memberOrder: ['a', 'd', 'c'] };
    const plan = { ...base, rotation: { ...base.rotation, layers: [layer] } };
    const withShadow = scheduleShifts(plan, {}, calendar).shifts;
    const without = scheduleShifts(
      {
        ...plan,
        rotation: { ...plan.rotation, layers: [{ ...layer, shadows: [] }] },
      },
      {},
      calendar,
    ).shifts;
    expect(withShadow.filter((s) => !s.shadow)).toEqual(without);
    // d is away in their turn of the 11th, so c covers it and d takes c's turn of the 18th back: d shadows c's
    // cover (less the days away) and nothing of the turn d holds.
    expect(withShadow.map((s) => [s.memberId, s.start, s.source, s.shadow ?? false])).toEqual([
      ['a', '2027-01-04T17:00:00Z', 'generated', false],
      ['c', '2027-01-11T17:00:00Z', 'swap', false],
      ['d', '2027-01-11T17:00:00Z', 'generated', true],
      ['d', '2027-01-15T08:00:00Z', 'generated', true],
      ['d', '2027-01-18T17:00:00Z', 'swap', false],
      ['a', '2027-01-25T17:00:00Z', 'generated', false],
    ]);
  });

  it('keeps shadows before a regeneration window as they are and rebuilds the ones inside it', () => {
    const plan = { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts };
    const edited: Plan = {
      ...plan,
      rotation: {
        ...plan.rotation,
        layers: [{ ...plan.rotation.layers[0]!, memberOrder: ['a', 'c', 'b'] }],
      },
    };
    const from = instantMs('2027-01-18T17:00:00Z');
    const { shifts } = scheduleShifts(edited, { from }, calendar);
    expect(shifts.filter((s) => s.shadow).map((s) => [s.id, s.start, s.end])).toEqual([
      ['primary-shadow-d-2027-01-11T09:00', '2027-01-11T17:00:00Z', '2027-01-13T08:00:00Z'],
      ['primary-shadow-d-2027-01-15T00:00', '2027-01-15T08:00:00Z', '2027-01-18T08:00:00Z'],
      ['primary-shadow-d-2027-01-19T00:00', '2027-01-19T08:00:00Z', '2027-01-25T17:00:00Z'],
    ]);
    expect(shifts.filter((s) => !s.shadow).map((s) => s.memberId)).toEqual(['a', 'b', 'b', 'a']);
  });

  it('refuses a pairing that ends before it starts or names an unknown member', () => {
    const plan = shadowPlan();
    const bad: Plan = {
      ...plan,
      rotation: {
        ...plan.rotation,
        layers: [
          {
            ...plan.rotation.layers[0]!,
            shadows: [
              { id: 'x', memberId: 'd', from: '2027-01-11', until: '2027-01-11' },
              { id: 'y', memberId: 'zed', from: '2027-01-11', until: '2027-01-12' },
            ],
          },
        ],
      },
    };
    const result = validatePlan(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ['rotation.layers[0].shadows[0].until', 'a shadow pairing must end after it starts'],
      ['rotation.layers[0].shadows[1].memberId', 'no team member has id "zed"'],
    ]);
  });
});
