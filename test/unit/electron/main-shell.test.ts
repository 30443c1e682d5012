import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { CHANNELS } from '../../../shared/ipc/channels';
import { recorded } from './fake-electron';

// The electron module replaced at its boundary (test/unit/electron/fake-electron.ts): the shell's calls are
// recorded, the store, handlers and files behind them are real.
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

// Importing the whole main graph takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });

describe('Electron main shell', () => {
  beforeAll(async () => {
    recorded.userData = await mkdtemp(join(tmpdir(), 'rotaplan-main-'));
  });
  afterAll(async () =>
    rm(recorded.userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  );

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
    // The options are written out in the call for Electronegativity; they must stay those of mainWindowOptions().
    expect(recorded.windows[0]!.options).toEqual(mainWindowOptions(String(prefs.preload)));
    expect(recorded.windows[0]!.loaded[0]).toMatch(/[\\/]renderer[\\/]index\.html$/);
    expect(recorded.channels).toEqual([...CHANNELS]);

    recorded.appListeners.get('second-instance')!();
    expect(recorded.windows[0]!.focused).toBe(1);
  });
});
