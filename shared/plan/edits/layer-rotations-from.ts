import { layerRotations } from '../../rotation/layer-rotations';
import { scheduleShifts } from '../../rotation/schedule-shifts';
import { layerTurns } from '../../rotation/turns';
import { rotationBounds } from '../../rotation/windows';
import { instantMs, zonedToInstant } from '../../time/zoned';
import type { Layer, LayerRotation, Plan } from '../schema';
import { refuse, type EditOutcome } from './edit-outcome';
import { rotationDraftProblems } from './rotation-draft-problems';
import { continueWith, freshId } from './rotation-from-date';
import type { HolidayLookup } from '../../time/holidays';

/**
 * New rotations for one layer, taking effect from a local date (`from`), or, with `from` null or on the plan's
 * first day, for the whole plan.
 */
export type LayerRotationsChange = { layerId: string; rotations: LayerRotation[]; from: string | null };

/** The layer a change gives, and the first instant whose shifts it changes (null: all of them). */
export type LayerFromDate =
  { ok: true; layer: Layer; effective: number | null } | { ok: false; reason: string };

const sameRotation = (a: LayerRotation, b: LayerRotation) => JSON.stringify(a) === JSON.stringify(b);
const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * The layer with `change.rotations` from `change.from`: every rotation that differs from the draft ends at the
 * date's handoff and its drafted version runs from it; unchanged rotations stay as they are. A drafted rotation
 * that was running continues its order (whoever is on call at the date, or due next, stays on; a newcomer takes
 * their place in the list given), so a person joining does not reshuffle everyone.
 * Why one function: the editor's preview and the edit that applies it must show and do the same thing.
 */
export function layerWithRotationsFrom(plan: Plan, change: LayerRotationsChange): LayerFromDate {
  const layer = plan.rotation.layers.find((l) => l.id === change.layerId);
  if (!layer) return { ok: false, reason: `no rotation layer has id "${change.layerId}"` };
  const problems = rotationDraftProblems(plan, change.rotations);
  if (problems.length > 0) return { ok: false, reason: `layer ${layer.name}: ${problems.join('; ')}` };
  const { startDate, endDate } = plan.rotation;
  const from = change.from;
  if (from === null || from <= startDate) {
    const rotations = change.rotations;
    return {
      ok: true,
      layer: { ...layer, memberOrder: unique(rotations.flatMap((r) => r.members)), rotations },
      effective: null,
    };
  }
  if (from >= endDate) {
    return { ok: false, reason: `a change must take effect before the plan ends (${endDate})` };
  }
  const old = layerRotations(plan.rotation, layer);
  const cutOf = (r: LayerRotation) => instantMs(zonedToInstant(from, r.handoffTime, r.timeZone));
  const unchanged = (r: LayerRotation) => change.rotations.some((d) => d.id === r.id && sameRotation(d, r));
  let effective = Number.POSITIVE_INFINITY;
  const kept: LayerRotation[] = [];
  for (const r of old) {
    if (unchanged(r)) {
      kept.push(r);
      continue;
    }
    const bounds = rotationBounds(r);
    const cut = cutOf(r);
    if (bounds.until !== null && bounds.until <= cut) {
      kept.push(r);
      continue;
    }
    if (bounds.from !== null && bounds.from >= cut) {
      effective = Math.min(effective, bounds.from);
      continue;
    }
    kept.push({ ...r, until: from });
    effective = Math.min(effective, cut);
  }
  const starting: LayerRotation[] = [];
  for (const d of change.rotations) {
    if (old.some((r) => r.id === d.id && sameRotation(d, r))) continue;
    if (d.until !== undefined && d.until <= from) continue;
    const begins = d.from !== undefined && d.from > from ? d.from : from;
    const before = old.find((r) => r.id === d.id);
    let members = d.members;
    if (before) {
      const cut = cutOf(before);
      const due = layerTurns(plan.rotation, layer).turns.find(
        (t) => t.rotationId === before.id && t.end > cut,
      )?.memberId;
      if (due !== undefined) members = continueWith([...d.members], before.members, due);
    }
    const taken = [...kept, ...starting, ...change.rotations.filter((x) => x !== d)];
    const id = kept.some((r) => r.id === d.id) ? freshId(`${d.id}-from-${from}`, taken) : d.id;
    starting.push({ ...d, id, from: begins, members });
    effective = Math.min(effective, instantMs(zonedToInstant(begins, d.handoffTime, d.timeZone)));
  }
  if (effective === Number.POSITIVE_INFINITY) {
    return { ok: false, reason: `${layer.name}: the rotations are unchanged from ${from}` };
  }
  const rotations = [...kept, ...starting];
  const memberOrder = unique([...layer.memberOrder, ...rotations.flatMap((r) => r.members)]);
  return { ok: true, layer: { ...layer, memberOrder, rotations }, effective };
}

/**
 * Applies new rotations to a layer from a date (see `layerWithRotationsFrom`) and generates the shifts again from
 * the first instant the change touches; every shift that starts before it stays exactly as it is. Without a date
 * the layer's rotations are replaced and the whole plan is generated again.
 * Why from a date: teams change rotations mid-plan, and the past and the weeks already announced must hold.
 */
export function setLayerRotations(
  plan: Plan,
  change: LayerRotationsChange,
  holidays?: HolidayLookup,
): EditOutcome {
  const result = layerWithRotationsFrom(plan, change);
  if (!result.ok) return refuse(result.reason);
  const layers = plan.rotation.layers.map((l) => (l.id === change.layerId ? result.layer : l));
  const next: Plan = { ...plan, rotation: { ...plan.rotation, layers } };
  const schedule =
    result.effective === null
      ? scheduleShifts(next, {}, holidays)
      : scheduleShifts(next, { from: result.effective }, holidays);
  return { ...next, shifts: schedule.shifts };
}
