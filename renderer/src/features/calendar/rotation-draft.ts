import type { PlanEdit } from '../../../../shared/plan/edits';
import { rotationSchema, type Plan, type Rotation, type Shift } from '../../../../shared/plan/schema';
import { formatPath } from '../../../../shared/plan/validate';
import { regenerate, type Regeneration } from '../../../../shared/rotation/regenerate';
import { isKeptShift } from '../../../../shared/rotation/schedule-shifts';
import type { HolidayLookup } from '../../../../shared/time/holidays';
import { instantMs } from '../../../../shared/time/zoned';
import { formatSpan } from '../../components/wall-clock-format';

/** What regenerating with the draft settings would do, or why the settings cannot be used. */
export type RegenerationPreview =
  | { ok: true; rotation: Rotation; regeneration: Regeneration; kept: number; settingsChanged: boolean }
  | { ok: false; problems: string[] };

/**
 * Previews a regeneration from draft rotation settings: the new shifts, the diff against the plan's shifts, the
 * conflicts the engine could not solve, and how many pinned or hand-made shifts stay as they are.
 * Why here and not only in the edit: the user sees what would change before applying it. `holidays`: the store's
 * calendar, for shadow learners' holidays (see `scheduleShifts`).
 */
export function previewRegeneration(
  plan: Plan,
  draft: Rotation,
  holidays?: HolidayLookup,
): RegenerationPreview {
  const parsed = rotationSchema.safeParse(draft);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${formatPath(['rotation', ...i.path])}: ${i.message}`),
    };
  }
  const rotation = parsed.data;
  const unknown = rotation.layers
    .flatMap((l) => l.memberOrder)
    .filter((id) => !plan.members.some((m) => m.id === id));
  if (unknown.length > 0) return { ok: false, problems: [`no team member has id "${unknown[0]}"`] };
  return {
    ok: true,
    rotation,
    regeneration: regenerate({ ...plan, rotation }, {}, holidays),
    kept: plan.shifts.filter(isKeptShift).length,
    settingsChanged: JSON.stringify(rotation) !== JSON.stringify(plan.rotation),
  };
}

/** The one undoable edit that applies a preview: new settings with regeneration, or regeneration alone. */
export function regenerationEdit(preview: Extract<RegenerationPreview, { ok: true }>): PlanEdit {
  return preview.settingsChanged
    ? { kind: 'rotation:update', fields: preview.rotation, regenerate: true }
    : { kind: 'rotation:regenerate' };
}

/** One line of the diff table: what happens to a shift, in words. */
export type DiffRow = {
  id: string;
  change: 'added' | 'removed' | 'changed';
  layer: string;
  when: string;
  who: string;
  start: number;
};

/** The diff as table rows sorted by time then layer, with plan-local dates and names. */
export function diffRows(plan: Plan, regeneration: Regeneration, rotation: Rotation): DiffRow[] {
  const zone = rotation.timeZone;
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const layer = (id: string) => rotation.layers.find((l) => l.id === id)?.name ?? id;
  const row = (
    change: DiffRow['change'],
    s: Shift,
    who: string,
    when = formatSpan(s.start, s.end, zone),
  ): DiffRow => ({
    id: `${change}-${s.id}`,
    change,
    layer: layer(s.layerId),
    when,
    who,
    start: instantMs(s.start),
  });
  const { added, removed, changed } = regeneration.diff;
  const rows = [
    ...added.map((s) => row('added', s, name(s.memberId))),
    ...removed.map((s) => row('removed', s, name(s.memberId))),
    ...changed.map(({ before, after }) => {
      const sameTimes =
        instantMs(before.start) === instantMs(after.start) && instantMs(before.end) === instantMs(after.end);
      const when = sameTimes
        ? formatSpan(after.start, after.end, zone)
        : `${formatSpan(before.start, before.end, zone)} ⇒ ${formatSpan(after.start, after.end, zone)}`;
      const who =
        before.memberId === after.memberId
          ? name(after.memberId)
          : `${name(before.memberId)} ⇒ ${name(after.memberId)}`;
      return row('changed', after, who, when);
    }),
  ];
  return rows.sort((a, b) => a.start - b.start || a.layer.localeCompare(b.layer));
}
