import { isRefusal } from '../../../../shared/plan/edits/edit-outcome';
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
 * Dry-runs a shift edit on the pure domain (without validating the whole plan, which the store does on the drop)
 * and says what it changes: one headline about the other people it touches and one line per changed shift.
 * Why: the drag preview and the after-drop message use the same words, so the drop does what the preview showed.
 */
export function previewShiftEdit(plan: Plan, edit: ShiftEdit): EditPreview {
  const after = applyShiftEdit(plan, edit);
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
