import type { Cadence, LayerRotation, RestrictionWindow } from '../schema';

/**
 * One change to the rotations of a layer while they are being drafted in the rotation editor, as data: add or
 * remove a rotation, add, remove or move a member, set a cadence, handoff time, zone, dates, restriction windows
 * or night duty. Nothing reaches the plan until the draft is applied (`rotation:set-layer-rotations`).
 * Why edits as data: the editor, its tests and the preview all read one set of rules for what a change means.
 */
export type RotationDraftEdit =
  | { kind: 'add-rotation'; rotation: LayerRotation }
  | { kind: 'remove-rotation'; rotationId: string }
  | { kind: 'rename'; rotationId: string; name: string }
  | { kind: 'add-member'; rotationId: string; memberId: string }
  | { kind: 'remove-member'; rotationId: string; index: number }
  | { kind: 'move-member'; rotationId: string; index: number; by: -1 | 1 }
  | { kind: 'set-cadence'; rotationId: string; cadence: Cadence }
  | { kind: 'set-handoff-time'; rotationId: string; time: string }
  | { kind: 'set-zone'; rotationId: string; timeZone: string }
  | { kind: 'set-dates'; rotationId: string; from: string | null; until: string | null }
  | { kind: 'add-window'; rotationId: string; window: RestrictionWindow }
  | { kind: 'set-window'; rotationId: string; index: number; window: RestrictionWindow }
  | { kind: 'remove-window'; rotationId: string; index: number }
  | { kind: 'set-allow-night'; rotationId: string; allow: boolean };

/** The rotations after a draft edit, or why the edit cannot be made (the draft stays as it was). */
export type DraftOutcome = { ok: true; rotations: LayerRotation[] } | { ok: false; reason: string };

const refuse = (reason: string): DraftOutcome => ({ ok: false, reason });

/** The cadence a new rotation starts with and what a cadence kind switches to: weekly on Monday. */
export function defaultCadence(kind: Cadence['kind']): Cadence {
  switch (kind) {
    case 'days':
      return { kind: 'days', every: 1 };
    case 'weeks':
      return { kind: 'weeks', every: 1, weekday: 1 };
    case 'monthly-date':
      return { kind: 'monthly-date', day: 1 };
    case 'monthly-weekday':
      return { kind: 'monthly-weekday', nth: 1, weekday: 1 };
  }
}

/**
 * A rotation id not used in `rotations`, made from `base` (`base`, `base-2`, …).
 * Why: rotation ids name a rotation in warnings and in the ids of the shifts it makes, so they stay unique.
 */
export function freeRotationId(base: string, rotations: readonly { id: string }[]): string {
  const clean = base.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '') || 'rotation';
  let id = clean;
  for (let n = 2; rotations.some((r) => r.id === id); n++) id = `${clean}-${n}`;
  return id;
}

/** Drops `key` from `r` instead of setting it to undefined, so the saved file reads as if it was never set. */
function without<K extends keyof LayerRotation>(r: LayerRotation, key: K): LayerRotation {
  const copy = { ...r };
  delete copy[key];
  return copy;
}

function changeOne(
  rotations: readonly LayerRotation[],
  rotationId: string,
  change: (r: LayerRotation) => LayerRotation | string,
): DraftOutcome {
  const at = rotations.findIndex((r) => r.id === rotationId);
  if (at < 0) return refuse(`no rotation has id "${rotationId}"`);
  const next = change(rotations[at]!);
  if (typeof next === 'string') return refuse(`${rotations[at]!.name}: ${next}`);
  return { ok: true, rotations: rotations.map((r, i) => (i === at ? next : r)) };
}

/**
 * Applies one draft edit to a layer's rotations: a new list, or a refusal naming the rotation and what is wrong.
 * Why refusals here as well as in validation: an edit that cannot mean anything (moving the first member up,
 * removing the last rotation) is refused at once, while half-typed values are left for `draftProblems` to name.
 */
export function applyRotationDraftEdit(
  rotations: readonly LayerRotation[],
  edit: RotationDraftEdit,
): DraftOutcome {
  switch (edit.kind) {
    case 'add-rotation':
      if (rotations.some((r) => r.id === edit.rotation.id)) {
        return refuse(`a rotation with id "${edit.rotation.id}" already exists`);
      }
      return { ok: true, rotations: [...rotations, edit.rotation] };
    case 'remove-rotation':
      if (!rotations.some((r) => r.id === edit.rotationId))
        return refuse(`no rotation has id "${edit.rotationId}"`);
      if (rotations.length === 1) return refuse('a layer needs at least one rotation');
      return { ok: true, rotations: rotations.filter((r) => r.id !== edit.rotationId) };
    case 'rename':
      return changeOne(rotations, edit.rotationId, (r) => ({ ...r, name: edit.name }));
    case 'add-member':
      return changeOne(rotations, edit.rotationId, (r) =>
        r.members.includes(edit.memberId)
          ? `${edit.memberId} is already in this rotation`
          : { ...r, members: [...r.members, edit.memberId] },
      );
    case 'remove-member':
      return changeOne(rotations, edit.rotationId, (r) => {
        if (edit.index < 0 || edit.index >= r.members.length)
          return `no member at position ${edit.index + 1}`;
        if (r.members.length === 1)
          return 'a rotation needs at least one member; remove the rotation instead';
        return { ...r, members: r.members.filter((_, i) => i !== edit.index) };
      });
    case 'move-member':
      return changeOne(rotations, edit.rotationId, (r) => {
        const to = edit.index + edit.by;
        if (edit.index < 0 || edit.index >= r.members.length || to < 0 || to >= r.members.length) {
          return `position ${edit.index + 1} cannot move ${edit.by < 0 ? 'up' : 'down'}`;
        }
        const members = [...r.members];
        [members[edit.index], members[to]] = [members[to]!, members[edit.index]!];
        return { ...r, members };
      });
    case 'set-cadence':
      return changeOne(rotations, edit.rotationId, (r) => ({ ...r, cadence: edit.cadence }));
    case 'set-handoff-time':
      return changeOne(rotations, edit.rotationId, (r) => ({ ...r, handoffTime: edit.time }));
    case 'set-zone':
      return changeOne(rotations, edit.rotationId, (r) => ({ ...r, timeZone: edit.timeZone }));
    case 'set-dates':
      return changeOne(rotations, edit.rotationId, (r) => {
        let next = edit.from === null ? without(r, 'from') : { ...r, from: edit.from };
        next = edit.until === null ? without(next, 'until') : { ...next, until: edit.until };
        return next;
      });
    case 'add-window':
      return changeOne(rotations, edit.rotationId, (r) => ({
        ...r,
        windows: [...(r.windows ?? []), edit.window],
      }));
    case 'set-window':
      return changeOne(rotations, edit.rotationId, (r) => {
        if (!r.windows || edit.index < 0 || edit.index >= r.windows.length)
          return `no window ${edit.index + 1}`;
        return { ...r, windows: r.windows.map((w, i) => (i === edit.index ? edit.window : w)) };
      });
    case 'remove-window':
      return changeOne(rotations, edit.rotationId, (r) => {
        if (!r.windows || edit.index < 0 || edit.index >= r.windows.length)
          return `no window ${edit.index + 1}`;
        const windows = r.windows.filter((_, i) => i !== edit.index);
        // No windows left means on call all the time, which the file says by leaving the key out.
        return windows.length === 0 ? without(r, 'windows') : { ...r, windows };
      });
    case 'set-allow-night':
      return changeOne(rotations, edit.rotationId, (r) =>
        edit.allow ? { ...r, allowNight: true } : without(r, 'allowNight'),
      );
  }
}
