import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/index';
import { StoreError } from '../../../electron/store/store-error';
import { comparePlans } from '../../../electron/store/compare-plans';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { PlanPatch } from '../../../shared/plan/plan-patch';
import type { Plan } from '../../../shared/plan/schema';

vi.setConfig({ testTimeout: 20_000 });

let dir: string;
let now: Date;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-conflict-'));
  now = new Date('2027-03-01T10:00:00.000Z');
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

const makeStore = () =>
  createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan, now: () => now });
const planPath = () => join(dir, 'plan.rotaplan.json');
const named = (plan: Plan, name: string): Plan => ({ ...plan, meta: { ...plan.meta, name } });
const readPlan = async (path: string): Promise<Plan> => JSON.parse(await readFile(path, 'utf8'));

/** A store whose file another program changed after the load: theirs renames Diego; mine renames Priya. */
async function conflicted() {
  const store = makeStore();
  const { plan } = await store.load();
  const theirs = structuredClone(plan);
  theirs.members[1]!.name = 'Diego (their edit)';
  theirs.meta.name = 'Edited on the other laptop';
  const theirsText = `${JSON.stringify(theirs, null, 4)}\n`;
  await writeFile(planPath(), theirsText);
  const mine = structuredClone(plan);
  mine.members[2]!.name = 'Priya (my edit)';
  const refused = await store.save(mine).then(
    () => null,
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(StoreError);
  expect((refused as StoreError).code).toBe('conflict');
  return { store, mine, theirs, theirsText };
}

describe('the ways out of a save conflict', () => {
  it('keep mine: writes my plan as a dated copy beside the file, continues there, leaves theirs untouched', async () => {
    const { store, mine, theirsText } = await conflicted();
    now = new Date('2027-03-01T10:05:30.250Z');
    const outcome = await store.keepMineAsCopy(mine);
    const copy = join(dir, 'plan (my copy 2027-03-01T10-05-30Z).rotaplan.json');
    expect(outcome).toEqual({
      path: copy,
      revision: expect.stringMatching(/^[0-9a-f]{16}$/),
      savedAt: '2027-03-01T10:05:30.250Z',
    });
    expect(store.currentPath).toBe(copy);
    expect(await readPlan(copy)).toEqual(mine);
    expect(await readFile(planPath(), 'utf8')).toBe(theirsText);
    // The next save goes to the copy, and is not taken for a conflict.
    await store.save(named(mine, 'mine, later'));
    expect((await readPlan(copy)).meta.name).toBe('mine, later');
    expect(await readFile(planPath(), 'utf8')).toBe(theirsText);
  });

  it('keep mine never overwrites: a taken name gets a number, and a copy of a copy keeps both', async () => {
    const { store, mine } = await conflicted();
    const taken = join(dir, 'plan (my copy 2027-03-01T10-00-00Z).rotaplan.json');
    await writeFile(taken, 'a file someone else put there');
    const first = await store.keepMineAsCopy(mine);
    expect(first.path).toBe(join(dir, 'plan (my copy 2027-03-01T10-00-00Z 2).rotaplan.json'));
    expect(await readFile(taken, 'utf8')).toBe('a file someone else put there');
    // Another program changes the copy too: keeping mine again copies the copy.
    await writeFile(first.path, JSON.stringify(named(mine, 'changed again'), null, 4));
    const second = await store.keepMineAsCopy(named(mine, 'mine again'));
    expect(second.path).toBe(
      join(dir, 'plan (my copy 2027-03-01T10-00-00Z 2) (my copy 2027-03-01T10-00-00Z).rotaplan.json'),
    );
    expect((await readPlan(first.path)).meta.name).toBe('changed again');
    expect((await readPlan(second.path)).meta.name).toBe('mine again');
  });

  it('keep mine refuses an invalid plan with its paths, writing nothing', async () => {
    const { store, mine } = await conflicted();
    const bad = structuredClone(mine);
    bad.members[0]!.email = 'nope';
    const error = await store.keepMineAsCopy(bad).then(
      () => null,
      (e: unknown) => e as StoreError,
    );
    expect(error?.code).toBe('invalid-plan');
    expect(error?.problems).toEqual([{ path: 'members[0].email', message: 'expected an e-mail address' }]);
    expect((await readdir(dir)).filter((f) => f.includes('my copy'))).toEqual([]);
    expect(store.currentPath).toBe(planPath());
  });

  it('reload: reads their version, and saving after it is not a conflict', async () => {
    const { store, theirs } = await conflicted();
    const loaded = await store.reload();
    expect(loaded.plan).toEqual(theirs);
    expect(loaded.path).toBe(planPath());
    await store.save(named(theirs, 'theirs, then mine'));
    expect((await readPlan(planPath())).meta.name).toBe('theirs, then mine');
  });

  it('reload refuses a file the other program left broken, and keeps the open plan', async () => {
    const store = makeStore();
    await store.load();
    await writeFile(planPath(), '{ "schemaVersion": 1, "meta": {');
    const error = await store.reload().then(
      () => null,
      (e: unknown) => e as StoreError,
    );
    expect(error?.code).toBe('invalid-plan');
    expect(error?.message).toContain('The plan you had open is unchanged.');
    expect(await readFile(planPath(), 'utf8')).toBe('{ "schemaVersion": 1, "meta": {');
  });

  it('compare: counts, members and pipelines by name, shifts by number, and the other sections that differ', async () => {
    const { store, mine } = await conflicted();
    const comparison = await store.compareWithDisk(mine);
    expect(comparison).toEqual({
      path: planPath(),
      theirsStatus: 'valid',
      mine: {
        name: 'Data pipeline coverage 2027',
        updatedAt: mine.meta.updatedAt,
        members: 4,
        pipelines: 5,
        shifts: 104,
      },
      theirs: {
        name: 'Edited on the other laptop',
        updatedAt: mine.meta.updatedAt,
        members: 4,
        pipelines: 5,
        shifts: 104,
      },
      members: { onlyMine: [], onlyTheirs: [], changed: ['Diego Alvarez', 'Priya (my edit)'] },
      pipelines: { onlyMine: [], onlyTheirs: [], changed: [] },
      shifts: { onlyMine: 0, onlyTheirs: 0, changed: 0 },
      otherSections: ['meta'],
    });
  });

  it('compare when the file is gone or unreadable: says why, and everything is "only mine"', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    await writeFile(planPath(), 'not json');
    const unreadable = await store.compareWithDisk(plan);
    expect(unreadable.theirsStatus).toBe('unreadable');
    expect(unreadable.theirsProblem).toMatch(
      /^.+plan\.rotaplan\.json is not a plan Rotaplan can read: \(root\): not valid JSON/,
    );
    expect(unreadable.theirsProblem?.startsWith(planPath())).toBe(true);
    expect(unreadable.theirs).toBeNull();
    expect(unreadable.members.onlyMine).toEqual(plan.members.map((m) => m.name));
    expect(unreadable.shifts).toEqual({ onlyMine: 104, onlyTheirs: 0, changed: 0 });
    await rm(planPath());
    const missing = await store.compareWithDisk(plan);
    expect(missing.theirsStatus).toBe('missing');
    expect(missing.theirsProblem).toBe(`${planPath()} no longer exists.`);
  });

  it('through IPC: the conflict channels reach the store and validate their payloads', async () => {
    const { store, mine } = await conflicted();
    const dispatch = createDispatcher(
      createHandlers({ store, mode: 'preview', version: 't', userDataDir: dir }),
      () => {
        throw new Error('no handler may fail unexpectedly');
      },
    );
    expect(await dispatch('conflict:compare', { plan: mine })).toMatchObject({
      ok: true,
      value: { otherSections: ['meta'] },
    });
    expect(await dispatch('conflict:keepMine', { plan: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'bad-payload', problems: [{ path: 'plan' }] },
    });
    expect(await dispatch('conflict:reload', { force: true })).toMatchObject({
      ok: false,
      error: { code: 'bad-payload', problems: [{ path: 'force', message: 'unknown key' }] },
    });
    expect(await dispatch('conflict:keepMine', { plan: mine })).toMatchObject({
      ok: true,
      value: { path: join(dir, 'plan (my copy 2027-03-01T10-00-00Z).rotaplan.json') },
    });
  });
});

