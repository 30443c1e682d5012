import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appHandlers } from '../../../electron/handlers/app-handlers';
import { createDispatcher, mergeHandlers, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers, type HandlerContext } from '../../../electron/handlers/index';
import { planHandlers } from '../../../electron/handlers/plan-handlers';
import { refHandlers } from '../../../electron/handlers/ref-handlers';
import { createPlanStore } from '../../../electron/store/plan-store';
import type { HolidayCountry, LoadedPlan } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { valueOf } from '../../helpers/handlers';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Real files and (for the CLI) real processes: generous limits so a busy CI machine does not fail them.
vi.setConfig({ testTimeout: 20_000 });

let dir: string;
let ctx: HandlerContext;
let dispatch: Dispatch;
let unexpected: { error: unknown; channel: string }[];

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-handlers-');
  const store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date('2027-03-01T10:00:00.000Z'),
  });
  ctx = { store, mode: 'preview', version: '0.1.0-test', userDataDir: dir };
  unexpected = [];
  dispatch = createDispatcher(createHandlers(ctx), (error, channel) => unexpected.push({ error, channel }));
});
afterEach(() => removeDir(dir));

describe('the dispatcher refuses what it cannot trust', () => {
  it('refuses an unknown channel', async () => {
    expect(await dispatch('plan:delete', {})).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'There is no IPC channel called "plan:delete".' },
    });
  });

  it('refuses a channel named like an object property', async () => {
    expect(await dispatch('constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses a payload of the wrong type, naming its path', async () => {
    expect(await dispatch('plan:open', { path: 5 })).toEqual({
      ok: false,
      error: {
        code: 'bad-payload',
        message: 'Refused plan:open: path: Invalid input: expected string, received number',
        problems: [{ path: 'path', message: 'Invalid input: expected string, received number' }],
      },
    });
  });

  it('refuses extra keys on a strict schema, naming each key', async () => {
    expect(await dispatch('plan:open', { path: '/tmp/x.rotaplan.json', mode: 'w', force: true })).toEqual({
      ok: false,
      error: {
        code: 'bad-payload',
        message: 'Refused plan:open: mode: unknown key; force: unknown key',
        problems: [
          { path: 'mode', message: 'unknown key' },
          { path: 'force', message: 'unknown key' },
        ],
      },
    });
  });

  it('refuses a payload that is not an object', async () => {
    const result = await dispatch('plan:save', 'a plan');
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
    expect(result.ok ? [] : result.error.problems).toEqual([
      { path: '(root)', message: 'Invalid input: expected object, received string' },
    ]);
  });

  it('refuses a backup id that could leave the backups folder', async () => {
    const result = await dispatch('plan:restoreBackup', { id: '../plan.rotaplan.json' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-payload', problems: [{ path: 'id', message: 'not a backup id' }] },
    });
  });

  it("translates a store's coded error into the contract's error, not an internal one", async () => {
    await dispatch('plan:load', {});
    expect(await dispatch('plan:restoreBackup', { id: 'no-such-backup.json' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no backup called no-such-backup.json.' },
    });
    expect(unexpected).toEqual([]);
  });

  it('refuses an invalid plan with its problems, and the file stays as it was', async () => {
    const { plan } = valueOf<LoadedPlan>(await dispatch('plan:load', {}));
    const before = await readFile(join(dir, 'plan.rotaplan.json'));
    const bad = structuredClone(plan);
    bad.members[1]!.email = 'nope';
    bad.ownership[0]!.primaryMemberId = 'ghost';
    const result = await dispatch('plan:save', { plan: bad });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    expect(result.ok ? [] : result.error.problems).toEqual([
      { path: 'members[1].email', message: 'expected an e-mail address' },
      { path: 'ownership[0].primaryMemberId', message: 'no team member has id "ghost"' },
    ]);
    expect(await readFile(join(dir, 'plan.rotaplan.json'))).toEqual(before);
  });

  it('refuses a plan from a newer version with code newer-version', async () => {
    const { plan } = valueOf<LoadedPlan>(await dispatch('plan:load', {}));
    const result = await dispatch('plan:save', { plan: { ...plan, schemaVersion: 99 } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'newer-version', problems: [{ path: 'schemaVersion' }] },
    });
  });

  it('turns a handler crash into code internal and reports it', async () => {
    const handlers = {
      ...createHandlers(ctx),
      'app:info': async () => Promise.reject(new Error('disk on fire')),
    };
    const crashing = createDispatcher(handlers, (error, channel) => unexpected.push({ error, channel }));
    expect(await crashing('app:info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'app:info failed unexpectedly: disk on fire' },
    });
    expect(unexpected.map((u) => u.channel)).toEqual(['app:info']);
  });
});

describe('a round trip through the dispatcher', () => {
  it('loads the sample, saves an edit and loads it back; app:info names the file', async () => {
    const first = valueOf<LoadedPlan>(await dispatch('plan:load', undefined));
    expect(first.notice?.kind).toBe('first-run');
    const edited = { ...first.plan, meta: { ...first.plan.meta, name: 'Renamed over IPC' } };
    const saved = valueOf<{ path: string }>(await dispatch('plan:save', { plan: edited }));
    expect(saved.path).toBe(join(dir, 'plan.rotaplan.json'));
    const again = valueOf<LoadedPlan>(await dispatch('plan:load', {}));
    expect(again.plan).toEqual(edited);
    expect(again.notice).toBeNull();
    expect(JSON.parse(await readFile(saved.path, 'utf8'))).toEqual(edited);
    expect(await dispatch('app:info', {})).toEqual({
      ok: true,
      value: {
        version: '0.1.0-test',
        mode: 'preview',
        planPath: saved.path,
        userDataDir: dir,
        tz: { tzdata: process.versions.tz, icu: process.versions.icu },
      },
    });
    expect(unexpected).toEqual([]);
  });

  it('lists date-holidays regions: the US with California', async () => {
    const countries = valueOf<HolidayCountry[]>(await dispatch('ref:holidayRegions', {}));
    const us = countries.find((c) => c.code === 'US');
    expect(us?.name).toBe('United States of America');
    expect(us?.subdivisions).toContainEqual({ code: 'CA', name: 'California' });
    expect(countries.find((c) => c.code === 'CA')?.subdivisions).toContainEqual({
      code: 'BC',
      name: 'British Columbia',
    });
  });
});

describe('mergeHandlers', () => {
  it('throws on a channel handled twice', () => {
    expect(() => mergeHandlers(appHandlers(ctx), planHandlers(ctx), refHandlers(), appHandlers(ctx))).toThrow(
      'IPC channel app:info has two handlers',
    );
  });

  it('throws on channels left without a handler, naming them', () => {
    expect(() => mergeHandlers(appHandlers(ctx), refHandlers())).toThrow(
      'IPC channels without a handler: plan:load, plan:save, plan:savePatch, plan:open, plan:saveAs, plan:backups, plan:restoreBackup',
    );
  });

  it('merges the domain groups into one map with every channel', () => {
    expect(Object.keys(createHandlers(ctx)).sort()).toEqual([
      'app:gitStatus',
      'app:info',
      'conflict:compare',
      'conflict:keepMine',
      'conflict:reload',
      'dialog:chooseFolder',
      'dialog:openIcs',
      'dialog:openPlan',
      'dialog:saveAs',
      'export:pdf',
      'export:save',
      'optimize:cancel',
      'optimize:start',
      'optimize:status',
      'pay:compare',
      'pay:priceAt',
      'pay:report',
      'plan:backups',
      'plan:load',
      'plan:new',
      'plan:open',
      'plan:openText',
      'plan:restoreBackup',
      'plan:save',
      'plan:saveAs',
      'plan:savePatch',
      'prefs:get',
      'prefs:set',
      'publish:run',
      'publish:targets',
      'ref:holidayRegions',
      'ref:zoneOffsets',
    ]);
  });
});
