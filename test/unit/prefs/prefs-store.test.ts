import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../electron/handlers';
import { createDispatcher } from '../../../electron/handlers/dispatch';
import { createPrefsStore, MAX_RECENT_FILES } from '../../../electron/prefs/prefs-store';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs/preferences';

let dir: string;
const fixedNow = () => new Date('2027-03-01T10:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-prefs-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

describe('preferences store', () => {
  it('a first start has the defaults and writes no file until something changes', async () => {
    const prefs = createPrefsStore({ userDataDir: dir });
    expect(await prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.notice).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('round trip: a change is written to preferences.json and read back by a new store', async () => {
    const first = createPrefsStore({ userDataDir: dir });
    const after = await first.set({ theme: 'dark', weekStart: 0, defaultTimeZone: 'Europe/Berlin' });
    expect(after).toMatchObject({ theme: 'dark', weekStart: 0, defaultTimeZone: 'Europe/Berlin' });
    const onDisk = JSON.parse(await readFile(join(dir, 'preferences.json'), 'utf8'));
    expect(onDisk).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'dark',
      weekStart: 0,
      defaultTimeZone: 'Europe/Berlin',
    });
    const second = createPrefsStore({ userDataDir: dir });
    expect(await second.get()).toEqual(onDisk);
  });

  it('refuses a bad value, names the key, and keeps the file as it was', async () => {
    const prefs = createPrefsStore({ userDataDir: dir });
    await prefs.set({ theme: 'light' });
    await expect(prefs.set({ weekStart: 9 })).rejects.toMatchObject({
      code: 'invalid-value',
      message: expect.stringContaining('weekStart: '),
    });
    expect(JSON.parse(await readFile(join(dir, 'preferences.json'), 'utf8')).weekStart).toBe(1);
  });

  it('a file that is not JSON is kept aside, the defaults are used, and a notice says where it went', async () => {
    await writeFile(join(dir, 'preferences.json'), '{ "theme": "dark", ');
    const prefs = createPrefsStore({ userDataDir: dir, now: fixedNow });
    expect(await prefs.get()).toEqual(DEFAULT_PREFERENCES);
    const keptAs = join(dir, 'preferences.json.corrupt-20270301T100000000Z');
    expect(prefs.notice?.keptAs).toBe(keptAs);
    expect(prefs.notice?.message).toContain('is not valid JSON');
    expect(await readFile(keptAs, 'utf8')).toBe('{ "theme": "dark", ');
    // The next change writes a whole, valid file over the broken one.
    await prefs.set({ theme: 'dark' });
    expect(JSON.parse(await readFile(join(dir, 'preferences.json'), 'utf8')).theme).toBe('dark');
  });

  it('a file with one bad value keeps the valid ones and names the bad key', async () => {
    const text = JSON.stringify({
      ...DEFAULT_PREFERENCES,
      theme: 'purple',
      weekStart: 0,
      recentFiles: ['/home/ana/plans/team-b.rotaplan.json'],
    });
    await writeFile(join(dir, 'preferences.json'), text);
    const prefs = createPrefsStore({ userDataDir: dir, now: fixedNow });
    expect(await prefs.get()).toEqual({
      ...DEFAULT_PREFERENCES,
      weekStart: 0,
      recentFiles: ['/home/ana/plans/team-b.rotaplan.json'],
    });
    expect(prefs.notice?.message).toContain('were not valid (theme)');
    expect(await readFile(join(dir, 'preferences.json.corrupt-20270301T100000000Z'), 'utf8')).toBe(text);
  });

  it('recent files: newest first, no duplicates, at most ten', async () => {
    const prefs = createPrefsStore({ userDataDir: dir });
    for (let i = 1; i <= 12; i += 1) await prefs.addRecentFile(`/plans/p${i}.rotaplan.json`);
    await prefs.addRecentFile('/plans/p5.rotaplan.json');
    const { recentFiles } = await prefs.get();
    expect(recentFiles).toHaveLength(MAX_RECENT_FILES);
    expect(recentFiles.slice(0, 4)).toEqual([
      '/plans/p5.rotaplan.json',
      '/plans/p12.rotaplan.json',
      '/plans/p11.rotaplan.json',
      '/plans/p10.rotaplan.json',
    ]);
    expect(recentFiles).not.toContain('/plans/p1.rotaplan.json');
    expect(recentFiles.filter((f) => f === '/plans/p5.rotaplan.json')).toHaveLength(1);
  });
});

describe('prefs handlers and recent files through the plan store', () => {
  it('opening and saving as a plan puts it at the top of the recent files; prefs:set validates', async () => {
    const prefs = createPrefsStore({ userDataDir: dir });
    const store = createPlanStore({
      userDataDir: dir,
      createDefaultPlan: createSamplePlan,
      onOpened: (path) => void prefs.addRecentFile(path),
    });
    const dispatch = createDispatcher(
      createHandlers({ store, prefs, mode: 'preview', version: '0.1.0', userDataDir: dir }),
      () => undefined,
    );
    const other = join(dir, 'team-b.rotaplan.json');
    await writeFile(other, JSON.stringify(createSamplePlan('2027-03-01T10:00:00.000Z'), null, 2));
    await store.load();
    expect(await dispatch('plan:open', { path: other })).toMatchObject({ ok: true });
    expect(await dispatch('plan:saveAs', { path: join(dir, 'copy') })).toMatchObject({ ok: true });
    expect(await dispatch('prefs:get', {})).toMatchObject({
      ok: true,
      value: { recentFiles: [join(dir, 'copy.rotaplan.json'), other] },
    });
    expect(await dispatch('prefs:set', { patch: { theme: 'dark' } })).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
    expect(await dispatch('prefs:set', { patch: { theme: 'sepia' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-payload' },
    });
  });

  it('without a prefs store the handlers answer unsupported', async () => {
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    const dispatch = createDispatcher(
      createHandlers({ store, mode: 'preview', version: '0.1.0', userDataDir: dir }),
      () => undefined,
    );
    expect(await dispatch('prefs:get', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