describe('comparePlans', () => {
  it('names members and pipelines added, removed and changed on each side, and counts shifts', () => {
    const base = createSamplePlan('2027-03-01T10:00:00.000Z');
    const mine = structuredClone(base);
    const theirs = structuredClone(base);
    mine.members.push({ ...mine.members[0]!, id: 'lena', name: 'Lena Park' });
    theirs.pipelines = theirs.pipelines.filter((p) => p.id !== 'growth');
    theirs.pipelines[0]!.description = 'rewritten';
    mine.shifts = mine.shifts.slice(2);
    mine.shifts[0] = { ...mine.shifts[0]!, note: 'swapped with Maya' };
    theirs.rotation = { ...theirs.rotation, shiftLengthDays: 14 };
    const comparison = comparePlans('/plans/p.rotaplan.json', mine, theirs);
    const growth = base.pipelines.find((p) => p.id === 'growth')!.name;
    expect(comparison.members).toEqual({ onlyMine: ['Lena Park'], onlyTheirs: [], changed: [] });
    expect(comparison.pipelines).toEqual({
      onlyMine: [growth],
      onlyTheirs: [],
      changed: [base.pipelines[0]!.name],
    });
    expect(comparison.shifts).toEqual({ onlyMine: 0, onlyTheirs: 2, changed: 1 });
    expect(comparison.otherSections).toEqual(['rotation']);
  });
});

