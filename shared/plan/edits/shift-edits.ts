import { replaceShiftsInWindow } from '../../optimize/apply-proposal';
import { describeShift } from '../../rotation/describe-shift';
import { sortShifts } from '../../rotation/schedule-shifts';
import {
  editableShift,
  insertManualShift,
  moveShift,
  setShiftTimes,
  type Adjusted,
  type ManualShiftDraft,
} from '../../rotation/shift-adjust';
import { trimLayerOverlaps } from '../layer-overlaps';
import type { Plan, Shift, ShiftCover } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/**
 * Edits of concrete shifts, the calendar's drag-and-drop and dialog actions. None of them checks time off:
 * the caller asks `timeOffConflicts` first and lets the user decide.
 * - `shift:move`: to a new start (and end; default: same wall-clock length); see `moveShift`.
 * - `shift:resize`: new start and/or end; the neighbouring handoff moves with it.
 * - `shift:reassign`: another member takes the shift (source `override`).
 * - `shift:swap`: two shifts trade members (source `swap`).
 * - `shift:pin` / `shift:unpin`: a pinned shift survives regeneration and refuses changes.
 * - `shift:create`: a manual shift, cut into the layer.
 * - `shift:apply-proposal`: an optimiser proposal's shifts replace those of the periods in its window (one step).
 * - `shift:trimOverlaps`: on each layer (or only `layerId`), a shift that starts while another holds the layer
 *   starts when it is free again, and one wholly inside is removed (see `trimLayerOverlaps`); one undoable step.
 *   Refused when that would change a pinned shift.
 */
export type ShiftEdit =
  | { kind: 'shift:move'; shiftId: string; start: string; end?: string }
  | { kind: 'shift:resize'; shiftId: string; start?: string; end?: string }
  | { kind: 'shift:reassign'; shiftId: string; memberId: string }
  | { kind: 'shift:swap'; shiftId: string; otherShiftId: string }
  | { kind: 'shift:pin'; shiftId: string }
  | { kind: 'shift:unpin'; shiftId: string }
  | { kind: 'shift:create'; shift: ManualShiftDraft }
  | { kind: 'shift:apply-proposal'; shifts: Shift[]; from?: string; to?: string }
  | { kind: 'shift:trimOverlaps'; layerId?: string };

function withShifts(plan: Plan, adjusted: Adjusted): EditOutcome {
  return adjusted.ok ? { ...plan, shifts: sortShifts(plan, adjusted.shifts) } : refuse(adjusted.reason);
}

function update(plan: Plan, shiftId: string, change: (shift: Shift) => Shift): EditOutcome {
  if (!plan.shifts.some((s) => s.id === shiftId)) return refuse(`no shift has id "${shiftId}"`);
  return { ...plan, shifts: plan.shifts.map((s) => (s.id === shiftId ? change(s) : s)) };
}

function reassign(plan: Plan, shiftId: string, memberId: string): EditOutcome {
  const shift = editableShift(plan, shiftId);
  if (typeof shift === 'string') return refuse(shift);
  if (!plan.members.some((m) => m.id === memberId)) return refuse(`no team member has id "${memberId}"`);
  if (shift.memberId === memberId) return plan;
  // Who was scheduled: the person a still-true cover names, else the holder until now; handing the shift back to
  // them leaves no cover to tell.
  const { cover: _old, ...rest } = shift;
  const valid =
    shift.cover && shift.cover.originalStart === shift.start && shift.cover.originalEnd === shift.end;
  const original = valid ? shift.cover!.originalMemberId : shift.memberId;
  const cover: ShiftCover | undefined =
    original === memberId
      ? undefined
      : { kind: 'override', originalMemberId: original, originalStart: shift.start, originalEnd: shift.end };
  return update(plan, shiftId, () => ({
    ...rest,
    memberId,
    source: 'override',
    ...(cover ? { cover } : {}),
  }));
}

