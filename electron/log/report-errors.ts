import type { RotatingLog } from './rotating-log';

/** The part of `process` the reporter listens to (a fake in tests). */
export type ErrorSource = {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
};

/** Shows the user one error: a title and a sentence (Electron's dialog.showErrorBox in main). */
export type ShowError = (title: string, message: string) => void;

const reasonText = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/**
 * Sends main-process errors nobody caught to the log file and tells the user in words, with where the details
 * are. Why: Electron's default for an uncaught exception is a dialog with a stack trace and nothing kept; an
 * unhandled rejection is silent. At most one dialog per `quietMs` so an error in a loop cannot bury the user in
 * dialogs (every occurrence is still logged). Never throws: it runs when something already went wrong.
 */
export function reportMainErrors(
  source: ErrorSource,
  log: RotatingLog,
  showError: ShowError,
  options: { now?: () => number; quietMs?: number } = {},
): void {
  const now = options.now ?? Date.now;
  const quietMs = options.quietMs ?? 5_000;
  let lastShown = Number.NEGATIVE_INFINITY;
  const tell = (title: string, what: string) => {
    if (now() - lastShown < quietMs) return;
    lastShown = now();
    try {
      showError(
        title,
        `${what}\n\nYour plan on disk is as last saved. Details were written to ${log.path}; please include that file if you report the problem.`,
      );
    } catch (error) {
      log.error('could not show an error dialog', error);
    }
  };
  source.on('uncaughtException', (error) => {
    log.error('uncaught exception in main', error);
    tell('Rotaplan hit an unexpected error', `Something went wrong in Rotaplan: ${reasonText(error)}`);
  });
  source.on('unhandledRejection', (reason) => {
    log.error('unhandled promise rejection in main', reason);
    tell('Rotaplan hit an unexpected error', `A background task failed: ${reasonText(reason)}`);
  });
}
