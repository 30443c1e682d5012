import { swapCandidates } from '../../../shared/optimize/swap-candidates';
import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

// A learner's shadow is not on call: no edit may give it away, trade it for an on-call turn or move it, and the
// on-call shifts beside it move, trade and get cut as if it were not there.

const NOW = '2026-12-01T00:00:00.000Z';
const plan = (): Plan => ({ ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts });
const SHADOW = 'primary-shadow-d-2027-01-11T09:00';
const refusal =
  "D's Primary shadow shift 2027-01-11 09:00 – 2027-01-13 00:00 is a shadow (learning, not on call): it cannot be " +
  "given away, swapped or moved like an on-call shift; change the learner's shadow pairing in the Team view instead";

function refused(edit: PlanEdit): string {
  const result = applyEdit(plan(), edit, NOW);
  if (result.ok) throw new Error(`${edit.kind} was applied`);
  return result.reason;
}
function applied(edit: PlanEdit): Plan {
  const result = applyEdit(plan(), edit, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}
const shadows = (p: Plan) => p.shifts.filter((s) => s.shadow === true).map((s) => [s.id, s.start, s.end]);

describe('edits on a shadow shift', () => {
  it('refuses to reassign, swap, move or resize a shadow, naming it and where to change it', () => {
    expect(refused({ kind: 'shift:reassign', shiftId: SHADOW, memberId: 'a' })).toBe(refusal);
    expect(refused({ kind: 'shift:swap', shiftId: SHADOW, otherShiftId: 'primary-2027-01-18' })).toBe(
      refusal,
    );
    // The other way round too: an on-call turn is never traded for a learner's shadow.
    expect(refused({ kind: 'shift:swap', shiftId: 'primary-2027-01-18', otherShiftId: SHADOW })).toBe(
      refusal,
    );
    expect(refused({ kind: 'shift:move', shiftId: SHADOW, start: '2027-01-18T17:00:00Z' })).toBe(refusal);
    expect(refused({ kind: 'shift:resize', shiftId: SHADOW, end: '2027-01-14T08:00:00Z' })).toBe(refusal);
  });

  it('the swap assistant refuses a shadow with the same sentence', () => {
    expect(swapCandidates(plan(), SHADOW)).toBe(refusal);
  });

  it('moves an on-call shift by a day past the shadows beside it; the shadows stay', () => {
    const before = shadows(plan());
    const after = applied({
      kind: 'shift:move',
      shiftId: 'primary-2027-01-11',
      start: '2027-01-12T17:00:00Z',
    });
    expect(
      after.shifts.filter((s) => s.shadow !== true).map((s) => [s.memberId, s.start, s.end, s.source]),
    ).toEqual([
      ['a', '2027-01-04T17:00:00Z', '2027-01-12T17:00:00Z', 'override'],
      ['b', '2027-01-12T17:00:00Z', '2027-01-19T17:00:00Z', 'override'],
      ['c', '2027-01-19T17:00:00Z', '2027-01-25T17:00:00Z', 'generated'],
      ['a', '2027-01-25T17:00:00Z', '2027-02-01T17:00:00Z', 'generated'],
    ]);
    expect(shadows(after)).toEqual(before);
  });

  it('a drag of one on-call shift onto the next trades places with it, not with a shadow', () => {
    const after = applied({
      kind: 'shift:move',
      shiftId: 'primary-2027-01-11',
      start: '2027-01-18T17:00:00Z',
    });
    expect(after.shifts.filter((s) => s.shadow !== true).map((s) => [s.memberId, s.start, s.source])).toEqual(
      [
        ['a', '2027-01-04T17:00:00Z', 'generated'],
        ['c', '2027-01-11T17:00:00Z', 'swap'],
        ['b', '2027-01-18T17:00:00Z', 'swap'],
        ['a', '2027-01-25T17:00:00Z', 'generated'],
      ],
    );
    expect(after.shifts.filter((s) => s.shadow === true)).toHaveLength(3);
  });

  it('a manual on-call shift cuts the on-call shifts of its time and leaves the shadows whole', () => {
    const before = shadows(plan());
    const after = applied({
      kind: 'shift:create',
      shift: {
        layerId: 'primary',
        memberId: 'a',
        start: '2027-01-12T08:00:00Z',
        end: '2027-01-13T08:00:00Z',
      },
    });
    expect(shadows(after)).toEqual(before);
    expect(
      after.shifts
        .filter((s) => s.shadow !== true && s.start < '2027-01-18T12:00:00Z')
        .map((s) => [s.memberId, s.start, s.end]),
    ).toEqual([
      ['a', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z'],
      ['b', '2027-01-11T17:00:00Z', '2027-01-12T08:00:00Z'],
      ['a', '2027-01-12T08:00:00Z', '2027-01-13T08:00:00Z'],
      ['b', '2027-01-13T08:00:00Z', '2027-01-18T17:00:00Z'],
    ]);
  });
});
