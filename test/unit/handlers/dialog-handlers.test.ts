import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NativeDialogs } from '../../../electron/handlers/context';
import { createDispatcher, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers, type HandlerContext } from '../../../electron/handlers/index';
import { createPlanStore } from '../../../electron/store/plan-store';
import type { LoadedPlan } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { valueOf } from '../../helpers/handlers';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 20_000 });

const NOW = '2027-03-01T10:00:00.000Z';
let dir: string;
let dispatch: Dispatch;
let ctx: HandlerContext;
let answers: (string | null)[];
let asked: {
  kind: 'open' | 'save' | 'folder';
  title: string;
  extensions?: string[];
  defaultPath?: string;
}[];

/** A fake of the Electron shell's dialogs: answers what the test queued, records what was asked. */
const fakeDialogs: NativeDialogs = {
  async openFile({ title, filters }) {
    asked.push({ kind: 'open', title, extensions: filters.flatMap((f) => f.extensions) });
    return answers.shift() ?? null;
  },
  async saveFile({ title, defaultPath, filters }) {
    asked.push({ kind: 'save', title, defaultPath, extensions: filters.flatMap((f) => f.extensions) });
    return answers.shift() ?? null;
  },
  async chooseFolder({ title, defaultPath }) {
    asked.push({ kind: 'folder', title, defaultPath });
    return answers.shift() ?? null;
  },
};

function setup(dialogs: NativeDialogs | undefined) {
  const store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date(NOW),
  });
  ctx = { store, mode: dialogs ? 'electron' : 'preview', version: 't', userDataDir: dir, dialogs };
  dispatch = createDispatcher(createHandlers(ctx), (e) => {
    throw e;
  });
  return store.load();
}

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-dialogs-');
  answers = [];
  asked = [];
});
afterEach(() => removeDir(dir));

