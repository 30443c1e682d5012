import type { ImportEdit } from '../plan/edits/import-edits';
import type { IcsImportResult } from './ics-import';
import { VENDOR_NAMES } from './vendors';

/**
 * The one edit that applies an import: the mapped entries as shifts, replacing the plan's shifts in the window.
 * Null when nothing can be applied (a failed import, or nobody mapped).
 * Why one edit: the whole import is one step in the undo history, so one undo brings back the plan as it was.
 */
export function importEditOf(result: IcsImportResult): ImportEdit | null {
  if (!result.ok || !result.window) return null;
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
          },
        ],
  );
  return { kind: 'import:replaceWindow', from: result.window.start, to: result.window.end, shifts };
}
