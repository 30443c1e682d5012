import type { IpcResult } from '../../../shared/ipc/contract';

type IpcListener = (event: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

/** One BrowserWindow the shell made: its options, what it loaded, and how often it was focused or reloaded. */
export type FakeWindow = {
  options: Record<string, unknown>;
  loaded: string[];
  focused: number;
  reloads: number;
};

/**
 * What the shell did through the fake electron module. One object per test file (vitest isolates files), read
 * by the tests and written by the fake.
 */
export const recorded = {
  windows: [] as FakeWindow[],
  channels: [] as string[],
  handlers: new Map<string, IpcListener>(),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  errorBoxes: [] as [string, string][],
  userData: '',
  ready: null as null | (() => void),
  sent: [] as [string, unknown][],
  menu: null as unknown,
  singleInstanceRequests: 0,
  exits: [] as number[],
};

/**
 * The electron module replaced at its boundary, for `vi.mock('electron', …)`: the shell's calls are recorded in
 * `recorded`, and the store, handlers and files behind them stay real. Shared by the main-shell and
 * second-instance tests so both exercise the same stand-in.
 */
export function fakeElectronModule() {
  class BrowserWindow {
    entry: FakeWindow = { options: {}, loaded: [], focused: 0, reloads: 0 };
    constructor(options: Record<string, unknown> = {}) {
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
    reload() {
      this.entry.reloads += 1;
    }
  }
  const app = {
    requestSingleInstanceLock: () => {
      recorded.singleInstanceRequests += 1;
      return true;
    },
    quit: () => undefined,
    exit: (code: number) => recorded.exits.push(code),
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
  const ipcMain = {
    handle: (channel: string, listener: IpcListener) => {
      recorded.channels.push(channel);
      recorded.handlers.set(channel, listener);
    },
  };
  const dialog = {
    showErrorBox: (title: string, message: string) => recorded.errorBoxes.push([title, message]),
    showMessageBox: () => Promise.resolve({ response: 0 }),
  };
  const electron = { app, BrowserWindow, session, ipcMain, dialog, Menu, nativeTheme, screen };
  return { ...electron, default: electron };
}
