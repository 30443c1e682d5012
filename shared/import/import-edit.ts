import type { ImportEdit, ImportedShift } from '../plan/edits/import-edits';
import { layerNameOf, trimLayerOverlaps, type TrimmedOverlaps } from '../plan/layer-overlaps';
import type { Plan } from '../plan/schema';
import type { IcsImportResult } from './ics-import';
import { VENDOR_NAMES } from './vendors';

/**
 * The mapped entries as shifts, with overlaps on a layer trimmed (see `trimLayerOverlaps`): a calendar often holds
 * entries that overlap (a daily repeating event a week long, two people at a hand-over), but a layer holds one
 * person at a time. Shadow entries stay shadows, beside whoever holds the layer, and are never trimmed.
 */
function importedShifts(result: IcsImportResult): TrimmedOverlaps<ImportedShift> {
  const from = VENDOR_NAMES[result.vendor];
  const shifts = result.entries.flatMap((e) =>
    e.memberId === null
      ? []
      : [
          {
            layerId: e.layerId,
            memberId: e.memberId,
            start: e.start,
            end: e.end,
            note: `Imported from ${from}: ${e.summary}`.slice(0, 500),
            ...(e.shadow ? { shadow: true } : {}),
          },
        ],
  );
  return trimLayerOverlaps(shifts);
}

/**
 * The one edit that applies an import: the mapped entries as shifts (overlaps on a layer trimmed, as
 * `importOverlapNote` says), replacing the plan's shifts in the window. Null when nothing can be applied (a failed
 * import, or nobody mapped).
 * Why one edit: the whole import is one step in the undo history, so one undo brings back the plan as it was.
 */
export function importEditOf(result: IcsImportResult): ImportEdit | null {
  if (!result.ok || !result.window) return null;
  const { items } = importedShifts(result);
  return { kind: 'import:replaceWindow', from: result.window.start, to: result.window.end, shifts: items };
}

/**
 * What the import does about overlapping entries, as one sentence for the import summary, or null when none of
 * the mapped entries overlap on a layer.
 * Why say it: entries are changed on the way in; the user sees how many and where before applying.
 */
export function importOverlapNote(result: IcsImportResult, plan: Plan): string | null {
  if (!result.ok || !result.window) return null;
  const trim = importedShifts(result);
  if (trim.trimmed + trim.removed === 0) return null;
  const layers = [...trim.byLayer].map(([id, n]) => `${n} on ${layerNameOf(plan, id)}`).join(', ');
  const parts = [
    trim.trimmed > 0 && `${trim.trimmed} now start${trim.trimmed === 1 ? 's' : ''} when the one before ends`,
    trim.removed > 0 && `${trim.removed} wholly inside another ${trim.removed === 1 ? 'is' : 'are'} left out`,
  ].filter(Boolean);
  const total = trim.trimmed + trim.removed;
  return `${total} ${total === 1 ? 'entry overlaps' : 'entries overlap'} others on their layer (${layers}), and a layer holds one person at a time: ${parts.join(' and ')}.`;
}

/**
 * What the import does with entries marked "(shadow)", as one sentence for the import summary, or null when the
 * mapped entries have none.
 * Why say it: a learner's shadow in the file would otherwise read as a second person on call; the user sees that
 * they come in as shadows, not coverage.
 */
export function importShadowNote(result: IcsImportResult): string | null {
  if (!result.ok) return null;
  const shadows = result.entries.filter((e) => e.shadow && e.memberId !== null).length;
  if (shadows === 0) return null;
  return `${shadows} ${shadows === 1 ? 'entry is' : 'entries are'} marked "(shadow)": imported as shadow shifts, learners beside whoever is on call, not coverage.`;
}
