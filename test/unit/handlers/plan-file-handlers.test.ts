import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers, type HandlerContext } from '../../../electron/handlers/index';
import { createPlanStore } from '../../../electron/store/plan-store';
import type { LoadedPlan } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { valueOf } from '../../helpers/handlers';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 20_000 });

let dir: string;
let ctx: HandlerContext;
let dispatch: Dispatch;
let unexpected: unknown[];
const NOW = '2027-03-01T10:00:00.000Z';
const sample = () => createSamplePlan(NOW);

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-planfile-');
  const store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date(NOW),
  });
  ctx = { store, mode: 'preview', version: '0.1.0-test', userDataDir: dir };
  unexpected = [];
  dispatch = createDispatcher(createHandlers(ctx), (error) => unexpected.push(error));
  await store.load();
});
afterEach(async () => {
  expect(unexpected).toEqual([]);
  await removeDir(dir);
});

const current = () => readFile(join(dir, 'plan.rotaplan.json'));

describe('plan:openText', () => {
  it('saves a copy under plans/ with the file name, switches to it and returns it', async () => {
    const plan = { ...sample(), meta: { ...sample().meta, name: 'Team B' } };
    const loaded = valueOf<LoadedPlan>(
      await dispatch('plan:openText', { text: JSON.stringify(plan), fileName: 'team-b.rotaplan.json' }),
    );
    expect(loaded.path).toBe(join(dir, 'plans', 'team-b.rotaplan.json'));
    expect(loaded.plan.meta.name).toBe('Team B');
    expect(loaded.notice).toBeNull();
    expect(ctx.store.currentPath).toBe(loaded.path);
    expect(JSON.parse(await readFile(loaded.path, 'utf8'))).toEqual(plan);
    // The same name again gets a numbered copy; the first one is left as it was.
    const again = valueOf<LoadedPlan>(
      await dispatch('plan:openText', { text: JSON.stringify(plan), fileName: 'team-b.rotaplan.json' }),
    );
    expect(again.path).toBe(join(dir, 'plans', 'team-b 2.rotaplan.json'));
    expect(await readdir(join(dir, 'plans'))).toEqual(['team-b 2.rotaplan.json', 'team-b.rotaplan.json']);
  });

  it('migrates a version 1 fixture file and saves the copy as current', async () => {
    const text = await readFile(join(__dirname, '../../fixtures/plans/v1.rotaplan.json'), 'utf8');
    const loaded = valueOf<LoadedPlan>(
      await dispatch('plan:openText', { text, fileName: 'v1.rotaplan.json' }),
    );
    expect(loaded.path).toBe(join(dir, 'plans', 'v1.rotaplan.json'));
    expect(loaded.plan.schemaVersion).toBe(2);
  });

  it('refuses a plan from a newer Rotaplan naming its version; the open plan and its file are untouched', async () => {
    const before = await current();
    const result = await dispatch('plan:openText', {
      text: JSON.stringify({ ...sample(), schemaVersion: 7 }),
      fileName: 'future.rotaplan.json',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'newer-version',
        message:
          'future.rotaplan.json comes from a newer Rotaplan: schemaVersion: this plan was written by a newer Rotaplan (schema 7; this version reads up to 2); update Rotaplan to open it. The plan you had open is unchanged.',
        problems: [
          {
            path: 'schemaVersion',
            message:
              'this plan was written by a newer Rotaplan (schema 7; this version reads up to 2); update Rotaplan to open it',
          },
        ],
      },
    });
    expect(ctx.store.currentPath).toBe(join(dir, 'plan.rotaplan.json'));
    expect((await current()).equals(before)).toBe(true);
    await expect(readdir(join(dir, 'plans'))).rejects.toThrow();
  });

  it('refuses text that is not JSON, and a plan with a bad member, naming where', async () => {
    const cut = await dispatch('plan:openText', {
      text: '{"schemaVersion": 1, "meta": ',
      fileName: 'cut.json',
    });
    expect(cut.ok).toBe(false);
    if (!cut.ok) {
      expect(cut.error.code).toBe('invalid-plan');
      expect(cut.error.message).toBe(
        'cut.json is not valid JSON: (root): not valid JSON: the file ends too early (cut short?) after 29 characters. The plan you had open is unchanged.',
      );
    }
    const bad = sample();
    bad.members[1]!.email = 'not-an-address';
    const invalid = await dispatch('plan:openText', { text: JSON.stringify(bad), fileName: 'bad.json' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.message).toBe(
        'bad.json is not a valid plan: members[1].email: expected an e-mail address. The plan you had open is unchanged.',
      );
      expect(invalid.error.problems).toEqual([
        { path: 'members[1].email', message: 'expected an e-mail address' },
      ]);
    }
    expect(ctx.store.currentPath).toBe(join(dir, 'plan.rotaplan.json'));
  });

  it('a file name with folder parts is refused by the contract before any handler runs', async () => {
    const result = await dispatch('plan:openText', { text: '{}', fileName: '../../etc/passwd' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-payload');
  });
});

describe('plan:new', () => {
  it('writes the plan as a new file named from meta.name and switches to it; saves then go there', async () => {
    const plan = { ...sample(), meta: { ...sample().meta, name: 'Q3: "ops/infra" plan' } };
    const loaded = valueOf<LoadedPlan>(await dispatch('plan:new', { plan }));
    expect(loaded.path).toBe(join(dir, 'plans', 'Q3 ops infra plan.rotaplan.json'));
    expect(ctx.store.currentPath).toBe(loaded.path);
    const renamed = { ...plan, meta: { ...plan.meta, description: 'edited' } };
    valueOf(await dispatch('plan:save', { plan: renamed }));
    expect(JSON.parse(await readFile(loaded.path, 'utf8')).meta.description).toBe('edited');
    // The plan that was open before is untouched.
    expect(JSON.parse((await current()).toString()).meta.description).not.toBe('edited');
  });

  it('refuses an invalid plan with its JSON path and writes nothing', async () => {
    const plan = sample();
    plan.rotation.layers = [];
    const result = await dispatch('plan:new', { plan });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-plan');
      expect(result.error.problems?.[0]).toEqual({
        path: 'rotation.layers',
        message: 'a rotation needs at least one layer',
      });
    }
    await expect(readdir(join(dir, 'plans'))).rejects.toThrow();
    expect(ctx.store.currentPath).toBe(join(dir, 'plan.rotaplan.json'));
  });
});
