import { app, BrowserWindow, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { createDispatcher } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { createPlanStore } from '../store/plan-store';
import { hardenContents, hardenSession } from './harden';
import { registerIpc } from './register-ipc';
import { mainWindowOptions } from './window-options';

// The Electron shell: a window, the IPC registration and the single-instance lock. Behaviour lives in
// electron/store and electron/handlers, which the browser preview runs under plain Node too.
const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : 'file://';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appOrigin));

  app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const userDataDir = app.getPath('userData');
    const store = createPlanStore({ userDataDir, createDefaultPlan: createSamplePlan });
    const handlers = createHandlers({ store, mode: 'electron', version: app.getVersion(), userDataDir });
    registerIpc(
      ipcMain,
      createDispatcher(handlers, (error, channel) => console.error(`[ipc] ${channel}`, error)),
      appOrigin,
    );

    window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')));
    window.once('ready-to-show', () => window?.show());
    if (devServerUrl) void window.loadURL(devServerUrl);
    else void window.loadFile(join(here, '../renderer/index.html'));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
