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
  /** Sends `plan:switched` to the window's renderer; false when there is no window to send it to. */
  notifySwitch: (path: string) => boolean;
  showError: ShowError;
  log: RotatingLog;
};

/**
 * Opens a plan file named on the command line: at start, and when a second launch (single-instance lock), a
 * double-click or macOS open-file hands one to this instance.
 * Why the renderer switches, not main: the renderer may hold edits not yet saved (the save debounce). Were main to
 * switch the store's file first, those edits would either be lost or land in the newly opened file. So once the
 * window has loaded a plan, main only sends `plan:switched`; the renderer writes its pending save to the old file
 * and then opens the new one through `plan:open`, which validates it and refuses a bad file with the old plan kept.
 * Before the window has loaded a plan there is nothing to lose, and the store opens the file directly.
 */
export function createFileOpener(deps: FileOpenerDeps) {
  let rendererHasPlan = false;

  /** Wraps the dispatcher to learn when the window has loaded a plan (from then on it switches files itself). */
  function guard(dispatch: Dispatch): Dispatch {
    return async (channel, payload): Promise<IpcResult<unknown>> => {
      const result = await dispatch(channel, payload);
      if (channel === 'plan:load' && result.ok) rendererHasPlan = true;
      return result;
    };
  }

  /** The window is (re)loading: until it loads a plan again, files are opened directly in the store. */
  function rendererReset(): void {
    rendererHasPlan = false;
  }

  /** Opens the file named in `argv`, if any; true when the store has it open or the window was asked to. */
  async function openFromArgv(
    argv: readonly string[] | undefined,
    cwd: string | undefined,
  ): Promise<boolean> {
    deps.focus();
    const file = planFileFromArgv(argv ?? [], cwd ?? process.cwd());
    if (!file) return false;
    if (rendererHasPlan && deps.notifySwitch(file)) {
      deps.log.info(`asked the window to switch to ${file} from the command line`);
      return true;
    }
    try {
      await deps.store.open(file);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(`could not open ${file} from the command line`, error);
      deps.showError('Rotaplan could not open the file', message);
      return false;
    }
    deps.log.info(`opened ${file} from the command line`);
    return true;
  }

  return { guard, openFromArgv, rendererReset };
}
