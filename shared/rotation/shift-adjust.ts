import type { Plan, Shift, ShiftSource } from '../plan/schema';
import { shiftsOverlapping } from '../plan/shift-index';
import { overlaps, subtractIntervals } from '../time/intervals';
import { endKeepingLocalLength, instantMs, localDateTime, msToInstant } from '../time/zoned';
import { describeShift, planLocal } from './describe-shift';
import { isShadowShift } from './shadow-shifts';
import { uniqueShiftId } from './shift-ids';

/** New shifts for the plan, or a sentence saying why the change cannot be made. */
export type Adjusted = { ok: true; shifts: Shift[] } | { ok: false; reason: string };

/** One shift a change replaces: the plan's shift object and the one taking its place. */
export type ReplacedShift = { before: Shift; after: Shift };

/** The shifts a move or a change of times replaces (none when nothing moves), or why it cannot be made. */
export type ShiftChanges = { ok: true; changes: ReplacedShift[] } | { ok: false; reason: string };

const no = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const span = (s: Shift) => ({ start: instantMs(s.start), end: instantMs(s.end) });
const iso = (instant: string) => msToInstant(instantMs(instant));

/**
 * The source of a shift whose times or person a user changed by hand. Generated and swap shifts become
 * overrides, so regeneration keeps them; manual and override shifts stay what they were.
 * A neighbour that only shrinks keeps its source: regeneration would cut it the same way around the edited shift.
 */
function byHand(shift: Shift): ShiftSource {
  return shift.source === 'generated' || shift.source === 'swap' ? 'override' : shift.source;
}