describe('a store that has not read the file never writes over it', () => {
  it('a save without a known revision (a fresh start) is a conflict; the file stays byte for byte', async () => {
    const { plan } = await makeStore().load();
    const theirsText = `${JSON.stringify(named(plan, 'Written while Rotaplan was closed'), null, 4)}\n`;
    await writeFile(planPath(), theirsText);
    const fresh = makeStore();
    const refused = await fresh.save(named(plan, 'Mine')).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe('conflict');
    expect((refused as StoreError).message).toBe(
      `Rotaplan has not read ${planPath()} since it started, so it does not write over it. Your changes were not written; reload the file or save yours as a copy.`,
    );
    expect(await readFile(planPath(), 'utf8')).toBe(theirsText);
    // Nor as a patch: it has no base to apply one to.
    await expect(
      fresh.savePatch('0123456789abcdef', {
        rest: {} as PlanPatch['rest'],
        upsert: [],
        remove: [],
        shiftCount: 0,
      }),
    ).rejects.toMatchObject({ code: 'stale-base' });
    expect(await readFile(planPath(), 'utf8')).toBe(theirsText);
  });

  it('with the revision the app last saw: saved when the file still is it, a conflict when not', async () => {
    const loaded = await makeStore().load();
    const saved = await makeStore().save(named(loaded.plan, 'Mine after a restart'), loaded.revision);
    expect((await readPlan(planPath())).meta.name).toBe('Mine after a restart');
    // The store now knows what it wrote: the next save needs no revision from the app.
    const theirsText = `${JSON.stringify(named(loaded.plan, 'Theirs'), null, 4)}\n`;
    await writeFile(planPath(), theirsText);
    const restarted = makeStore();
    await expect(restarted.save(named(loaded.plan, 'Mine again'), saved.revision)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await readFile(planPath(), 'utf8')).toBe(theirsText);
    // Reloading (the dialog's way out) gives a base; saving after it is not a conflict.
    await restarted.reload();
    await restarted.save(named(loaded.plan, 'Mine after reloading'));
    expect((await readPlan(planPath())).meta.name).toBe('Mine after reloading');
  });

  it('with no file at all a fresh store writes one', async () => {
    const plan = createSamplePlan('2027-03-01T10:00:00.000Z');
    await makeStore().save(named(plan, 'First'));
    expect((await readPlan(planPath())).meta.name).toBe('First');
  });
});
