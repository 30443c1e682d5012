import type { HolidayDutyRecord } from '../../rotation/holiday-duty';
import { isKeptShift, scheduleShifts } from '../../rotation/schedule-shifts';
import { rotationSchema, type Plan, type Rotation } from '../schema';
import { formatPath } from '../validate';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';
import { changeRotationFrom, type RotationChangeFrom } from './rotation-from-date';
import { setLayerRotations, type LayerRotationsChange } from './layer-rotations-from';
import type { HolidayLookup } from '../../time/holidays';

/**
 * Edits of the rotation settings and of what the rotation produces.
 * - `rotation:update`: change settings (layers and member order, shift length, handoff, zone, dates); with
 *   `regenerate` the shifts are generated again from the new settings, keeping pinned, manual and override ones.
 * - `rotation:regenerate`: generate the shifts again from the current settings (preview it with `regenerate`).
 * - `rotation:record-holiday-duty`: remember who covers a major holiday in a year (one entry per holiday and
 *   year; a new entry replaces the old one), so duty rotates across years.
 * - `rotation:set-max-weekends`: the optimiser's limit of weekends on call per person; null removes it.
 * - `rotation:change-from`: new members or a new cadence for one rotation of a layer from a date; shifts that
 *   start before it stay exactly as they are (see `changeRotationFrom`).
 * - `rotation:set-layer-rotations`: a layer's rotations as drafted in the rotation editor, from a date or for the
 *   whole plan (see `setLayerRotations`).
 */
export type RotationEdit =
  | { kind: 'rotation:update'; fields: Partial<Rotation>; regenerate: boolean }
  | { kind: 'rotation:regenerate' }
  | { kind: 'rotation:record-holiday-duty'; entries: HolidayDutyRecord[] }
  | { kind: 'rotation:set-max-weekends'; max: number | null }
  | ({ kind: 'rotation:change-from' } & RotationChangeFrom)
  | ({ kind: 'rotation:set-layer-rotations' } & LayerRotationsChange);

function update(
  plan: Plan,
  fields: Partial<Rotation>,
  regenerate: boolean,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const parsed = rotationSchema.safeParse({ ...plan.rotation, ...fields });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      path: formatPath(['rotation', ...i.path]),
      message: i.message,
    }));
    return refuse(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
  const rotation = parsed.data;
  const layerIds = new Set(rotation.layers.map((l) => l.id));
  for (const layer of plan.rotation.layers) {
    if (layerIds.has(layer.id)) continue;
    const stranded = plan.shifts.filter((s) => s.layerId === layer.id && (!regenerate || isKeptShift(s)));
    if (stranded.length > 0) {
      const what = regenerate ? 'pinned or hand-made shift' : 'shift';
      return refuse(
        `layer ${layer.name} cannot be removed while it has ${stranded.length} ${what}${stranded.length === 1 ? '' : 's'}; ${regenerate ? 'unpin or remove them first' : 'regenerate with the change'}`,
      );
    }
  }
  const next = { ...plan, rotation };
  return regenerate ? { ...next, shifts: scheduleShifts(next, {}, holidays).shifts } : next;
}

function record(plan: Plan, entries: HolidayDutyRecord[]): EditOutcome {
  const holidays = plan.coverage.holidays;
  for (const e of entries) {
    if (!holidays.majorHolidays.some((h) => h.id === e.holidayId)) {
      return refuse(`no major holiday has id "${e.holidayId}"`);
    }
    if (!plan.members.some((m) => m.id === e.memberId))
      return refuse(`no team member has id "${e.memberId}"`);
  }
  const replaced = (h: HolidayDutyRecord) =>
    entries.some((e) => e.holidayId === h.holidayId && e.year === h.year);
  const history = [...holidays.history.filter((h) => !replaced(h)), ...entries].sort(
    (a, b) => a.year - b.year || (a.holidayId < b.holidayId ? -1 : a.holidayId > b.holidayId ? 1 : 0),
  );
  return { ...plan, coverage: { ...plan.coverage, holidays: { ...holidays, history } } };
}

function setMaxWeekends(plan: Plan, max: number | null): EditOutcome {
  // The key is dropped, not set to undefined, so the saved file reads as if the limit never existed.
  const { maxWeekendsPerMember: _old, ...rest } = plan.rotation;
  if (max === null) return { ...plan, rotation: rest };
  if (!Number.isInteger(max) || max < 0) {
    const problem = {
      path: 'rotation.maxWeekendsPerMember',
      message: 'expected a whole number of weekends, 0 or more',
    };
    return refuse(`${problem.path}: ${problem.message}`, [problem]);
  }
  return { ...plan, rotation: { ...rest, maxWeekendsPerMember: max } };
}

/**
 * Applies a rotation edit (unvalidated; `applyEdit` validates the result). `holidays`: the shadow learners' for
 * the edits that regenerate (see `scheduleShifts`).
 */
export function applyRotationEdit(plan: Plan, edit: RotationEdit, holidays?: HolidayLookup): EditOutcome {
  switch (edit.kind) {
    case 'rotation:update':
      return update(plan, edit.fields, edit.regenerate, holidays);
    case 'rotation:regenerate':
      return { ...plan, shifts: scheduleShifts(plan, {}, holidays).shifts };
    case 'rotation:record-holiday-duty':
      return record(plan, edit.entries);
    case 'rotation:set-max-weekends':
      return setMaxWeekends(plan, edit.max);
    case 'rotation:change-from':
      return changeRotationFrom(plan, edit, holidays);
    case 'rotation:set-layer-rotations':
      return setLayerRotations(plan, edit, holidays);
  }
}
