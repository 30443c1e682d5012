import { refreshShadows } from '../../rotation/refresh-shadows';
import type { Plan, ShadowPairing } from '../schema';
import { refuse, type EditOutcome } from './edit-outcome';
import type { HolidayLookup } from '../../time/holidays';

/**
 * Edits of the learners who shadow a layer's on-call person (see `shadowPairingSchema`).
 * - `shadow:add`: pair a member with a layer from `from` until `until` (exclusive); their shadow shifts appear
 *   beside the on-call shifts that start in the range (time off and holidays skipped).
 * - `shadow:remove`: drop a pairing and the shadow shifts it made.
 * Both rebuild only the generated shadow shifts: who is on call never changes.
 */
export type ShadowEdit =
  | { kind: 'shadow:add'; layerId: string; memberId: string; from: string; until: string }
  | { kind: 'shadow:remove'; layerId: string; pairingId: string };

/** `base` when no pairing of the plan uses it, else `base-2`, `base-3`, … */
function freshPairingId(plan: Plan, base: string): string {
  const taken = new Set(plan.rotation.layers.flatMap((l) => (l.shadows ?? []).map((p) => p.id)));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function withLayerShadows(plan: Plan, layerId: string, shadows: ShadowPairing[]): Plan {
  const layers = plan.rotation.layers.map((l) => {
    if (l.id !== layerId) return l;
    // An empty list is dropped, so a plan that had no pairings reads as it did.
    const { shadows: _old, ...rest } = l;
    return shadows.length > 0 ? { ...rest, shadows } : rest;
  });
  return { ...plan, rotation: { ...plan.rotation, layers } };
}

function add(
  plan: Plan,
  edit: Extract<ShadowEdit, { kind: 'shadow:add' }>,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const layer = plan.rotation.layers.find((l) => l.id === edit.layerId);
  if (!layer) return refuse(`no rotation layer has id "${edit.layerId}"`);
  if (!plan.members.some((m) => m.id === edit.memberId))
    return refuse(`no team member has id "${edit.memberId}"`);
  if (edit.until <= edit.from) {
    const problem = { path: 'shadow.until', message: 'a shadow pairing must end after it starts' };
    return refuse(`${problem.message} (from ${edit.from} until ${edit.until})`, [problem]);
  }
  const pairing: ShadowPairing = {
    id: freshPairingId(plan, `shadow-${edit.memberId}-${edit.from}`),
    memberId: edit.memberId,
    from: edit.from,
    until: edit.until,
  };
  return refreshShadows(withLayerShadows(plan, layer.id, [...(layer.shadows ?? []), pairing]), holidays);
}

function remove(
  plan: Plan,
  edit: Extract<ShadowEdit, { kind: 'shadow:remove' }>,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const layer = plan.rotation.layers.find((l) => l.id === edit.layerId);
  if (!layer) return refuse(`no rotation layer has id "${edit.layerId}"`);
  const shadows = layer.shadows ?? [];
  if (!shadows.some((p) => p.id === edit.pairingId))
    return refuse(`the ${layer.name} layer has no shadow pairing "${edit.pairingId}"`);
  return refreshShadows(
    withLayerShadows(
      plan,
      layer.id,
      shadows.filter((p) => p.id !== edit.pairingId),
    ),
    holidays,
  );
}

/**
 * Applies a shadow edit (unvalidated; `applyEdit` validates the result, dates included). `holidays`: the
 * learners' (see `scheduleShadows`).
 */
export function applyShadowEdit(plan: Plan, edit: ShadowEdit, holidays?: HolidayLookup): EditOutcome {
  switch (edit.kind) {
    case 'shadow:add':
      return add(plan, edit, holidays);
    case 'shadow:remove':
      return remove(plan, edit, holidays);
  }
}
