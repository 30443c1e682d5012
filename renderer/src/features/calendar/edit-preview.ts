import { isRefusal } from '../../../../shared/plan/edits/edit-outcome';
import {
  moveShiftChanges,
  shiftTimesChanges,
  type ShiftChanges,
} from '../../../../shared/rotation/shift-adjust';
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
 * The shifts an edit changes, as two small plans (the changed shifts before, and after), or why it is refused.
 * A move or resize only looks up the shift's neighbours and never builds the plan's whole new list of shifts;
 * other edits are made on the whole plan.
 */
function dryRun(plan: Plan, edit: ShiftEdit): { before: Plan; after: Plan } | { reason: string } {
  let changes: ShiftChanges | null = null;
  if (edit.kind === 'shift:move') changes = moveShiftChanges(plan, edit.shiftId, edit.start, edit.end);
  else if (edit.kind === 'shift:resize') {
    const shift = plan.shifts.find((s) => s.id === edit.shiftId);
    if (shift)
      changes = shiftTimesChanges(plan, edit.shiftId, edit.start ?? shift.start, edit.end ?? shift.end);
  }
  if (!changes) {
    const after = applyShiftEdit(plan, edit);
    return isRefusal(after) ? { reason: after.reason } : { before: plan, after };
  }
  if (!changes.ok) return { reason: changes.reason };
  return {
    before: { ...plan, shifts: changes.changes.map((c) => c.before) },
    after: { ...plan, shifts: changes.changes.map((c) => c.after) },
  };
}

function computePreview(plan: Plan, edit: ShiftEdit): EditPreview {
  const run = dryRun(plan, edit);
  if ('reason' in run) return { ok: false, reason: run.reason };
  const consequences = editConsequences(run.before, run.after);
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

// The previews of one plan by edit: a drag passes the same dates again, and FullCalendar asks once more at the drop.
const previews = new WeakMap<Plan, Map<string, EditPreview>>();

/**
 * Dry-runs a shift edit on the pure domain (without validating the whole plan, which the store does on the drop)
 * and says what it changes: one headline about the other people it touches and one line per changed shift.
 * Remembered per plan and edit.
 * Why: the drag preview and the after-drop message use the same words, so the drop does what the preview showed.
 */
export function previewShiftEdit(plan: Plan, edit: ShiftEdit): EditPreview {
  let known = previews.get(plan);
  if (!known) {
    known = new Map();
    previews.set(plan, known);
  }
  const key = JSON.stringify(edit);
  let preview = known.get(key);
  if (!preview) {
    preview = computePreview(plan, edit);
    known.set(key, preview);
  }
  return preview;
}
