import { applyEdit } from '../../../shared/plan/edits';
import type { ShiftEdit } from '../../../shared/plan/edits/shift-edits';
import type { Plan } from '../../../shared/plan/schema';
import { editConsequences } from '../../../shared/rotation/edit-consequences';
import { previewShiftEdit } from '../../../renderer/src/features/calendar/edit-preview';
import { NOW, sample } from '../rotation/plan-fixtures';

/** The consequences of actually making the edit, for comparison with the preview's dry run. */
function made(plan: Plan, edit: ShiftEdit) {
  const result = applyEdit(plan, edit, NOW);
  if (!result.ok) throw new Error(result.reason);
  return editConsequences(plan, result.plan);
}

describe('previewShiftEdit', () => {
  it('shows exactly the shifts a swap changes, with both people and the new times', () => {
    const plan = sample();
    const edit: ShiftEdit = {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-04',
      start: '2027-01-11T17:00:00Z',
    };
    const preview = previewShiftEdit(plan, edit);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.consequences).toEqual(made(plan, edit));
    expect(preview.headline).toBe(
      'Swap with Diego Alvarez: Diego Alvarez takes Jan 4 09:00 – Jan 11 09:00, Maya Chen takes Jan 11 09:00 – Jan 18 09:00',
    );
  });

  it('shows the neighbour whose handoff a resize or a short move changes', () => {
    const plan = sample();
    const resize: ShiftEdit = {
      kind: 'shift:resize',
      shiftId: 'primary-2027-01-04',
      end: '2027-01-13T17:00:00Z',
    };
    const move: ShiftEdit = {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-11',
      start: '2027-01-09T17:00:00Z',
    };
    for (const edit of [resize, move]) {
      const preview = previewShiftEdit(plan, edit);
      if (!preview.ok) throw new Error(preview.reason);
      expect(preview.consequences).toEqual(made(plan, edit));
    }
    const preview = previewShiftEdit(plan, move);
    expect(preview.ok && preview.lines).toEqual([
      'Maya Chen · Primary: Jan 4 09:00 – Jan 11 09:00 → Jan 4 09:00 – Jan 9 09:00 (120 h)',
      'Diego Alvarez · Primary: Jan 11 09:00 – Jan 18 09:00 → Jan 9 09:00 – Jan 16 09:00 (168 h)',
      'Priya Raman · Primary: Jan 18 09:00 – Jan 25 09:00 → Jan 16 09:00 – Jan 25 09:00 (216 h)',
    ]);
  });

  it('gives the same reason as the edit when it is refused, and answers a repeated target from memory', () => {
    const plan = sample();
    const edit: ShiftEdit = {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-04',
      start: '2027-01-07T17:00:00Z',
    };
    const result = applyEdit(plan, edit, NOW);
    const preview = previewShiftEdit(plan, edit);
    expect(result.ok).toBe(false);
    expect(preview).toEqual({ ok: false, reason: !result.ok && result.reason });
    expect(previewShiftEdit(plan, { ...edit })).toBe(preview);
  });
});
