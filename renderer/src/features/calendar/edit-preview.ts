import { isRefusal, refuse, type EditRefusal } from '../../../../shared/plan/edits/edit-outcome';
import { moveShift, setShiftTimes, type Adjusted } from '../../../../shared/rotation/shift-adjust';
import { applyShiftEdit, type ShiftEdit } from '../../../../shared/plan/edits/shift-edits';
import type { Plan } from '../../../../shared/plan/schema';
import {
  changesNothingOnCall,
  consequenceHeadline,
  describeConsequence,
  editConsequences,
  type EditConsequence,
} from '../../../../shared/rotation/edit-consequences';

/** What a calendar edit would do, before it is made: the line, every changed shift, or why it is refused. */
export type EditPreview =
  | {
      ok: true;
      headline: string;
      lines: string[];
      consequences: EditConsequence[];
      /** True when the same people stay on call at the same times (only shift ids would trade places). */
      nothing: boolean;
    }
  | { ok: false; reason: string };

/**
 * The plan after a shift edit, for the preview only: a move or resize without putting the shifts back in the plan's
 * order (sorting 36,000 shifts on every hovered date made a drag stutter); the changed shifts are the same.
 */
function dryRun(plan: Plan, edit: ShiftEdit): Plan | EditRefusal {
  let adjusted: Adjusted | null = null;
  if (edit.kind === 'shift:move') adjusted = moveShift(plan, edit.shiftId, edit.start, edit.end);
  else if (edit.kind === 'shift:resize') {
    const shift = plan.shifts.find((s) => s.id === edit.shiftId);
    if (shift) adjusted = setShiftTimes(plan, edit.shiftId, edit.start ?? shift.start, edit.end ?? shift.end);
  }
  if (!adjusted) return applyShiftEdit(plan, edit);
  return adjusted.ok ? { ...plan, shifts: adjusted.shifts } : refuse(adjusted.reason);
}

/**
 * Dry-runs a shift edit on the pure domain (without validating the whole plan, which the store does on the drop)
 * and says what it changes: one headline about the other people it touches and one line per changed shift.
 * Why: the drag preview and the after-drop message use the same words, so the drop does what the preview showed.
 */
export function previewShiftEdit(plan: Plan, edit: ShiftEdit): EditPreview {
  const after = dryRun(plan, edit);
  if (isRefusal(after)) return { ok: false, reason: after.reason };
  const consequences = editConsequences(plan, after);
  const zone = plan.rotation.timeZone;
  const shiftId = 'shiftId' in edit ? edit.shiftId : '';
  return {
    ok: true,
    headline: consequenceHeadline(consequences, shiftId, zone),
    lines: consequences.map((c) => describeConsequence(c, zone)),
    consequences,
    nothing: changesNothingOnCall(consequences),
  };
}