function isValidInstant(value: string): boolean {
  try {
    instantMs(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a shadow shift cannot be given away, swapped, moved or resized as a shift, in words.
 * Why refuse: a shadow follows the on-call shift it shadows and holds no turn of its own, so any of these would
 * either turn a learner's shadow into an on-call turn or move who is on call beside it; the learner's dates are
 * changed through their shadow pairing.
 */
export function shadowShiftRefusal(plan: Plan, shift: Shift): string {
  return `${describeShift(plan, shift)} is a shadow (learning, not on call): it cannot be given away, swapped or moved like an on-call shift; change the learner's shadow pairing in the Team view instead`;
}

/** Finds a shift and checks it may be changed as on-call time (not pinned, not a shadow); a refusal names why not. */
export function editableShift(plan: Plan, shiftId: string): Shift | string {
  const shift = plan.shifts.find((s) => s.id === shiftId);
  if (!shift) return `no shift has id "${shiftId}"`;
  if (shift.pinned) return `${describeShift(plan, shift)} is pinned; unpin it first`;
  if (isShadowShift(shift)) return shadowShiftRefusal(plan, shift);
  return shift;
}

/**
 * The other on-call shifts of `shift`'s layer that overlap [fromMs, toMs), in the plan's order, found by the shift
 * index. Shadows are left out: a handoff that moves, or a trade of places, is between people on call.
 */
function layerOverlapping(plan: Plan, shift: Shift, fromMs: number, toMs: number): Shift[] {
  return shiftsOverlapping(plan.shifts, fromMs, toMs).filter(
    (s) => s.layerId === shift.layerId && s.id !== shift.id && !isShadowShift(s),
  );
}

/** The plan's shifts with the changes made, in the plan's order. */
function applied(plan: Plan, result: ShiftChanges): Adjusted {
  if (!result.ok) return result;
  if (result.changes.length === 0) return { ok: true, shifts: plan.shifts };
  const changed = new Map(result.changes.map((c) => [c.before.id, c.after]));
  return { ok: true, shifts: plan.shifts.map((s) => changed.get(s.id) ?? s) };
}

/** The changes a map of new shifts by id makes to the plan's shifts. */
function changesOf(originals: Shift[], changed: Map<string, Shift>): ShiftChanges {
  return { ok: true, changes: originals.map((before) => ({ before, after: changed.get(before.id)! })) };
}

/**
 * Gives a shift new start and end times that overlap its old ones, moving the neighbouring handoffs in the same
 * layer with it: the shift before ends where it now starts, the shift after starts where it now ends.
 * Why: a drag by less than a shift's length, or a resize, must keep the layer covered exactly once. Refused,
 * with the reason, when no neighbour could fill the time given up, a neighbour would vanish or is pinned, or
 * the new times would run into another shift.
 */
export function setShiftTimes(plan: Plan, shiftId: string, start: string, end: string): Adjusted {
  return applied(plan, shiftTimesChanges(plan, shiftId, start, end));
}

/**
 * The shifts `setShiftTimes` would replace, without building the plan's new list of shifts.
 * Why: the calendar's drag preview asks on every hovered date of a plan that may hold tens of thousands of
 * shifts; only the neighbours are looked up (through the shift index) and only the changed shifts are returned.
 */
export function shiftTimesChanges(plan: Plan, shiftId: string, start: string, end: string): ShiftChanges {
  const shift = editableShift(plan, shiftId);
  if (typeof shift === 'string') return no(shift);
  if (!isValidInstant(start) || !isValidInstant(end)) {
    return no(`"${isValidInstant(start) ? end : start}" is not an ISO 8601 date-time with Z or an offset`);
  }
  const [s0, e0, s1, e1] = [shift.start, shift.end, start, end].map(instantMs) as [
    number,
    number,
    number,
    number,
  ];
  if (e1 <= s1)
    return no(
      `a shift must end after it starts (${planLocal(plan, end)} is not after ${planLocal(plan, start)})`,
    );
  if (s1 === s0 && e1 === e0) return { ok: true, changes: [] };
  if (!(s1 < e0 && e1 > s0)) {
    return no(`the new time of ${describeShift(plan, shift)} does not overlap its old time; move it instead`);
  }
  const changed = new Map<string, Shift>();
  const originals: Shift[] = [];
  const change = (before: Shift, after: Shift) => {
    originals.push(before);
    changed.set(before.id, after);
  };
  const pinned = (s: Shift) => `${describeShift(plan, s)} is pinned; unpin it first`;

  if (s1 !== s0) {
    const before = layerOverlapping(plan, shift, s0 - 1, s0).find((s) => instantMs(s.end) === s0);
    if (s1 > s0) {
      if (!before) {
        return no(
          `nobody would be on call ${planLocal(plan, shift.start)} – ${planLocal(plan, start)}: no shift of the layer ends where ${describeShift(plan, shift)} starts`,
        );
      }
      if (before.pinned) return no(pinned(before));
      change(before, { ...before, end: iso(start), source: byHand(before) });
    } else if (before) {
      if (s1 <= instantMs(before.start)) {
        return no(
          `the new start would swallow ${describeShift(plan, before)}; move by less or swap the shifts`,
        );
      }
      if (before.pinned) return no(pinned(before));
      change(before, { ...before, end: iso(start) });
    }
  }
  if (e1 !== e0) {
    const after = layerOverlapping(plan, shift, e0, e0 + 1).find((s) => instantMs(s.start) === e0);
    if (e1 < e0) {
      if (!after) {
        return no(
          `nobody would be on call ${planLocal(plan, end)} – ${planLocal(plan, shift.end)}: no shift of the layer starts where ${describeShift(plan, shift)} ends`,
        );
      }
      if (after.pinned) return no(pinned(after));
      change(after, { ...after, start: iso(end), source: byHand(after) });
    } else if (after) {
      if (e1 >= instantMs(after.end)) {
        return no(`the new end would swallow ${describeShift(plan, after)}; move by less or swap the shifts`);
      }
      if (after.pinned) return no(pinned(after));
      change(after, { ...after, start: iso(end) });
    }
  }
  // The layer's shifts as they would be: the changed neighbours and those already in the new time's way.
  const target = { start: s1, end: e1 };
  const near = [
    ...changed.values(),
    ...layerOverlapping(plan, shift, s1, e1).filter((s) => !changed.has(s.id)),
  ];
  for (const now of near) {
    if (overlaps(target, span(now))) return no(`the new time would overlap ${describeShift(plan, now)}`);
  }
  change(shift, { ...shift, start: iso(start), end: iso(end), source: byHand(shift) });
  return changesOf(originals, changed);
}

/**
 * Moves a shift so it starts at `start` (and ends at `end`, or after the same wall-clock length in the plan's
 * zone). A move by less than the shift's length moves the neighbouring handoffs (see `setShiftTimes`); a move
 * onto exactly one other shift of the layer trades places with it (both become `swap`). Anything else is
 * refused with the reason, because it would leave a gap or an overlap.
 */
export function moveShift(plan: Plan, shiftId: string, start: string, end?: string): Adjusted {
  return applied(plan, moveShiftChanges(plan, shiftId, start, end));
}

/**
 * The shifts `moveShift` would replace, without building the plan's new list of shifts.
 * Why: the drag preview asks on every hovered date; see `shiftTimesChanges`.
 */
export function moveShiftChanges(plan: Plan, shiftId: string, start: string, end?: string): ShiftChanges {
  const shift = editableShift(plan, shiftId);
  if (typeof shift === 'string') return no(shift);
  if (!isValidInstant(start)) return no(`"${start}" is not an ISO 8601 date-time with Z or an offset`);
  if (end !== undefined && !isValidInstant(end)) {
    return no(`"${end}" is not an ISO 8601 date-time with Z or an offset`);
  }
  const newEnd = end ?? endKeepingLocalLength(shift.start, shift.end, start, plan.rotation.timeZone);
  const target = { start: instantMs(start), end: instantMs(newEnd) };
  if (target.end <= target.start || overlaps(target, span(shift))) {
    return shiftTimesChanges(plan, shiftId, start, newEnd);
  }
  const there = layerOverlapping(plan, shift, target.start, target.end);
  const when = `${planLocal(plan, start)} – ${planLocal(plan, newEnd)}`;
  if (there.length === 0) {
    return no(
      `nobody is on call ${when} to trade places with, and moving ${describeShift(plan, shift)} there would leave its own time uncovered`,
    );
  }
  const other = there[0]!;
  if (there.length > 1 || instantMs(other.start) !== target.start || instantMs(other.end) !== target.end) {
    return no(
      `${when} does not line up with one shift (it meets ${there.map((s) => describeShift(plan, s)).join(' and ')}); drop it onto a whole shift to trade places, or move it by less than its length to move the handoffs`,
    );
  }
  if (other.pinned) return no(`${describeShift(plan, other)} is pinned; unpin it first`);
  // Each now holds the other's times: the cover says whose they were, and where the other one went.
  const traded = (mine: Shift, theirs: Shift): Shift => ({
    ...mine,
    start: iso(theirs.start),
    end: iso(theirs.end),
    source: 'swap',
    cover: {
      kind: 'swap',
      originalMemberId: theirs.memberId,
      originalStart: iso(theirs.start),
      originalEnd: iso(theirs.end),
      pairedStart: iso(mine.start),
    },
  });
  return {
    ok: true,
    changes: [
      { before: shift, after: traded(shift, other) },
      { before: other, after: traded(other, shift) },
    ],
  };
}

/** What a user gives to create a manual shift; the id is made up when missing. */
export type ManualShiftDraft = {
  id?: string;
  layerId: string;
  memberId: string;
  start: string;
  end: string;
  note?: string;
  pinned?: boolean;
};

/**
 * Adds a manual shift and cuts the layer's other shifts around it (trimmed, split in two, or replaced when it
 * covers them), so the layer stays covered exactly once; shadow shifts stay as they are. Refused when that would
 * change a pinned shift or replace a whole manual or override shift, which a person made.
 */
export function insertManualShift(plan: Plan, draft: ManualShiftDraft): Adjusted {
  if (!plan.rotation.layers.some((l) => l.id === draft.layerId))
    return no(`no rotation layer has id "${draft.layerId}"`);
  if (!plan.members.some((m) => m.id === draft.memberId))
    return no(`no team member has id "${draft.memberId}"`);
  for (const value of [draft.start, draft.end]) {
    if (!isValidInstant(value)) return no(`"${value}" is not an ISO 8601 date-time with Z or an offset`);
  }
  const target = { start: instantMs(draft.start), end: instantMs(draft.end) };
  if (target.end <= target.start) {
    return no(
      `a shift must end after it starts (${planLocal(plan, draft.end)} is not after ${planLocal(plan, draft.start)})`,
    );
  }
  const taken = new Set(plan.shifts.map((s) => s.id));
  if (draft.id !== undefined && taken.has(draft.id))
    return no(`a shift with id "${draft.id}" already exists`);
  const zone = plan.rotation.timeZone;
  const out: Shift[] = [];
  for (const s of plan.shifts) {
    // A learner's shadow stays beside whoever now holds the time.
    if (s.layerId !== draft.layerId || isShadowShift(s) || !overlaps(span(s), target)) {
      out.push(s);
      continue;
    }
    if (s.pinned) return no(`${describeShift(plan, s)} is pinned; unpin it first`);
    const rest = subtractIntervals(span(s), [target]);
    if (rest.length === 0 && (s.source === 'manual' || s.source === 'override')) {
      return no(
        `the new shift would replace ${describeShift(plan, s)}, which was made by hand; change that one instead`,
      );
    }
    rest.forEach((part, i) => {
      const start = msToInstant(part.start);
      const id = i === 0 ? s.id : uniqueShiftId(`${s.layerId}-${localDateTime(start, zone)}`, taken);
      out.push({ ...s, id, start, end: msToInstant(part.end) });
    });
  }
  const id = draft.id ?? uniqueShiftId(`manual-${draft.layerId}-${localDateTime(draft.start, zone)}`, taken);
  out.push({
    id,
    layerId: draft.layerId,
    memberId: draft.memberId,
    start: iso(draft.start),
    end: iso(draft.end),
    source: 'manual',
    pinned: draft.pinned ?? false,
    ...(draft.note ? { note: draft.note } : {}),
  });
  return { ok: true, shifts: out };
}
