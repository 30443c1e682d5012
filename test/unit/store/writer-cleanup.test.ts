import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../../electron/cli/main';
import type { HandlerContext, NativeDialogs } from '../../../electron/handlers/context';
import { exportHandlers } from '../../../electron/handlers/export-handlers';
import { createPrefsStore } from '../../../electron/prefs/prefs-store';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createTrustedRevisions } from '../../../electron/store/trusted-revisions';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { deadPid } from '../../helpers/dead-pid';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 20_000 });

// Every durable writer (the plan, the trusted revisions, the preferences, exports from the app and the CLI) names
// its temporary file `.<name>.<pid>-<n>.tmp`; a kill mid-write leaves it. Each writer removes such leftovers of
// processes that are gone when it next reads or writes.

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-cleanup-');
});
afterEach(() => removeDir(dir));

/** Leaves a killed write's temporary file for `name` in `folder`; answers its file name. */
async function leftover(folder: string, name: string, n = 1): Promise<string> {
  const file = `.${name}.${deadPid()}-${n}.tmp`;
  await writeFile(join(folder, file), '{"half of it');
  return file;
}

const dotFiles = async (folder: string) => (await readdir(folder)).filter((f) => f.startsWith('.')).sort();

describe('every durable writer removes what a killed write left', () => {
  it('trusted revisions: on the first read, and on each write', async () => {
    const file = join(dir, 'trusted-revisions.json');
    await leftover(dir, 'trusted-revisions.json');
    const trusted = createTrustedRevisions(file, 'app-1/schema-1');
    expect(await trusted.trusts('/plans/a.rotaplan.json', '0123456789abcdef')).toBe(false);
    expect(await dotFiles(dir)).toEqual([]);

    await leftover(dir, 'trusted-revisions.json', 2);
    await trusted.remember('/plans/a.rotaplan.json', '0123456789abcdef');
    expect(await dotFiles(dir)).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      fingerprint: 'app-1/schema-1',
      revisions: { '/plans/a.rotaplan.json': '0123456789abcdef' },
    });
  });

  it('preferences: on load (also lowdb`s old temporary file, once it is stale), and on each write', async () => {
    await leftover(dir, 'preferences.json');
    const steno = join(dir, '.preferences.json.tmp');
    await writeFile(steno, '{"theme":');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(steno, hourAgo, hourAgo);
    const prefs = createPrefsStore({ userDataDir: dir });
    await prefs.load();
    expect(await dotFiles(dir)).toEqual([]);

    await leftover(dir, 'preferences.json', 2);
    const saved = await prefs.set({ exportDir: '/exports' });
    expect(await dotFiles(dir)).toEqual([]);
    // Written as before: two-space JSON of the preferences.
    expect(await readFile(join(dir, 'preferences.json'), 'utf8')).toBe(JSON.stringify(saved, null, 2));
  });

  it('exports in the preview: every leftover in the export folder, whatever file it was for', async () => {
    const exports = join(dir, 'exports');
    await mkdir(exports);
    await leftover(exports, 'roster.csv');
    await leftover(exports, 'on-call 2027.ics', 4);
    const live = `.other.md.${process.ppid}-1.tmp`;
    await writeFile(join(exports, live), 'a live export, mid-write');
    const ctx: HandlerContext = {
      store: createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan }),
      mode: 'preview',
      version: '0.1.0',
      userDataDir: dir,
    };
    expect(
      await exportHandlers(ctx)['export:save']!({ fileName: 'plan.md', content: '# Plan', encoding: 'utf8' }),
    ).toEqual({ path: join(exports, 'plan.md') });
    expect(await dotFiles(exports)).toEqual([live]);
    expect(await readFile(join(exports, 'plan.md'), 'utf8')).toBe('# Plan');
  });

  it('exports through the save dialog: the leftovers of the chosen file', async () => {
    const chosen = join(dir, 'load.csv');
    await leftover(dir, 'load.csv');
    const dialogs: NativeDialogs = {
      openFile: async () => null,
      chooseFolder: async () => null,
      saveFile: async () => chosen,
    };
    const ctx: HandlerContext = {
      store: createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan }),
      mode: 'electron',
      version: '0.1.0',
      userDataDir: dir,
      dialogs,
    };
    await exportHandlers(ctx)['export:save']!({ fileName: 'load.csv', content: 'a,b', encoding: 'utf8' });
    expect(await dotFiles(dir)).toEqual([]);
    expect(await readFile(chosen, 'utf8')).toBe('a,b');
  });

  it('the CLI export: the leftovers of its --out file', async () => {
    const plan = join(dir, 'team.rotaplan.json');
    await writeFile(plan, JSON.stringify(createSamplePlan('2026-11-27T00:00:00.000Z'), null, 2));
    const out = join(dir, 'team.md');
    await leftover(dir, 'team.md');
    const io: CliIo = { stdout: () => undefined, stderr: () => undefined, now: () => new Date() };
    expect(await runCli(['export', plan, '--format', 'md', '--out', out], io)).toBe(0);
    expect(await dotFiles(dir)).toEqual([]);
    expect(await readFile(out, 'utf8')).toMatch(/^# /);
  });
});
