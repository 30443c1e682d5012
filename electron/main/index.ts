import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppEvents } from '../../shared/ipc/events';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/prefs/preferences';
import { createDispatcher, type Dispatch } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { reportMainErrors, type ShowError } from '../log/report-errors';
import { createRotatingLog } from '../log/rotating-log';
import { createPrefsStore } from '../prefs/prefs-store';
import { createPlanStore } from '../store/plan-store';
import { hardenContents, hardenSession } from './harden';
import { cliArguments, runCliInApp } from './cli-mode';
import { buildMenuTemplate, type MenuPlatform } from './menu';
import { createNativeDialogs } from './native-dialogs';
import { createFileOpener } from './open-from-argv';
import { registerIpc } from './register-ipc';
import { watchRenderer } from './watch-renderer';
import { createElectronPdfRenderer } from './print-pdf';
import { restorableBounds, trackWindowState } from './window-state';

// The Electron shell: a window, the menu, the IPC registration, the single-instance lock and error reporting.
// Behaviour lives in electron/store, electron/prefs and electron/handlers, which the browser preview runs under
// plain Node too.
const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : 'file://';
const menuPlatform: MenuPlatform =
  process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

// `Rotaplan --cli <command> …` runs the command-line tool and exits, before any window or the single-instance lock.
const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  void runCliInApp(cliArgs, app);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const log = createRotatingLog({ dir: join(app.getPath('userData'), 'logs') });
  const showError: ShowError = (title, message) => dialog.showErrorBox(title, message);
  reportMainErrors(process, log, showError);

  let window: BrowserWindow | null = null;
  let opener: ReturnType<typeof createFileOpener> | null = null;
  let openWindow: (() => Promise<void>) | null = null;
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
  const sendToWindow = <E extends keyof AppEvents>(event: E, payload: AppEvents[E]): boolean => {
    if (!window || window.isDestroyed()) return false;
    window.webContents.send(event, payload);
    return true;
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
  // macOS keeps the app running with no window; clicking its Dock icon opens one again.
  app.on('activate', () => {
    if (openWindow && BrowserWindow.getAllWindows().length === 0) void openWindow();
  });

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const userDataDir = app.getPath('userData');
    const prefs = createPrefsStore({ userDataDir });
    await prefs.load().catch((error: unknown) => log.error('could not read the preferences', error));
    if (prefs.notice) log.warn(prefs.notice.message);

    const setMenu = (recentFiles: readonly string[]) =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: menuPlatform,
            recentFiles,
            appName: app.getName(),
            send: (payload) => void sendToWindow('menu:command', payload),
            development: !app.isPackaged,
          }),
        ),
      );
    // Native dialogs, menus and the window background follow the chosen theme; `system` follows the OS.
    const applyPrefs = (p: Preferences) => {
      nativeTheme.themeSource = p.theme;
      setMenu(p.recentFiles);
    };
    applyPrefs(await prefs.get().catch(() => DEFAULT_PREFERENCES));
    app.setAboutPanelOptions({
      applicationName: 'Rotaplan',
      applicationVersion: app.getVersion(),
      copyright: 'MIT licence. Open-source components under their own licences (MIT, Apache-2.0, ISC).',
      credits: 'On-call planning for small data teams.',
    });

    const store = createPlanStore({
      userDataDir,
      createDefaultPlan: createSamplePlan,
      appVersion: app.getVersion(),
      onOpened: (path) => {
        app.addRecentDocument(path);
        prefs
          .addRecentFile(path)
          .then((p) => setMenu(p.recentFiles))
          .catch((error: unknown) => log.warn('could not update the recent files', error));
      },
    });
    opener = createFileOpener({
      store,
      focus,
      notifySwitch: (path) => sendToWindow('plan:switched', { path }),
      showError,
      log,
    });
    const handlers = createHandlers({
      store,
      prefs,
      dialogs: createNativeDialogs(dialog, () => window),
      renderPdf: createElectronPdfRenderer(),
      mode: 'electron',
      version: app.getVersion(),
      userDataDir,
    });
    const dispatch = createDispatcher(handlers, (error, channel) => {
      // The user gets the error's sentence through IPC; the details go to the log.
      log.error(`IPC ${channel} failed unexpectedly`, error);
      console.error(`[ipc] ${channel}`, error);
    });
    // A preference saved in the window takes effect in main at once (theme of native UI, recent files menu).
    const withPrefs: Dispatch = async (channel, payload) => {
      const result = await dispatch(channel, payload);
      if (channel === 'prefs:set' && result.ok) applyPrefs(result.value as Preferences);
      return result;
    };
    registerIpc(ipcMain, opener.guard(withPrefs), appOrigin);
    // A file named at start (rotaplan plan.rotaplan.json, a double-click) is opened before the window reads it.
    const first = waiting ?? { argv: process.argv, cwd: process.cwd() };
    waiting = null;
    await opener.openFromArgv(first.argv, first.cwd);

    openWindow = async () => {
      const saved = (await prefs.get().catch(() => null))?.window ?? null;
      const bounds = restorableBounds(
        saved,
        screen.getAllDisplays().map((d) => d.workArea),
      );
      // mainWindowOptions() written out rather than spread, so Electronegativity reads each security option here;
      // main-shell.test.ts checks that both agree.
      window = new BrowserWindow({
        width: 1360,
        height: 880,
        minWidth: 960,
        minHeight: 640,
        show: false,
        title: 'Rotaplan',
        webPreferences: {
          // Reviewed: the preload is the app's one bridge, a sandboxed CommonJS file that exposes only the typed IPC
          // calls through contextBridge (Electronegativity asks for a review of every preload).
          preload: join(here, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          disableBlinkFeatures: 'Auxclick',
          spellcheck: true,
        },
        ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : {}),
        // Mantine's dark body colour, so a dark window does not flash white while it loads.
        backgroundColor: nativeTheme.shouldUseDarkColors ? '#242424' : '#f8f9fa',
      });
      const opened = window;
      if (bounds?.maximized) opened.maximize();
      trackWindowState(opened, (b) => {
        prefs.set({ window: b }).catch((error: unknown) => log.warn('could not remember the window', error));
      });
      // A reload starts a renderer with no plan: until it loads one, files are opened in the store directly.
      opened.webContents.on('did-start-loading', () => opener?.rendererReset());
      opened.on('closed', () => {
        if (window === opened) window = null;
      });
      opened.once('ready-to-show', () => {
        opened.show();
        if (prefs.notice)
          void dialog.showMessageBox(opened, {
            type: 'warning',
            message: 'Your preferences could not be read',
            detail: prefs.notice.message,
          });
      });
      if (devServerUrl) void window.loadURL(devServerUrl);
      else void window.loadFile(join(here, '../renderer/index.html'));
    };
    await openWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
