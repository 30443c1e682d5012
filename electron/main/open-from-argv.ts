import { resolve } from 'node:path';
import type { IpcResult, LoadedPlan } from '../../shared/ipc/contract';
import type { Dispatch } from '../handlers/dispatch';
import type { RotatingLog } from '../log/rotating-log';
import type { ShowError } from '../log/report-errors';

/**
 * The plan file named on a command line, resolved against the folder it was started in; null when there is none.
 * Why the last `.json` argument that is not a flag: the executable comes first, in development Electron also gets
 * the app folder (`electron . plan.rotaplan.json`), and Chromium adds switches of its own on Windows.
 */
export function planFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of [...argv.slice(1)].reverse()) {
    if (arg.startsWith('-')) continue;
    if (/\.json$/i.test(arg)) return resolve(cwd, arg);
  }
  return null;
}

/** What the opener needs of the app: the store, the window, a way to tell the user, the log. */
export type FileOpenerDeps = {
  store: { open: (path: string) => Promise<LoadedPlan> };
  /** Brings the window to the front (restoring it if minimised); does nothing before there is one. */
  focus: () => void;
  /** Reloads the window so it reads the newly opened plan; false when there is no window yet. */
  reload: () => boolean;
  showError: ShowError;
  log: RotatingLog;
};

/**
 * Opens a plan file named on the command line: at start, and when a second launch hands its arguments to this
 * instance (single-instance lock). Then the window reloads and reads the new plan.
 * Why the save guard: the renderer may have a save of the old plan on its way; after the store switched files,
 * that save would land in the newly opened file. From the switch until the reloaded window loads the plan again,
 * `plan:save` is refused (as a conflict: the old file is as last saved), so neither file is overwritten.
 */
export function createFileOpener(deps: FileOpenerDeps) {
  let switching = false;

  /** Wraps the dispatcher with the save guard. */
  function guard(dispatch: Dispatch): Dispatch {
    return async (channel, payload): Promise<IpcResult<unknown>> => {
      if (channel === 'plan:load') switching = false;
      else if (switching && channel === 'plan:save') {
        return {
          ok: false,
          error: {
            code: 'conflict',
            message:
              'Rotaplan is switching to a plan opened from outside the app; this change was not written, so neither file was overwritten.',
          },
        };
      }
      return dispatch(channel, payload);
    };
  }

  /** Opens the file named in `argv`, if any; true when the store now has it open. */
  async function openFromArgv(
    argv: readonly string[] | undefined,
    cwd: string | undefined,
  ): Promise<boolean> {
    deps.focus();
    const file = planFileFromArgv(argv ?? [], cwd ?? process.cwd());
    if (!file) return false;
    // Set before the store switches: a save queued behind the open must not reach the new file.
    switching = true;
    try {
      await deps.store.open(file);
    } catch (error) {
      switching = false;
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(`could not open ${file} from the command line`, error);
      deps.showError('Rotaplan could not open the file', message);
      return false;
    }
    deps.log.info(`opened ${file} from the command line`);
    // Before the window exists there is nothing to reload: it will load the plan the store now has.
    if (!deps.reload()) switching = false;
    return true;
  }

  return { guard, openFromArgv };
}
