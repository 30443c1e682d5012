import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { createDispatcher } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { reportMainErrors, type ShowError } from '../log/report-errors';
import { createRotatingLog } from '../log/rotating-log';
import { createPlanStore } from '../store/plan-store';
import { hardenContents, hardenSession } from './harden';
import { createFileOpener } from './open-from-argv';
import { registerIpc } from './register-ipc';
import { watchRenderer } from './watch-renderer';
import { mainWindowOptions } from './window-options';

// The Electron shell: a window, the IPC registration, the single-instance lock and error reporting. Behaviour
// lives in electron/store and electron/handlers, which the browser preview runs under plain Node too.
const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : 'file://';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const log = createRotatingLog({ dir: join(app.getPath('userData'), 'logs') });
  const showError: ShowError = (title, message) => dialog.showErrorBox(title, message);
  reportMainErrors(process, log, showError);

  let window: BrowserWindow | null = null;
  let opener: ReturnType<typeof createFileOpener> | null = null;
  // A file handed over before the store exists (a second launch or macOS open-file during start-up).
  let waiting: { argv: string[]; cwd: string } | null = null;
  const focus = () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const openLater = (argv: string[], cwd: string) => {
    if (opener) void opener.openFromArgv(argv, cwd);
    else waiting = { argv, cwd };
  };

  app.on('second-instance', (_event, argv: string[] | undefined, cwd: string | undefined) => {
    if (opener) void opener.openFromArgv(argv, cwd);
    else {
      focus();
      if (argv) waiting = { argv, cwd: cwd ?? process.cwd() };
    }
  });
  app.on('open-file', (event, path: string) => {
    event.preventDefault();
    openLater(['rotaplan', path], process.cwd());
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, appOrigin);
    watchRenderer(contents, log, showError);
  });

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const userDataDir = app.getPath('userData');
    const store = createPlanStore({ userDataDir, createDefaultPlan: createSamplePlan });
    opener = createFileOpener({
      store,
      focus,
      reload: () => {
        if (!window) return false;
        window.reload();
        return true;
      },
      showError,
      log,
    });
    const handlers = createHandlers({ store, mode: 'electron', version: app.getVersion(), userDataDir });
    const dispatch = createDispatcher(handlers, (error, channel) => {
      // The user gets the error's sentence through IPC; the details go to the log.
      log.error(`IPC ${channel} failed unexpectedly`, error);
      console.error(`[ipc] ${channel}`, error);
    });
    registerIpc(ipcMain, opener.guard(dispatch), appOrigin);
    // A file named at start (rotaplan plan.rotaplan.json, a double-click) is opened before the window reads it.
    const first = waiting ?? { argv: process.argv, cwd: process.cwd() };
    waiting = null;
    await opener.openFromArgv(first.argv, first.cwd);

    window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')));
    window.once('ready-to-show', () => window?.show());
    if (devServerUrl) void window.loadURL(devServerUrl);
    else void window.loadFile(join(here, '../renderer/index.html'));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
