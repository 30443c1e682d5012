import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import {
  changesNothingOnCall,
  consequenceHeadline,
  describeConsequence,
  editConsequences,
} from '../../../shared/rotation/edit-consequences';
import { editRuleBreaks } from '../../../shared/rotation/edit-rule-breaks';
import { NOW, sample } from './plan-fixtures';

const ZONE = 'America/Los_Angeles';

function after(plan: Plan, edit: PlanEdit): Plan {
  const result = applyEdit(plan, edit, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

describe('editConsequences', () => {
  it('lists both sides of a swap with names, layers and new times', () => {
    const plan = sample();
    const next = after(plan, {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-04',
      start: '2027-01-11T17:00:00Z',
    });
    const changes = editConsequences(plan, next);
    expect(changes.map((c) => describeConsequence(c, ZONE))).toEqual([
      // By new start: Diego Alvarez now holds the first week.
      'Diego Alvarez · Primary: Jan 11 09:00 – Jan 18 09:00 → Jan 4 09:00 – Jan 11 09:00 (168 h)',
      'Maya Chen · Primary: Jan 4 09:00 – Jan 11 09:00 → Jan 11 09:00 – Jan 18 09:00 (168 h)',
    ]);
    expect(consequenceHeadline(changes, 'primary-2027-01-04', ZONE)).toBe(
      'Swap with Diego Alvarez: Diego Alvarez takes Jan 4 09:00 – Jan 11 09:00, Maya Chen takes Jan 11 09:00 – Jan 18 09:00',
    );
    expect(changesNothingOnCall(changes)).toBe(false);
  });

  it('names the neighbour a resize shortens, with its new length', () => {
    const plan = sample();
    const next = after(plan, {
      kind: 'shift:resize',
      shiftId: 'primary-2027-01-04',
      end: '2027-01-13T17:00:00Z',
    });
    const changes = editConsequences(plan, next);
    expect(changes.map((c) => [c.shiftId, c.after?.hours])).toEqual([
      ['primary-2027-01-04', 216],
      ['primary-2027-01-11', 120],
    ]);
    expect(consequenceHeadline(changes, 'primary-2027-01-04', ZONE)).toBe(
      'Maya Chen Jan 4 09:00 – Jan 13 09:00 (216 h); Diego Alvarez (Primary) now Jan 13 09:00 – Jan 18 09:00 (120 h)',
    );
  });

  it('says who takes over on a reassignment, and ignores a change of source alone', () => {
    const plan = sample();
    const next = after(plan, { kind: 'shift:reassign', shiftId: 'primary-2027-01-25', memberId: 'sam' });
    const changes = editConsequences(plan, next);
    expect(changes.map((c) => describeConsequence(c, ZONE))).toEqual([
      'Primary Jan 25 09:00 – Feb 1 09:00: Diego Alvarez → Sam Okafor',
    ]);
    expect(consequenceHeadline(changes, 'primary-2027-01-25', ZONE)).toBe(
      'Sam Okafor takes over from Diego Alvarez: Jan 25 09:00 – Feb 1 09:00',
    );
    expect(editConsequences(plan, after(plan, { kind: 'shift:pin', shiftId: 'primary-2027-01-25' }))).toEqual(
      [],
    );
  });

  it('finds that trading two weeks of the same person changes nobody’s time on call', () => {
    const plan = sample();
    const [a, b] = plan.shifts.filter((s) => s.layerId === 'primary' && s.memberId === 'diego');
    const next = after(plan, { kind: 'shift:move', shiftId: a!.id, start: b!.start });
    const changes = editConsequences(plan, next);
    expect([a!.id, b!.id]).toEqual(['primary-2027-01-11', 'primary-2027-01-25']);
    expect(changes.map((c) => c.shiftId)).toEqual(['primary-2027-01-25', 'primary-2027-01-11']);
    expect(changesNothingOnCall(changes)).toBe(true);
    expect(consequenceHeadline(changes, a!.id, ZONE)).toBe(
      'Nothing changes: the same people stay on call at the same times',
    );
  });
});

describe('editRuleBreaks', () => {
  it('reports, with names, a rule the edit newly breaks and none it leaves alone', () => {
    const plan = sample();
    const swapped = after(plan, {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-04',
      start: '2027-01-11T17:00:00Z',
    });
    expect(editRuleBreaks(plan, swapped, editConsequences(plan, swapped))).toEqual([
      'Diego Alvarez holds Primary and Secondary at once from 2027-01-04',
    ]);
    const resized = after(plan, {
      kind: 'shift:resize',
      shiftId: 'primary-2027-01-04',
      end: '2027-01-13T17:00:00Z',
    });
    expect(editRuleBreaks(plan, resized, editConsequences(plan, resized))).toEqual([]);
  });

  it('counts the weekends only of the people whose shifts changed, against the plan’s limit', () => {
    const base = sample();
    const limited = (max: number): Plan => ({
      ...base,
      rotation: { ...base.rotation, maxWeekendsPerMember: max },
    });
    const give = (plan: Plan) =>
      after(plan, { kind: 'shift:reassign', shiftId: 'primary-2027-01-18', memberId: 'maya' });
    const at26 = limited(26);
    expect(editRuleBreaks(at26, give(at26), editConsequences(at26, give(at26)))).toEqual([
      'Maya Chen is on call on 27 weekends (limit 26)',
    ]);
    const at27 = limited(27);
    expect(editRuleBreaks(at27, give(at27), editConsequences(at27, give(at27)))).toEqual([]);
  });
});
