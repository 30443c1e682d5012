import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt } from '../../helpers/cli';
import { findLayerOverlaps } from '../../../shared/plan/layer-overlaps';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 30_000 });

const run = cliAt('2027-02-01T00:00:00.000Z');

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-cli-overlaps-');
});
afterEach(() => removeDir(dir));

describe('overlapping shifts on a layer', () => {
  it('rotaplan validate names each overlapping shift by path and exits 1', async () => {
    const plan = createSamplePlan('2027-01-01T00:00:00.000Z');
    // The second Primary shift (2027-01-11 → 01-18) now starts a day early, inside the first one.
    expect(plan.shifts[1]).toMatchObject({ id: 'primary-2027-01-11', start: '2027-01-11T17:00:00Z' });
    plan.shifts[1] = { ...plan.shifts[1]!, start: '2027-01-10T17:00:00Z' };
    const file = join(dir, 'team.rotaplan.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    expect(await run('validate', file)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'shifts[1]: overlaps shifts[0] ("primary-2027-01-04") on the Primary layer from 2027-01-10T17:00:00Z to 2027-01-11T17:00:00Z: a layer holds one person at a time\n',
    });
  });

  it('rotaplan import of a daily repeating 7-day event says it trimmed the overlaps and writes a plan without them', async () => {
    const file = join(dir, 'team.rotaplan.json');
    await writeFile(file, JSON.stringify(createSamplePlan('2027-01-01T00:00:00.000Z'), null, 2));
    const out = join(dir, 'imported.rotaplan.json');
    const ics = join(__dirname, '../../fixtures/ics/daily-repeating-week.ics');
    const r = await run('import', file, '--ics', ics, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Note: 365 entries overlap others on their layer (365 on Primary), and a layer holds one person at a time: 365 now start when the one before ends.\n',
    );
    expect(r.stdout).toContain('with 366 imported shifts.');
    const written = JSON.parse(await readFile(out, 'utf8')) as Plan;
    expect(findLayerOverlaps(written.shifts)).toEqual([]);
    expect((await run('validate', out)).code).toBe(0);
  });
});
