import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFileFromArgv } from '../../../electron/main/open-from-argv';
import { useAppStore } from '../../../renderer/src/store/store';
import { CHANNELS, splitChannel } from '../../../shared/ipc/channels';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { recorded } from './fake-electron';

// Importing main loads the store, the handlers and date-holidays: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

// The electron module replaced at its boundary (test/unit/electron/fake-electron.ts): the shell's calls are
// recorded, the store, handlers and files behind them are real.
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

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
    // The renderer's preload bridge, wired to main's real IPC handlers.
    const bridge: Record<string, Record<string, (p: unknown) => Promise<unknown>>> = {};
    for (const channel of CHANNELS) {
      const { domain, verb } = splitChannel(channel);
      bridge[domain] ??= {};
      bridge[domain][verb] = (p) => invoke(channel, p ?? {});
    }
    (globalThis as { rotaplan?: unknown }).rotaplan = bridge;
    recorded.ready!();
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  });
  afterAll(async () => {
    // Main's writers (log, preferences, trust record, backups) may still be finishing a write when the last test
    // returns: wait for the renderer's saves to settle, and let rm retry a folder that gained a file meanwhile
    // (ENOTEMPTY) instead of failing.
    await vi.waitFor(() => expect(useAppStore.getState().saveStatus).toBe('saved'));
    const settled = { recursive: true, force: true, maxRetries: 10, retryDelay: 50 };
    await rm(recorded.userData, settled);
    await rm(elsewhere, settled);
  });

  it('before the window has loaded a plan, a second launch opens its file in the store directly', async () => {
    const early = join(elsewhere, 'early.rotaplan.json');
    await writeFile(early, JSON.stringify(named(createSamplePlan('2027-03-01T10:00:00.000Z'), 'Early')));
    recorded.appListeners.get('second-instance')!({}, ['/opt/Rotaplan/rotaplan', early], elsewhere);
    await vi.waitFor(async () =>
      expect(await invoke('plan:load')).toMatchObject({ ok: true, value: { path: early } }),
    );
    expect(recorded.sent.filter(([e]) => e === 'plan:switched')).toEqual([]);
    const log = await readFile(join(recorded.userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain(`INFO opened ${early} from the command line`);
    // The window reloads (a fresh renderer with no plan yet): from here the test plays the renderer.
    useAppStore.setState({ plan: null, path: '', past: [], future: [], saveStatus: 'saved', conflict: null });
  });

  it('once the window has a plan: main sends plan:switched, the renderer saves its pending edit to the OLD file, then opens the new one', async () => {
    const renderer = useAppStore.getState();
    await renderer.loadPlan();
    const original = useAppStore.getState();
    const oldPath = original.path;
    expect(original.plan?.meta.name).toBe('Early');

    const teamB = named(createSamplePlan('2027-03-01T10:00:00.000Z'), 'Team B');
    const teamBPath = join(elsewhere, 'team-b.rotaplan.json');
    const teamBText = JSON.stringify(teamB, null, 2);
    await writeFile(teamBPath, teamBText);

    // An edit still inside the save debounce when the file is handed over.
    const memberId = original.plan!.members[0]!.id;
    const result = renderer.edit({ kind: 'member:update', memberId, fields: { name: 'Ana (edited)' } });
    expect(result.ok).toBe(true);
    expect(useAppStore.getState().saveStatus).toBe('pending');

    const window = recorded.windows[0]!;
    const focusedBefore = window.focused;
    recorded.appListeners.get('second-instance')!(
      {},
      ['/opt/Rotaplan/rotaplan', 'team-b.rotaplan.json'],
      elsewhere,
    );
    expect(window.focused).toBe(focusedBefore + 1);
    await vi.waitFor(() => expect(recorded.sent).toContainEqual(['plan:switched', { path: teamBPath }]));
    // Main did not switch files: the store still has the old plan open, and nothing was reloaded.
    expect(await invoke('plan:load')).toMatchObject({ ok: true, value: { path: oldPath } });
    expect(window.reloads).toBe(0);

    expect(await useAppStore.getState().switchToFile(teamBPath)).toEqual({ ok: true });
    const savedOld = JSON.parse(await readFile(oldPath, 'utf8')) as Plan;
    expect(savedOld.members.find((m) => m.id === memberId)?.name).toBe('Ana (edited)');
    expect(await readFile(teamBPath, 'utf8')).toBe(teamBText);
    expect(useAppStore.getState()).toMatchObject({
      path: teamBPath,
      plan: { meta: { name: 'Team B' } },
      past: [],
      saveStatus: 'saved',
    });
    // From then on saves go to Team B's file, and it heads the recent files (and the Open Recent menu).
    expect(await invoke('plan:save', { plan: named(teamB, 'Team B, edited') })).toMatchObject({ ok: true });
    expect(JSON.parse(await readFile(teamBPath, 'utf8')).meta.name).toBe('Team B, edited');
    await vi.waitFor(async () =>
      expect(await invoke('prefs:get')).toMatchObject({
        ok: true,
        value: { recentFiles: [teamBPath, oldPath] },
      }),
    );
    const log = await readFile(join(recorded.userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain(`INFO asked the window to switch to ${teamBPath} from the command line`);
  });

  it('a file that is not a plan is refused with a message naming it; the open plan stays', async () => {
    const broken = join(elsewhere, 'broken.rotaplan.json');
    await writeFile(broken, '{ "schemaVersion": 1, "meta": ');
    recorded.appListeners.get('second-instance')!({}, ['/opt/Rotaplan/rotaplan', broken], elsewhere);
    await vi.waitFor(() => expect(recorded.sent).toContainEqual(['plan:switched', { path: broken }]));
    const outcome = await useAppStore.getState().switchToFile(broken);
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain(`${broken} is not valid JSON: (root): not valid JSON`);
    expect(message).toContain('The plan you had open is unchanged.');
    expect(useAppStore.getState().path).toBe(join(elsewhere, 'team-b.rotaplan.json'));
    expect(await invoke('plan:load')).toMatchObject({
      ok: true,
      value: { path: join(elsewhere, 'team-b.rotaplan.json') },
    });
  });

  it('while a conflict waits for the user, the switch is refused and nothing is saved or opened', async () => {
    useAppStore.setState({ conflict: { message: 'changed on disk' } });
    const outcome = await useAppStore.getState().switchToFile(join(elsewhere, 'early.rotaplan.json'));
    expect(outcome).toEqual({
      ok: false,
      message: `${join(elsewhere, 'early.rotaplan.json')} was not opened: your latest changes wait for you to resolve a conflict. Your plan stays open; open the file again once it is saved.`,
    });
    expect(useAppStore.getState().path).toBe(join(elsewhere, 'team-b.rotaplan.json'));
    useAppStore.setState({ conflict: null });
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
