import type { WebContents } from 'electron';
import type { RotatingLog } from '../log/rotating-log';
import type { ShowError } from '../log/report-errors';

/** The events of a window's contents the watcher listens to. */
export type WatchedContents = Pick<WebContents, 'on' | 'reload'>;

/**
 * Logs a renderer that crashed, hung or whose preload failed, and reloads a crashed one so the user never
 * faces a blank window. Why a limit: a renderer that crashes on every start would reload forever; after three
 * crashes in a minute the user is told instead, with where the details are.
 */
export function watchRenderer(
  contents: WatchedContents,
  log: RotatingLog,
  showError: ShowError,
  now: () => number = Date.now,
): void {
  let crashes: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    log.error(`the window's renderer process is gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    crashes = [...crashes.filter((t) => now() - t < 60_000), now()];
    if (crashes.length <= 3) {
      contents.reload();
      return;
    }
    showError(
      'Rotaplan’s window keeps failing',
      `The window crashed ${crashes.length} times in a minute (${details.reason}). Your plan on disk is as last saved. Restart Rotaplan; details are in ${log.path}.`,
    );
  });
  contents.on('unresponsive', () => log.warn('the window stopped responding'));
  contents.on('responsive', () => log.info('the window responds again'));
  contents.on('preload-error', (_event, preloadPath, error) =>
    log.error(`the preload ${preloadPath} failed`, error),
  );
}
