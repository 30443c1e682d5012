import type { Plan, Shift } from '../plan/schema';
import type { HolidayLookup } from '../time/holidays';
import { instantMs } from '../time/zoned';
import type { TurnsTable } from './turns';
import { scheduleShifts, type ScheduleWindow, type UnresolvedConflict } from './schedule-shifts';

/** A shift that keeps its id but differs (person, times, source, pin, note or cover). */
export type ShiftChange = { before: Shift; after: Shift };

/** What would change between two shift lists, matched by id. */
export type ShiftDiff = { added: Shift[]; removed: Shift[]; changed: ShiftChange[] };

const same = (a: Shift, b: Shift) =>
  a.layerId === b.layerId &&
  a.memberId === b.memberId &&
  instantMs(a.start) === instantMs(b.start) &&
  instantMs(a.end) === instantMs(b.end) &&
  a.source === b.source &&
  a.pinned === b.pinned &&
  (a.note ?? '') === (b.note ?? '') &&
  JSON.stringify(a.cover ?? null) === JSON.stringify(b.cover ?? null);

/**
 * The difference between two shift lists, by shift id (instants compared as instants, not as text).
 * Why: the UI shows what a regeneration would change before the user applies it.
 */
export function diffShifts(before: Shift[], after: Shift[]): ShiftDiff {
  const old = new Map(before.map((s) => [s.id, s]));
  const next = new Map(after.map((s) => [s.id, s]));
  const added = after.filter((s) => !old.has(s.id));
  const removed = before.filter((s) => !next.has(s.id));
  const changed: ShiftChange[] = [];
  for (const s of after) {
    const was = old.get(s.id);
    if (was && !same(was, s)) changed.push({ before: was, after: s });
  }
  return { added, removed, changed };
}

/** A regeneration preview: the new shift list, what it changes, and the conflicts the engine could not solve. */
export type Regeneration = { shifts: Shift[]; diff: ShiftDiff; unresolved: UnresolvedConflict[] };

/**
 * Regenerates the plan's shifts from its rotation settings, keeping pinned, manual and override shifts (and,
 * with a `window`, every shift that starts outside it).
 * Why a preview and not an edit: the calendar shows the diff first; `rotation:regenerate` applies it, and
 * `rotaplan generate` writes it.
 */
export function regenerate(
  plan: Plan,
  window: ScheduleWindow = {},
  holidays?: HolidayLookup,
  turns?: TurnsTable,
): Regeneration {
  const { shifts, unresolved } = scheduleShifts(plan, window, holidays, turns);
  return { shifts, diff: diffShifts(plan.shifts, shifts), unresolved };
}
