import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MAX_TEXT_FILE } from '../../shared/ipc/contract';
import { decodeIcsInput } from '../../shared/import/ics-decode';
import { PLAN_EXTENSION, planDisplayName } from '../files/file-names';
import type { HandlerContext, NativeDialogs } from './context';
import { exportFolder } from './export-handlers';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

// Electron matches extensions after the last dot only, so `.rotaplan.json` files are found through `json`.
const PLAN_FILTERS = [
  { name: 'Rotaplan plan (*.rotaplan.json)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];
const ICS_FILTERS = [
  { name: 'iCalendar schedule (*.ics)', extensions: ['ics', 'ical', 'icalendar'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * Reads a schedule file the user picked: refused over 20 MB without reading it, then decoded as strict UTF-8 with
 * the importer's own checks (binary, UTF-16, not iCalendar), so the dialog can name the problem.
 */
export async function readIcsFile(path: string): Promise<{ fileName: string; text: string }> {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IpcError('io', `${fileName} is not a file.`);
    if (info.size > MAX_TEXT_FILE) {
      throw new IpcError(
        'io',
        `${fileName} is ${(info.size / (1024 * 1024)).toFixed(1)} MB; schedule files over 20 MB are refused.`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof IpcError) throw error;
    throw new IpcError(
      'io',
      `Could not read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const decoded = decodeIcsInput(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!decoded.ok) throw new IpcError('io', `${fileName} cannot be imported: ${decoded.problem.message}.`);
  return { fileName, text: decoded.text };
}

/** `dialog:*`: native open, save and folder dialogs (Electron only; the preview answers `unsupported`). */
export function dialogHandlers(context: HandlerContext): HandlerGroup {
  const { dialogs, store } = context;
  const native = (): NativeDialogs => {
    if (!dialogs) {
      throw new IpcError(
        'unsupported',
        'Native file dialogs exist only in the desktop app; use the file picker.',
      );
    }
    return dialogs;
  };
  return {
    'dialog:openPlan': async () => {
      const path = await native().openFile({ title: 'Open a plan', filters: PLAN_FILTERS });
      return path === null ? null : store.open(path);
    },
    'dialog:saveAs': async () => {
      const current = store.currentPath;
      const path = await native().saveFile({
        title: 'Save the plan as',
        defaultPath: join(dirname(current), `${planDisplayName(current)} copy${PLAN_EXTENSION}`),
        filters: PLAN_FILTERS,
      });
      return path === null ? null : store.saveAs(path);
    },
    'dialog:openIcs': async () => {
      const path = await native().openFile({ title: 'Import a schedule (.ics)', filters: ICS_FILTERS });
      return path === null ? null : readIcsFile(path);
    },
    'dialog:chooseFolder': async () => {
      const dialogs = native();
      // The dialog starts in the folder exports go to now, so "Browse…" begins where the user already is.
      const path = await dialogs.chooseFolder({
        title: 'Choose the export folder',
        defaultPath: await exportFolder(context),
      });
      return path === null ? null : { path };
    },
  };
}