describe('dialog handlers with native dialogs', () => {
  it('dialog:openPlan opens the picked file through the store; null on cancel', async () => {
    await setup(fakeDialogs);
    const other = join(dir, 'other.rotaplan.json');
    const plan = createSamplePlan(NOW);
    plan.meta.name = 'Other team';
    await writeFile(other, JSON.stringify(plan));
    answers.push(other);
    const loaded = valueOf<LoadedPlan>(await dispatch('dialog:openPlan', {}));
    expect(loaded.path).toBe(other);
    expect(loaded.plan.meta.name).toBe('Other team');
    expect(ctx.store.currentPath).toBe(other);
    expect(asked).toEqual([{ kind: 'open', title: 'Open a plan', extensions: ['json', '*'] }]);
    expect(valueOf(await dispatch('dialog:openPlan', {}))).toBeNull();
    expect(ctx.store.currentPath).toBe(other);
  });

  it('dialog:openPlan on a newer-version file is refused and the open plan stays', async () => {
    await setup(fakeDialogs);
    const future = join(dir, 'future.rotaplan.json');
    await writeFile(future, JSON.stringify({ ...createSamplePlan(NOW), schemaVersion: 3 }));
    answers.push(future);
    const result = await dispatch('dialog:openPlan', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('newer-version');
      expect(result.error.message).toContain('schema 3');
    }
    expect(ctx.store.currentPath).toBe(join(dir, 'plan.rotaplan.json'));
  });

  it('dialog:saveAs writes the current plan where the user chose, proposing a copy beside it', async () => {
    await setup(fakeDialogs);
    const target = join(dir, 'elsewhere', 'copy');
    answers.push(target);
    const saved = valueOf<{ path: string }>(await dispatch('dialog:saveAs', {}));
    expect(saved.path).toBe(`${target}.rotaplan.json`);
    expect(asked[0]).toEqual({
      kind: 'save',
      title: 'Save the plan as',
      defaultPath: join(dir, 'plan copy.rotaplan.json'),
      extensions: ['json', '*'],
    });
    expect(JSON.parse(await readFile(saved.path, 'utf8'))).toEqual(createSamplePlan(NOW));
    expect(valueOf(await dispatch('dialog:saveAs', {}))).toBeNull();
  });

  it('dialog:openIcs reads the picked schedule as UTF-8 text; refuses junk with the problem named', async () => {
    await setup(fakeDialogs);
    const fixtures = join(__dirname, '../../fixtures/ics');
    answers.push(join(fixtures, 'pagerduty.ics'));
    const picked = valueOf<{ fileName: string; text: string }>(await dispatch('dialog:openIcs', {}));
    expect(picked.fileName).toBe('pagerduty.ics');
    expect(picked.text).toBe(await readFile(join(fixtures, 'pagerduty.ics'), 'utf8'));
    expect(asked[0]!.extensions).toEqual(['ics', 'ical', 'icalendar', '*']);

    answers.push(join(fixtures, 'junk-utf16.ics'));
    expect(await dispatch('dialog:openIcs', {})).toEqual({
      ok: false,
      error: {
        code: 'io',
        message:
          'junk-utf16.ics cannot be imported: the file is UTF-16 text; iCalendar files are UTF-8 (save it again as UTF-8).',
      },
    });
    answers.push(join(fixtures, 'junk-invalid-utf8.ics'));
    const bad = await dispatch('dialog:openIcs', {});
    expect(bad.ok === false && bad.error.message).toBe(
      'junk-invalid-utf8.ics cannot be imported: the file is not valid UTF-8 text; iCalendar files are UTF-8.',
    );
  });

  it('dialog:openIcs refuses a file over 20 MB without reading it, and a missing file', async () => {
    await setup(fakeDialogs);
    const big = join(dir, 'big.ics');
    await writeFile(big, Buffer.alloc(20 * 1024 * 1024 + 10, 0x41));
    answers.push(big, join(dir, 'gone.ics'));
    const tooBig = await dispatch('dialog:openIcs', {});
    expect(tooBig.ok === false && tooBig.error.message).toBe(
      'big.ics is 20.0 MB; schedule files over 20 MB are refused.',
    );
    const missing = await dispatch('dialog:openIcs', {});
    expect(missing.ok === false && missing.error.message).toBe(
      `Could not read ${join(dir, 'gone.ics')}: ENOENT`,
    );
    expect(valueOf(await dispatch('dialog:openIcs', {}))).toBeNull();
  });
});

describe('dialog:chooseFolder', () => {
  it('starts in the current export folder and answers the picked folder; null on cancel', async () => {
    await setup(fakeDialogs);
    const picked = join(dir, 'On-call reports');
    answers.push(picked);
    expect(valueOf(await dispatch('dialog:chooseFolder', {}))).toEqual({ path: picked });
    // No preference yet: the exports folder in the data folder.
    expect(asked).toEqual([
      { kind: 'folder', title: 'Choose the export folder', defaultPath: join(dir, 'exports') },
    ]);
    await writeFile(join(dir, 'preferences.json'), JSON.stringify({ exportDir: '/srv/reports' }));
    expect(valueOf(await dispatch('dialog:chooseFolder', {}))).toBeNull();
    expect(asked[1]).toEqual({
      kind: 'folder',
      title: 'Choose the export folder',
      defaultPath: '/srv/reports',
    });
  });

  it('refuses a payload with fields it does not know, without opening a dialog', async () => {
    await setup(fakeDialogs);
    const result = await dispatch('dialog:chooseFolder', { path: '/etc' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bad-payload');
    expect(asked).toEqual([]);
  });
});

describe('dialog handlers without native dialogs (the preview)', () => {
  it.each(['dialog:openPlan', 'dialog:saveAs', 'dialog:openIcs', 'dialog:chooseFolder'])(
    '%s answers unsupported',
    async (channel) => {
      await setup(undefined);
      expect(await dispatch(channel, {})).toEqual({
        ok: false,
        error: {
          code: 'unsupported',
          message: 'Native file dialogs exist only in the desktop app; use the file picker.',
        },
      });
    },
  );
});
