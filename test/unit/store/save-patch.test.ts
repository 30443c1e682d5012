import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/index';
import { createPlanStore } from '../../../electron/store/plan-store';
import type { PlanEdit } from '../../../shared/plan/edits';
import { diffPlan } from '../../../shared/plan/plan-patch';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { applyOk, EDIT_NOW } from '../edits/edit-helpers';
import { refusal } from './refusal';

vi.setConfig({ testTimeout: 20_000 });

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(
    dirs.splice(0).map((d) => rm(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })),
  );
});

async function makeStore() {
  const dir = await mkdtemp(join(tmpdir(), 'rotaplan-patch-'));
  dirs.push(dir);
  const store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date('2027-03-01T10:00:00.000Z'),
  });
  const loaded = await store.load();
  return { store, loaded, file: join(dir, 'plan.rotaplan.json') };
}

const swap: PlanEdit = {
  kind: 'shift:swap',
  shiftId: 'primary-2027-03-01',
  otherShiftId: 'primary-2027-03-08',
};
const move: PlanEdit = {
  kind: 'shift:move',
  shiftId: 'secondary-2027-04-05',
  start: '2027-04-06T16:00:00Z',
  end: '2027-04-12T16:00:00Z',
};

describe('plan store: saving a patch', () => {
  it('writes the same file, byte for byte, and the same revision as saving the whole plan, twice in a row', async () => {
    const whole = await makeStore();
    const patched = await makeStore();
    expect(patched.loaded.revision).toBe(whole.loaded.revision);

    const first = applyOk(whole.loaded.plan, swap);
    const savedWhole = await whole.store.save(first);
    // As over IPC: the patch is a structured clone, never the renderer's own objects.
    const savedPatch = await patched.store.savePatch(
      patched.loaded.revision,
      structuredClone(diffPlan(patched.loaded.plan, first)),
    );
    expect(savedPatch).toEqual({ ...savedWhole, path: patched.file });
    expect(await readFile(patched.file, 'utf8')).toBe(await readFile(whole.file, 'utf8'));

    const second = applyOk(first, move);
    const patch = diffPlan(first, second);
    expect(patch.upsert.map((s) => s.id)).toEqual(['secondary-2027-03-29', 'secondary-2027-04-05']);
    const againWhole = await whole.store.save(second);
    const againPatch = await patched.store.savePatch(savedPatch.revision, structuredClone(patch));
    expect(againPatch.revision).toBe(againWhole.revision);
    const text = await readFile(patched.file, 'utf8');
    expect(text).toBe(await readFile(whole.file, 'utf8'));
    const onDisk = JSON.parse(text) as Plan;
    expect(onDisk.shifts.find((s) => s.id === 'secondary-2027-04-05')).toMatchObject({
      start: '2027-04-06T16:00:00Z',
      end: '2027-04-12T16:00:00Z',
      source: 'override',
    });
    expect(onDisk.meta.updatedAt).toBe(EDIT_NOW);
  });

  it('refuses a patch against another revision with stale-base and leaves the file as it was', async () => {
    const { store, loaded, file } = await makeStore();
    const before = await readFile(file, 'utf8');
    const next = applyOk(loaded.plan, swap);
    const error = await refusal(store.savePatch('0123456789abcdef', diffPlan(loaded.plan, next)));
    expect(error.code).toBe('stale-base');
    expect(error.message).toBe(
      `The plan's revision is ${loaded.revision}, not 0123456789abcdef that the changes were made against; send the whole plan. The file on disk is unchanged.`,
    );
    expect(await readFile(file, 'utf8')).toBe(before);

    // A whole save moves the revision on: a patch made against the load is stale now.
    await store.save(applyOk(loaded.plan, { kind: 'meta:rename', name: 'Saved whole' }));
    const saved = await readFile(file, 'utf8');
    expect((await refusal(store.savePatch(loaded.revision, diffPlan(loaded.plan, next)))).code).toBe(
      'stale-base',
    );
    expect(await readFile(file, 'utf8')).toBe(saved);
  });

  it('refuses with stale-base before any plan was loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotaplan-patch-'));
    dirs.push(dir);
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    const plan = createSamplePlan('2027-03-01T10:00:00.000Z');
    const error = await refusal(store.savePatch('0123456789abcdef', diffPlan(plan, plan)));
    expect(error.code).toBe('stale-base');
  });

  it('still refuses as a conflict when another program changed the file', async () => {
    const { store, loaded, file } = await makeStore();
    const theirs = structuredClone(loaded.plan);
    theirs.meta.name = 'Edited on the other laptop';
    const theirsText = JSON.stringify(theirs, null, 4);
    await writeFile(file, theirsText);
    const next = applyOk(loaded.plan, swap);
    const error = await refusal(store.savePatch(loaded.revision, diffPlan(loaded.plan, next)));
    expect(error.code).toBe('conflict');
    expect(await readFile(file, 'utf8')).toBe(theirsText);
  });

  it('refuses a patch that makes the plan invalid with the JSON path, and leaves the file as it was', async () => {
    const { store, loaded, file } = await makeStore();
    const before = await readFile(file, 'utf8');
    const next = applyOk(loaded.plan, swap);
    const patch = structuredClone(diffPlan(loaded.plan, next));
    patch.upsert[1] = { ...patch.upsert[1]!, memberId: 'nobody' };
    const index = next.shifts.findIndex((s) => s.id === 'primary-2027-03-08');
    expect(index).toBe(9);
    const error = await refusal(store.savePatch(loaded.revision, patch));
    expect(error.code).toBe('invalid-plan');
    expect(error.problems).toContainEqual({ path: 'shifts[9].memberId', message: expect.any(String) });
    expect(error.message).toMatch(
      /^The plan was not saved: shifts\[9\]\.memberId: .*The file on disk is unchanged\.$/,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a patch that does not fit the saved plan, naming why, and leaves the file as it was', async () => {
    const { store, loaded, file } = await makeStore();
    const before = await readFile(file, 'utf8');
    const patch = diffPlan(loaded.plan, loaded.plan);
    const error = await refusal(
      store.savePatch(loaded.revision, { ...patch, remove: ['primary-2031-01-06'], shiftCount: 103 }),
    );
    expect(error.code).toBe('invalid-plan');
    expect(error.message).toBe(
      'The plan was not saved: the shift "primary-2031-01-06" to remove is not in the saved plan. The file on disk is unchanged.',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('plan:savePatch through the dispatcher', () => {
  it('saves a good patch and refuses a shift without an id with bad-payload and its path', async () => {
    const { store, loaded, file } = await makeStore();
    const unexpected: string[] = [];
    const dispatch = createDispatcher(
      createHandlers({ store, mode: 'preview', version: '0.1.0-test', userDataDir: '/tmp' }),
      (error, channel) => unexpected.push(`${channel}: ${String(error)}`),
    );
    const next = applyOk(loaded.plan, swap);
    const patch = JSON.parse(JSON.stringify(diffPlan(loaded.plan, next))) as Record<string, unknown>;
    const bad = await dispatch('plan:savePatch', {
      baseRevision: loaded.revision,
      patch: { ...patch, upsert: [{ memberId: 'maya' }] },
    });
    expect(bad).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'bad-payload',
        problems: [{ path: 'patch.upsert[0].id', message: expect.any(String) }],
      }),
    });
    const good = await dispatch('plan:savePatch', { baseRevision: loaded.revision, patch });
    expect(good).toEqual({
      ok: true,
      value: {
        path: file,
        revision: expect.stringMatching(/^[0-9a-f]{16}$/),
        savedAt: '2027-03-01T10:00:00.000Z',
      },
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(next);
    expect(unexpected).toEqual([]);
  });
});