/** The cover of `shift` after its holder traded it for `other`'s: they had it, and now have `other`'s times. */
function swapCover(shift: Shift, other: Shift): ShiftCover {
  return {
    kind: 'swap',
    originalMemberId: shift.memberId,
    originalStart: shift.start,
    originalEnd: shift.end,
    pairedStart: other.start,
  };
}

function swap(plan: Plan, shiftId: string, otherShiftId: string): EditOutcome {
  if (shiftId === otherShiftId) return refuse('a shift cannot be swapped with itself');
  const a = editableShift(plan, shiftId);
  if (typeof a === 'string') return refuse(a);
  const b = editableShift(plan, otherShiftId);
  if (typeof b === 'string') return refuse(b);
  if (a.memberId === b.memberId) {
    return refuse(
      `${describeShift(plan, a)} and ${describeShift(plan, b)} have the same person; nothing to swap`,
    );
  }
  const traded = new Map<string, Shift>([
    [a.id, { ...a, memberId: b.memberId, source: 'swap', cover: swapCover(a, b) }],
    [b.id, { ...b, memberId: a.memberId, source: 'swap', cover: swapCover(b, a) }],
  ]);
  return { ...plan, shifts: plan.shifts.map((s) => traded.get(s.id) ?? s) };
}

function trimOverlaps(plan: Plan, layerId: string | undefined): EditOutcome {
  if (layerId !== undefined && !plan.rotation.layers.some((l) => l.id === layerId)) {
    return refuse(`no rotation layer has id "${layerId}"`);
  }
  const chosen = layerId === undefined ? plan.shifts : plan.shifts.filter((s) => s.layerId === layerId);
  const result = trimLayerOverlaps(chosen);
  if (result.trimmed + result.removed === 0) return refuse('no shifts overlap on a layer; nothing to trim');
  const kept = new Map(result.items.map((s) => [s.id, s]));
  const pinned = chosen.filter((s) => s.pinned && kept.get(s.id) !== s);
  if (pinned.length > 0) {
    return refuse(
      `${pinned.map((s) => describeShift(plan, s)).join(', ')} ${pinned.length === 1 ? 'is' : 'are'} pinned and would change: unpin or move ${pinned.length === 1 ? 'it' : 'them'} first`,
    );
  }
  const others = layerId === undefined ? [] : plan.shifts.filter((s) => s.layerId !== layerId);
  return { ...plan, shifts: sortShifts(plan, [...others, ...result.items]) };
}

/** Applies a shift edit (unvalidated; `applyEdit` validates the result). */
export function applyShiftEdit(plan: Plan, edit: ShiftEdit): EditOutcome {
  switch (edit.kind) {
    case 'shift:move':
      return withShifts(plan, moveShift(plan, edit.shiftId, edit.start, edit.end));
    case 'shift:resize': {
      const shift = plan.shifts.find((s) => s.id === edit.shiftId);
      if (!shift) return refuse(`no shift has id "${edit.shiftId}"`);
      return withShifts(
        plan,
        setShiftTimes(plan, edit.shiftId, edit.start ?? shift.start, edit.end ?? shift.end),
      );
    }
    case 'shift:reassign':
      return reassign(plan, edit.shiftId, edit.memberId);
    case 'shift:swap':
      return swap(plan, edit.shiftId, edit.otherShiftId);
    case 'shift:pin':
      return update(plan, edit.shiftId, (s) => ({ ...s, pinned: true }));
    case 'shift:unpin':
      return update(plan, edit.shiftId, (s) => ({ ...s, pinned: false }));
    case 'shift:create':
      return withShifts(plan, insertManualShift(plan, edit.shift));
    case 'shift:apply-proposal':
      return replaceShiftsInWindow(plan, edit.shifts, { from: edit.from, to: edit.to });
    case 'shift:trimOverlaps':
      return trimOverlaps(plan, edit.layerId);
  }
}
