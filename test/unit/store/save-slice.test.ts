import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/index';
import { createPlanStore, type PlanStore } from '../../../electron/store/plan-store';
import { api } from '../../../renderer/src/api/api';
import { useAppStore } from '../../../renderer/src/store/store';
import { CHANNELS, splitChannel } from '../../../shared/ipc/channels';
import type { RotaplanApi } from '../../../shared/ipc/contract';
import type { PlanEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

vi.setConfig({ testTimeout: 20_000 });

let dir: string;
let store: PlanStore;
/** Every channel the renderer called, with the payload as main received it. */
let calls: { channel: string; payload: Record<string, unknown> }[];
const planFile = () => join(dir, 'plan.rotaplan.json');
const onDisk = async (path = planFile()): Promise<Plan> => JSON.parse(await readFile(path, 'utf8')) as Plan;

/**
 * The preload bridge over the real dispatcher, handlers and plan store, with payloads and answers structured-cloned
 * as Electron's IPC does: the renderer never shares an object with main.
 */
function bridge(): RotaplanApi {
  const dispatch = createDispatcher(
    createHandlers({ store, mode: 'preview', version: '0.1.0-test', userDataDir: dir }),
    (error) => {
      throw error;
    },
  );
  const api: Record<string, Record<string, (payload: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const { domain, verb } = splitChannel(channel);
    api[domain] ??= {};
    api[domain][verb] = async (payload) => {
      const received = structuredClone(payload) as Record<string, unknown>;
      calls.push({ channel, payload: received });
      return structuredClone(await dispatch(channel, received));
    };
  }
  return api as unknown as RotaplanApi;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-save-slice-'));
  store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date('2027-03-01T10:00:00.000Z'),
  });
  calls = [];
  globalThis.rotaplan = bridge();
  useAppStore.setState({ plan: null, savedBase: null, conflict: null, saveStatus: 'saved', saveError: null });
  await useAppStore.getState().loadPlan();
  calls = [];
});
afterEach(async () => {
  globalThis.rotaplan = undefined;
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

const state = () => useAppStore.getState();

function editOk(edit: PlanEdit) {
  const result = state().edit(edit);
  if (!result.ok) throw new Error(`edit refused: ${result.reason}`);
}

describe('the save slice sends patches after the first load', () => {
  it('load sets the base; an edit is saved as a patch of the two changed shifts, and the file is the plan', async () => {
    const loaded = await onDisk();
    expect(state().savedBase?.plan).toBe(state().plan);
    editOk({ kind: 'shift:swap', shiftId: 'primary-2027-03-01', otherShiftId: 'primary-2027-03-08' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch']);
    const patch = calls[0]!.payload.patch as {
      upsert: { id: string }[];
      remove: string[];
      shiftCount: number;
    };
    expect(patch.upsert.map((s) => s.id)).toEqual(['primary-2027-03-01', 'primary-2027-03-08']);
    expect(patch.remove).toEqual([]);
    expect(patch.shiftCount).toBe(104);
    expect(state().saveStatus).toBe('saved');
    expect(await onDisk()).toEqual(state().plan);
    expect((await onDisk()).shifts.find((s) => s.id === 'primary-2027-03-01')?.memberId).not.toBe(
      loaded.shifts.find((s) => s.id === 'primary-2027-03-01')?.memberId,
    );
    expect(state().savedBase?.plan).toBe(state().plan);

    // The next save is a patch against the revision the first returned; undo goes back to the loaded shifts.
    state().undo();
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch', 'plan:savePatch']);
    expect((await onDisk()).shifts).toEqual(loaded.shifts);
    expect(state().saveStatus).toBe('saved');
  });

  it('a base main no longer holds (kept as a copy meanwhile) falls back to the whole plan, written where main is', async () => {
    const kept = await store.keepMineAsCopy({
      ...state().plan!,
      meta: { ...state().plan!.meta, name: 'Copy' },
    });
    editOk({ kind: 'meta:rename', name: 'Renamed after the copy' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch', 'plan:save']);
    expect(state().saveStatus).toBe('saved');
    expect((await onDisk(kept.path)).meta.name).toBe('Renamed after the copy');
    // The whole save gave a new base: the save after it is a patch again.
    editOk({ kind: 'meta:rename', name: 'And once more' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch', 'plan:save', 'plan:savePatch']);
    expect((await onDisk(kept.path)).meta.name).toBe('And once more');
  });

  it('a file changed by another program is a conflict, as before: no whole-plan retry, their file untouched', async () => {
    const theirs = JSON.stringify({
      ...(await onDisk()),
      meta: { ...(await onDisk()).meta, name: 'Theirs' },
    });
    await writeFile(planFile(), theirs);
    editOk({ kind: 'meta:rename', name: 'Mine' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch']);
    expect(state().saveStatus).toBe('failed');
    expect(state().conflict?.message).toBe(
      `${planFile()} was changed by another program since Rotaplan read it. Your changes were not written; reload the file or save yours as a copy.`,
    );
    expect(await readFile(planFile(), 'utf8')).toBe(theirs);
  });

  it('a plan opened from another file brings its own base: the next save patches that file', async () => {
    const other = join(dir, 'other.rotaplan.json');
    const otherPlan = { ...(await onDisk()), meta: { ...(await onDisk()).meta, name: 'Other team' } };
    await writeFile(other, JSON.stringify(otherPlan, null, 2));
    state().replacePlan(await api.plan.open({ path: other }));
    expect(state().savedBase?.plan).toBe(state().plan);
    calls = [];
    editOk({ kind: 'shift:reassign', shiftId: 'secondary-2027-05-03', memberId: 'maya' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch']);
    const saved = await onDisk(other);
    expect(saved.meta.name).toBe('Other team');
    expect(saved.shifts.find((s) => s.id === 'secondary-2027-05-03')).toMatchObject({
      memberId: 'maya',
      source: 'override',
    });
    expect(saved).toEqual(state().plan);
  });

  it('after a restart of main (a store that has read nothing), an unchanged file takes the save', async () => {
    const before = await readFile(planFile(), 'utf8');
    const seen = state().savedBase!.revision;
    store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    globalThis.rotaplan = bridge();
    editOk({ kind: 'meta:rename', name: 'Saved after the restart' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch', 'plan:save']);
    // The whole plan goes with the revision the app last saw: the file still is that revision.
    expect(calls[1]!.payload.baseRevision).toBe(seen);
    expect(state().saveStatus).toBe('saved');
    expect((await onDisk()).meta.name).toBe('Saved after the restart');
    expect(await readFile(planFile(), 'utf8')).not.toBe(before);
  });

  it('after a restart of main, a file another program wrote meanwhile is a conflict, not overwritten', async () => {
    const theirs = JSON.stringify({
      ...(await onDisk()),
      meta: { ...(await onDisk()).meta, name: 'Theirs' },
    });
    store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    globalThis.rotaplan = bridge();
    await writeFile(planFile(), theirs);
    editOk({ kind: 'meta:rename', name: 'Mine' });
    await state().saveNow();
    expect(calls.map((c) => c.channel)).toEqual(['plan:savePatch', 'plan:save']);
    expect(state().saveStatus).toBe('failed');
    expect(state().conflict?.message).toBe(
      `${planFile()} was changed by another program since Rotaplan read it. Your changes were not written; reload the file or save yours as a copy.`,
    );
    expect(await readFile(planFile(), 'utf8')).toBe(theirs);
  });
});
