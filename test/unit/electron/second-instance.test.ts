import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFileFromArgv } from '../../../electron/main/open-from-argv';
import type { IpcResult, LoadedPlan } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

// Importing main loads the store, the handlers and date-holidays: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

// The electron module replaced at its boundary (as in main-shell.test.ts): calls are recorded, the store,
// handlers and files behind them are real.
const recorded = vi.hoisted(() => ({
  windows: [] as { focused: number; reloads: number }[],
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<IpcResult<unknown>>>(),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  errorBoxes: [] as [string, string][],
  userData: '',
  ready: null as null | (() => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    entry = { focused: 0, reloads: 0 };
    constructor() {
      recorded.windows.push(this.entry);
    }
    once() {}
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
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
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    on: (name: string, listener: (...args: unknown[]) => void) => recorded.appListeners.set(name, listener),
    whenReady: () => new Promise<void>((resolve) => (recorded.ready = resolve)),
    getPath: () => recorded.userData,
    getVersion: () => '0.1.0',
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    },
  };
  const ipcMain = {
    handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<IpcResult<unknown>>) =>
      recorded.handlers.set(channel, listener),
  };
  const dialog = {
    showErrorBox: (title: string, message: string) => recorded.errorBoxes.push([title, message]),
  };
  return {
    app,
    BrowserWindow,
    session,
    ipcMain,
    dialog,
    default: { app, BrowserWindow, session, ipcMain, dialog },
  };
});

const fromApp = {
  senderFrame: { url: 'file:///opt/Rotaplan/resources/app.asar/out/renderer/index.html', parent: null },
};
const invoke = (channel: string, payload: unknown = {}) => recorded.handlers.get(channel)!(fromApp, payload);
const named = (plan: Plan, name: string): Plan => ({ ...plan, meta: { ...plan.meta, name } });

let elsewhere: string;

describe('the plan file named on the command line', () => {
  it.each([
    {
      argv: ['/opt/Rotaplan/rotaplan', 'team-b.rotaplan.json'],
      file: '/home/ana/plans/team-b.rotaplan.json',
    },
    {
      argv: ['/usr/lib/electron/electron', '.', '--allow-file-access-from-files', '../b.json'],
      file: '/home/ana/b.json',
    },
    {
      argv: ['/opt/Rotaplan/rotaplan', '/srv/shared/ops.rotaplan.json'],
      file: '/srv/shared/ops.rotaplan.json',
    },
    { argv: ['/opt/Rotaplan/rotaplan', '--inspect=9229', 'notes.txt'], file: null },
    { argv: ['C:\\Rotaplan\\Rotaplan.exe'], file: null },
  ])('$argv → $file', ({ argv, file }) => {
    expect(planFileFromArgv(argv, '/home/ana/plans')).toBe(file);
  });
});

describe('single instance: a second launch opens its file in the first window', () => {
  beforeAll(async () => {
    recorded.userData = await mkdtemp(join(tmpdir(), 'rotaplan-second-'));
    elsewhere = await mkdtemp(join(tmpdir(), 'rotaplan-elsewhere-'));
    await import('../../../electron/main/index');
    recorded.ready!();
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  });
  afterAll(async () => {
    await rm(recorded.userData, { recursive: true, force: true });
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('focuses, opens the file, reloads the window, and guards the old plan`s late save', async () => {
    const first = await invoke('plan:load');
    if (!first.ok) throw new Error(first.error.message);
    const original = first.value as LoadedPlan;
    expect(original.path).toBe(join(recorded.userData, 'plan.rotaplan.json'));

    const teamB = named(createSamplePlan('2027-03-01T10:00:00.000Z'), 'Team B');
    const teamBPath = join(elsewhere, 'team-b.rotaplan.json');
    const teamBText = JSON.stringify(teamB, null, 2);
    await writeFile(teamBPath, teamBText);

    const window = recorded.windows[0]!;
    recorded.appListeners.get('second-instance')!(
      {},
      ['/opt/Rotaplan/rotaplan', 'team-b.rotaplan.json'],
      elsewhere,
    );
    expect(window.focused).toBe(1);
    await vi.waitFor(() => expect(window.reloads).toBe(1));

    // A save of the old plan still on its way is refused rather than written into Team B's file.
    const late = await invoke('plan:save', { plan: named(original.plan, 'late edit of the old plan') });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await readFile(teamBPath, 'utf8')).toBe(teamBText);

    // The reloaded window loads Team B, and from then on saves go to Team B's file.
    const reloaded = await invoke('plan:load');
    expect(reloaded).toMatchObject({
      ok: true,
      value: { path: teamBPath, plan: { meta: { name: 'Team B' } } },
    });
    expect(await invoke('plan:save', { plan: named(teamB, 'Team B, edited') })).toMatchObject({ ok: true });
    expect(JSON.parse(await readFile(teamBPath, 'utf8')).meta.name).toBe('Team B, edited');
    const log = await readFile(join(recorded.userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain(`INFO opened ${teamBPath} from the command line`);
  });

  it('a file that is not a plan is refused with a message naming it; the open plan stays', async () => {
    const broken = join(elsewhere, 'broken.rotaplan.json');
    await writeFile(broken, '{ "schemaVersion": 1, "meta": ');
    const window = recorded.windows[0]!;
    const reloadsBefore = window.reloads;
    recorded.appListeners.get('second-instance')!({}, ['/opt/Rotaplan/rotaplan', broken], elsewhere);
    await vi.waitFor(() => expect(recorded.errorBoxes).toHaveLength(1));
    const [title, message] = recorded.errorBoxes[0]!;
    expect(title).toBe('Rotaplan could not open the file');
    expect(message).toContain(`${broken} could not be opened: (root): not valid JSON`);
    expect(message).toContain('The plan you had open is unchanged.');
    expect(window.reloads).toBe(reloadsBefore);
    expect(await invoke('plan:load')).toMatchObject({
      ok: true,
      value: { path: join(elsewhere, 'team-b.rotaplan.json') },
    });
  });

  it('a second launch without a file only focuses the window', async () => {
    const window = recorded.windows[0]!;
    const before = { ...window };
    recorded.appListeners.get('second-instance')!({}, ['/opt/Rotaplan/rotaplan'], elsewhere);
    expect(window.focused).toBe(before.focused + 1);
    expect(window.reloads).toBe(before.reloads);
  });

  it('a crashed renderer is logged and reloaded, not left blank', async () => {
    const contents = Object.assign(new EventEmitter(), {
      reloads: 0,
      setWindowOpenHandler: () => undefined,
      reload() {
        this.reloads += 1;
      },
    });
    recorded.appListeners.get('web-contents-created')!({}, contents);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reloads).toBe(1);
    const log = await readFile(join(recorded.userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain("ERROR the window's renderer process is gone: crashed (exit code 139)");
  });
});
