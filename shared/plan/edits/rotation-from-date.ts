import { layerRotations } from '../../rotation/layer-rotations';
import { scheduleShifts } from '../../rotation/schedule-shifts';
import { layerTurns } from '../../rotation/turns';
import { rotationBounds } from '../../rotation/windows';
import { instantMs, zonedToInstant } from '../../time/zoned';
import type { Cadence, LayerRotation, Plan } from '../schema';
import { refuse, type EditOutcome } from './edit-outcome';
import type { HolidayLookup } from '../../time/holidays';

/**
 * A change to one rotation of a layer that takes effect from a local date: a new member list (someone joins or
 * leaves) and/or a new cadence. `rotationId` may be left out when the layer has one rotation running then.
 */
export type RotationChangeFrom = {
  layerId: string;
  rotationId?: string;
  from: string;
  members?: string[];
  cadence?: Cadence;
};

/**
 * `members` turned so that `first` leads, or, when `first` left, whoever followed them in `before`.
 * Why exported: every change from a date continues the order the same way, whichever edit makes it.
 */
export function continueWith(members: string[], before: readonly string[], first: string): string[] {
  const at = before.indexOf(first);
  for (let step = 0; step < before.length; step++) {
    const candidate = before[(at + step) % before.length]!;
    const i = members.indexOf(candidate);
    if (i >= 0) return [...members.slice(i), ...members.slice(0, i)];
  }
  return members;
}

/**
 * A rotation id not used by any rotation of the layer.
 * Why exported: the rotation that takes over from a date needs an id of its own, whichever edit makes it.
 */
export function freshId(base: string, used: readonly LayerRotation[]): string {
  let id = base;
  for (let n = 2; used.some((r) => r.id === id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Applies a rotation change from a date: the rotation running then ends at that date's handoff, and a copy with
 * the new members or cadence runs from it. The new order continues the old one (whoever is on call at the date, or
 * due next, stays on; a newcomer takes their place in the list given), so a person joining does not reshuffle
 * everyone. Every shift that starts before the change is kept exactly as it is; later ones are generated again.
 * Why from a date: teams change membership mid-plan, and the past (and the weeks already announced) must hold.
 */
export function changeRotationFrom(
  plan: Plan,
  change: RotationChangeFrom,
  holidays?: HolidayLookup,
): EditOutcome {
  const layerIndex = plan.rotation.layers.findIndex((l) => l.id === change.layerId);
  const layer = plan.rotation.layers[layerIndex];
  if (!layer) return refuse(`no rotation layer has id "${change.layerId}"`);
  const { startDate, endDate } = plan.rotation;
  if (change.from <= startDate || change.from >= endDate) {
    return refuse(
      `a change must take effect after the plan starts (${startDate}) and before it ends (${endDate})`,
    );
  }
  const unknown = (change.members ?? []).find((id) => !plan.members.some((m) => m.id === id));
  if (unknown !== undefined) return refuse(`no team member has id "${unknown}"`);
  if (change.members !== undefined && change.members.length === 0) {
    return refuse('a rotation needs at least one member; remove the rotation instead');
  }
  const rotations = layerRotations(plan.rotation, layer);
  const running = rotations.filter((r) => {
    const at = instantMs(zonedToInstant(change.from, r.handoffTime, r.timeZone));
    const bounds = rotationBounds(r);
    return (bounds.from ?? Number.NEGATIVE_INFINITY) <= at && at < (bounds.until ?? Number.POSITIVE_INFINITY);
  });
  const target =
    change.rotationId === undefined
      ? running.length === 1
        ? running[0]
        : undefined
      : running.find((r) => r.id === change.rotationId);
  if (!target) {
    return refuse(
      change.rotationId === undefined
        ? `layer ${layer.name} has ${running.length} rotations running on ${change.from}: name the one to change`
        : `layer ${layer.name} has no rotation "${change.rotationId}" running on ${change.from}`,
    );
  }
  const effective = instantMs(zonedToInstant(change.from, target.handoffTime, target.timeZone));
  const turns = layerTurns(plan.rotation, layer).turns.filter((t) => t.rotationId === target.id);
  const due = turns.find((t) => t.end > effective)?.memberId ?? target.members[0]!;
  const members = continueWith(change.members ?? [...target.members], target.members, due);
  const ends = { ...target, until: change.from };
  const starts: LayerRotation = {
    ...target,
    id: freshId(`${target.id}-from-${change.from}`, rotations),
    from: change.from,
    members,
    ...(change.cadence ? { cadence: change.cadence } : {}),
  };
  const starting = rotationBounds(target).from === effective;
  const nextRotations = rotations.flatMap((r) => (r !== target ? [r] : starting ? [starts] : [ends, starts]));
  const memberOrder = [...new Set([...layer.memberOrder, ...nextRotations.flatMap((r) => r.members)])];
  const layers = plan.rotation.layers.map((l, i) =>
    i === layerIndex ? { ...l, memberOrder, rotations: nextRotations } : l,
  );
  const next: Plan = { ...plan, rotation: { ...plan.rotation, layers } };
  return { ...next, shifts: scheduleShifts(next, { from: effective }, holidays).shifts };
}
