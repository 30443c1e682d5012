import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../../electron/cli/main';
import { createPlanStore } from '../../../electron/store/plan-store';
import { diffPlan } from '../../../shared/plan/plan-patch';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { applyOk } from '../edits/edit-helpers';

vi.setConfig({ testTimeout: 20_000 });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-unknown-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The sample plan as another tool (or a newer Rotaplan) might have written it: keys this version does not know. */
function planWithUnknownKeys(): Json {
  const plan = JSON.parse(JSON.stringify(createSamplePlan('2027-01-01T00:00:00.000Z'))) as Json;
  plan['x-exportedBy'] = { tool: 'sheet-sync', version: 3 };
  plan.members[0].pagerHandle = '@maya-pager';
  plan.members[0].timeOff.push({
    id: 'to-1',
    start: '2027-05-03',
    end: '2027-05-07',
    kind: 'vacation',
    note: '',
    approvedBy: 'lead',
  });
  plan.pipelines[0].costCentre = 'CC-42';
  plan.pipelines[0].schedule.calendar = 'business-days';
  plan.shifts[0].ticket = 'OPS-17';
  plan.rotation.layers[0].colour = '#112233';
  plan.coverage.weights.futureWeight = 0.5;
  return plan;
}

/** Each unknown key with its value, read from a plan document. */
const unknownKeysOf = (plan: Json) => ({
  top: plan['x-exportedBy'],
  member: plan.members[0].pagerHandle,
  timeOff: plan.members[0].timeOff.find((t: Json) => t.id === 'to-1')?.approvedBy,
  pipeline: plan.pipelines[0].costCentre,
  schedule: plan.pipelines[0].schedule.calendar,
  shift: plan.shifts.find((s: Json) => s.id === 'primary-2027-01-04')?.ticket,
  layer: plan.rotation.layers[0].colour,
  weights: plan.coverage.weights.futureWeight,
});

const EXPECTED = {
  top: { tool: 'sheet-sync', version: 3 },
  member: '@maya-pager',
  timeOff: 'lead',
  pipeline: 'CC-42',
  schedule: 'business-days',
  shift: 'OPS-17',
  layer: '#112233',
  weights: 0.5,
};

async function openStore() {
  const file = join(dir, 'plan.rotaplan.json');
  const raw = planWithUnknownKeys();
  expect(raw.shifts[0].id).toBe('primary-2027-01-04');
  await writeFile(file, JSON.stringify(raw, null, 2));
  const store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date('2027-03-01T10:00:00.000Z'),
  });
  const loaded = await store.load();
  return { store, loaded, file };
}

describe('keys this version does not know survive load, edit and save', () => {
  it('at the top level, in a member, its time off, a pipeline and its schedule, a shift, a layer, the weights', async () => {
    const { store, loaded, file } = await openStore();
    expect(loaded.notice).toBeNull();
    expect(unknownKeysOf(loaded.plan as Json)).toEqual(EXPECTED);

    // Edits of the very objects that hold unknown keys.
    let plan = applyOk(loaded.plan, { kind: 'member:update', memberId: 'maya', fields: { name: 'Maya R.' } });
    plan = applyOk(plan, {
      kind: 'pipeline:update',
      pipelineId: plan.pipelines[0]!.id,
      fields: { description: 'Edited', schedule: { expression: '15 2 * * *' } },
    });
    plan = applyOk(plan, {
      kind: 'shift:swap',
      shiftId: 'primary-2027-01-04',
      otherShiftId: 'primary-2027-01-11',
    });
    plan = applyOk(plan, { kind: 'meta:rename', name: 'Renamed' });
    await store.save(plan);

    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Json;
    expect(onDisk.meta.name).toBe('Renamed');
    expect(onDisk.members[0].name).toBe('Maya R.');
    expect(onDisk.pipelines[0].schedule.expression).toBe('15 2 * * *');
    expect(unknownKeysOf(onDisk)).toEqual(EXPECTED);
  });

  it('through a patch save (the app saves patches) as well', async () => {
    const { store, loaded, file } = await openStore();
    const next = applyOk(loaded.plan, {
      kind: 'shift:swap',
      shiftId: 'primary-2027-01-04',
      otherShiftId: 'primary-2027-01-11',
    });
    await store.savePatch(loaded.revision, structuredClone(diffPlan(loaded.plan, next)));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Json;
    expect(onDisk.shifts.find((s: Json) => s.id === 'primary-2027-01-04').memberId).toBe(
      next.shifts.find((s) => s.id === 'primary-2027-01-04')!.memberId,
    );
    expect(unknownKeysOf(onDisk)).toEqual(EXPECTED);
  });

  it('rotaplan validate says valid and lists the kept keys on stderr', async () => {
    const file = join(dir, 'team.rotaplan.json');
    await writeFile(file, JSON.stringify(planWithUnknownKeys(), null, 2));
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
      now: () => new Date('2027-03-01T10:00:00.000Z'),
    };
    expect(await runCli(['validate', file], io)).toBe(0);
    expect(out.stdout).toBe(
      `${file}: valid plan "Data pipeline coverage 2027": 4 members, 5 pipelines, 104 shifts\n`,
    );
    expect(out.stderr).toBe(
      [
        'note: 8 keys this Rotaplan does not know are kept as they are:',
        '  members[0].timeOff[1].approvedBy',
        '  members[0].pagerHandle',
        '  pipelines[0].schedule.calendar',
        '  pipelines[0].costCentre',
        '  rotation.layers[0].colour',
        '  shifts[0].ticket',
        '  coverage.weights.futureWeight',
        '  x-exportedBy',
        '',
      ].join('\n'),
    );
  });
});
