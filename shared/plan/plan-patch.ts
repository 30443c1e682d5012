import { sortShifts } from '../rotation/schedule-shifts';
import type { Plan, Shift } from './schema';

/** A plan without its shifts: every other top-level section, small enough to send whole with each patch. */
export type PlanRest = Omit<Plan, 'shifts'>;

/**
 * What changed between two versions of a plan, shift by shift: enough to rebuild the newer one from the older.
 * Why: a big plan holds tens of thousands of shifts and an edit changes a handful; sending the whole plan on every
 * save blocked the renderer (bench/ui measures saves). `rest` is sent whole (it is small), shifts only where they changed.
 */
export type PlanPatch = {
  /** The newer plan without `shifts`. */
  rest: PlanRest;
  /** Shifts of the newer plan that are new or whose object differs from the older plan's shift with that id. */
  upsert: Shift[];
  /** Ids of shifts in the older plan that the newer one no longer has. */
  remove: string[];
  /** How many shifts the newer plan has: a check that the patch rebuilds exactly it. */
  shiftCount: number;
};

/** The outcome of applying a patch: the rebuilt plan (not yet validated), or why the patch does not fit. */
export type PlanPatchResult = { ok: true; plan: Plan } | { ok: false; reason: string };

/** The plan without its shifts, as a patch carries it. */
function restOf(plan: Plan): PlanRest {
  const { shifts: _shifts, ...rest } = plan;
  return rest;
}

/**
 * Shifts of `next` that differ from `base` when both list the same ids at the same places (a reassign, a swap, a
 * drag: nearly every edit), or null when they do not. Why: a pass over two arrays is far cheaper than building a
 * Map of tens of thousands of shifts, and this runs on the renderer's main thread.
 */
function alignedChanges(base: Shift[], next: Shift[]): Shift[] | null {
  if (base.length !== next.length) return null;
  const upsert: Shift[] = [];
  for (let i = 0; i < next.length; i++) {
    const before = base[i]!;
    const after = next[i]!;
    if (before === after) continue;
    if (before.id !== after.id) return null;
    upsert.push(after);
  }
  return upsert;
}

/**
 * The patch that turns `base` into `next`, finding changed shifts by object identity.
 * Why identity: edits are pure and keep every unchanged shift object as it was, so a shift whose object differs
 * from the base's shift with its id is exactly a changed one; comparing fields of 36,000 shifts would cost more
 * than the save it spares. A changed object with equal fields is merely sent again, never missed.
 */
export function diffPlan(base: Plan, next: Plan): PlanPatch {
  const rest = restOf(next);
  const shiftCount = next.shifts.length;
  // Same ids at the same places (ids are unique in a valid plan): nothing was added or removed.
  const aligned = alignedChanges(base.shifts, next.shifts);
  if (aligned) return { rest, upsert: aligned, remove: [], shiftCount };
  const before = new Map<string, Shift>();
  for (const shift of base.shifts) before.set(shift.id, shift);
  const upsert: Shift[] = [];
  for (const shift of next.shifts) {
    if (before.get(shift.id) !== shift) upsert.push(shift);
    // What is left in `before` afterwards is what `next` no longer has.
    before.delete(shift.id);
  }
  return { rest, upsert, remove: [...before.keys()], shiftCount };
}

/**
 * Rebuilds a plan from `base` and a patch made against it: base's shifts minus the removed and replaced ones, plus
 * the upserts, in canonical order (`sortShifts`). Refused with a sentence when the patch does not fit the base
 * (an id to remove that base lacks, an id upserted twice, a count other than the patch says).
 * Why the checks: a patch made against another version of the plan would otherwise rebuild a plan nobody made;
 * the caller then sends the whole plan instead. The result is not validated: the store validates it like any save.
 */
export function applyPlanPatch(base: Plan, patch: PlanPatch): PlanPatchResult {
  // A patch from the wire is typed by its schema only: shifts hidden in `rest` would override the rebuilt ones.
  if (Object.hasOwn(patch.rest, 'shifts'))
    return { ok: false, reason: 'the plan sent with a patch holds shifts' };
  const baseIds = new Set<string>();
  for (const shift of base.shifts) baseIds.add(shift.id);
  const removed = new Set<string>();
  for (const id of patch.remove) {
    if (!baseIds.has(id))
      return { ok: false, reason: `the shift "${id}" to remove is not in the saved plan` };
    removed.add(id);
  }
  const upserted = new Set<string>();
  for (const shift of patch.upsert) {
    if (upserted.has(shift.id)) return { ok: false, reason: `the shift "${shift.id}" is upserted twice` };
    if (removed.has(shift.id)) {
      return { ok: false, reason: `the shift "${shift.id}" is both removed and upserted` };
    }
    upserted.add(shift.id);
  }
  const shifts = base.shifts.filter((s) => !removed.has(s.id) && !upserted.has(s.id));
  for (const shift of patch.upsert) shifts.push(shift);
  if (shifts.length !== patch.shiftCount) {
    return {
      ok: false,
      reason: `the patch gives ${shifts.length} shifts where the edited plan has ${patch.shiftCount}`,
    };
  }
  const plan = withShifts(base, patch.rest, shifts);
  return { ok: true, plan: { ...plan, shifts: sortShifts(plan, shifts) } };
}

/**
 * `rest` with `shifts` put back at the place base had it, so the rebuilt plan's keys (and so its JSON text) come in
 * the same order as the edited plan's.
 */
function withShifts(base: Plan, rest: PlanRest, shifts: Shift[]): Plan {
  const keys = Object.keys(base);
  const preceding = new Set(keys.slice(0, Math.max(0, keys.indexOf('shifts'))));
  const given = Object.entries(rest);
  let at = 0;
  given.forEach(([key], i) => {
    if (preceding.has(key)) at = i + 1;
  });
  // Object.fromEntries defines own properties: a `__proto__` key from the wire stays a plain (refused) key.
  return Object.fromEntries([...given.slice(0, at), ['shifts', shifts], ...given.slice(at)]) as Plan;
}
