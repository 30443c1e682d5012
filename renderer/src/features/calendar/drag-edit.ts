import { notifications } from '@mantine/notifications';
import type { ShiftEdit } from '../../../../shared/plan/edits/shift-edits';
import type { Plan, Shift } from '../../../../shared/plan/schema';
import { shiftIndexOf } from './shift-index-of';
import { shortSpan } from '../../../../shared/rotation/edit-consequences';
import { instantMs } from '../../../../shared/time/zoned';
import { applyDelta } from './calendar-format';
import type { DragTarget } from './drag-tracking';

/** The plan edit a drag or resize target stands for, on the plan's wall clock (see `applyDelta`). */
export function dragEdit(shift: Shift, target: DragTarget, zone: string): ShiftEdit {
  if (target.mode === 'move') {
    return { kind: 'shift:move', shiftId: shift.id, start: applyDelta(shift.start, target.startDelta, zone) };
  }
  return {
    kind: 'shift:resize',
    shiftId: shift.id,
    start: applyDelta(shift.start, target.startDelta, zone),
    end: applyDelta(shift.end, target.endDelta, zone),
  };
}

/**
 * True (and says so) when a move would leave everyone on call exactly when they were: a drag of someone's shift
 * onto another shift of theirs in the same layer would only retag both as swaps. Such a drop is reverted.
 */
export function refuseNoChange(plan: Plan, edit: Extract<ShiftEdit, { kind: 'shift:move' }>): boolean {
  const shift = plan.shifts.find((s) => s.id === edit.shiftId);
  if (!shift) return false;
  const at = instantMs(edit.start);
  const twin = shiftIndexOf(plan.shifts)
    .overlapping(at, at + 1)
    .find(
      (s) =>
        s.id !== shift.id &&
        s.layerId === shift.layerId &&
        s.memberId === shift.memberId &&
        instantMs(s.start) === at,
    );
  if (!twin) return false;
  const name = plan.members.find((m) => m.id === shift.memberId)?.name ?? shift.memberId;
  notifications.show({
    color: 'gray',
    title: 'Nothing changed',
    message: `${name} already holds ${shortSpan(twin.start, twin.end, plan.rotation.timeZone)}: moving their shift there would leave everyone on call exactly as before.`,
  });
  return true;
}
