import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS } from '../../../shared/ipc/channels';

// The electron module replaced at its boundary: the shell's calls are recorded, everything behind them is real.
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[]; focused: number }[],
  channels: [] as string[],
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  userData: '',
  ready: null as null | (() => void),
  sent: [] as [string, unknown][],
  menu: null as unknown,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    entry = { options: {} as Record<string, unknown>, loaded: [] as string[], focused: 0 };
    constructor(options: Record<string, unknown>) {
      this.entry.options = options;
      recorded.windows.push(this.entry);
    }
    once() {}
    // What the shell's menu, window-state and file-switch wiring call (recorded where a test reads it).
    webContents = {
      on: () => undefined,
      send: (event: string, payload: unknown) => recorded.sent.push([event, payload]),
    };
    on() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1360, height: 880 };
    }
    static getAllWindows() {
      return recorded.windows;
    }
    loadFile(path: string) {
      this.entry.loaded.push(path);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.entry.loaded.push(url);
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.entry.focused += 1;
    }
  }
  const app = {
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    on: (name: string, listener: (...args: unknown[]) => void) => recorded.appListeners.set(name, listener),
    whenReady: () => new Promise<void>((resolve) => (recorded.ready = resolve)),
    getPath: () => recorded.userData,
    getVersion: () => '0.1.0',
    getName: () => 'Rotaplan',
    isPackaged: true,
    setAboutPanelOptions: () => undefined,
    addRecentDocument: () => undefined,
  };
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => (recorded.menu = menu),
  };
  const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    },
  };
  const ipcMain = { handle: (channel: string) => recorded.channels.push(channel) };
  const dialog = { showErrorBox: () => undefined, showMessageBox: () => Promise.resolve({ response: 0 }) };
  const electron = { app, BrowserWindow, session, ipcMain, dialog, Menu, nativeTheme, screen };
  return { ...electron, default: electron };
});

// Importing the whole main graph takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });

describe('Electron main shell', () => {
  beforeAll(async () => {
    recorded.userData = await mkdtemp(join(tmpdir(), 'rotaplan-main-'));
  });
  afterAll(async () => rm(recorded.userData, { recursive: true, force: true }));

  it('opens one hardened window with the CJS preload and registers every channel', async () => {
    await import('../../../electron/main/index');
    expect(recorded.appListeners.has('second-instance')).toBe(true);
    expect(recorded.appListeners.has('web-contents-created')).toBe(true);
    recorded.ready!();
    await vi.waitFor(() => expect(recorded.windows.length).toBe(1));
    const prefs = recorded.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(String(prefs.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(recorded.windows[0]!.loaded[0]).toMatch(/[\\/]renderer[\\/]index\.html$/);
    expect(recorded.channels).toEqual([...CHANNELS]);

    recorded.appListeners.get('second-instance')!();
    expect(recorded.windows[0]!.focused).toBe(1);
  });
});
