import { cliAt } from '../../helpers/cli';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { writePlanFile } from '../../helpers/temp-dir';

// The CLI loads a command's modules when it first runs it, so that first run counts its imports too.
vi.setConfig({ testTimeout: 20_000 });

const run = cliAt('2026-11-27T00:00:00Z');

const sampleFile = async () =>
  (
    await writePlanFile(
      createSamplePlan('2026-11-27T00:00:00.000Z'),
      'rotaplan-simulate-',
      'sample.rotaplan.json',
    )
  ).file;

describe('rotaplan simulate', () => {
  it('prints byte-identical JSON for the same seed, apart from elapsedMs', async () => {
    const file = await sampleFile();
    const one = await run('simulate', file, '--runs', '200', '--seed', '1', '--json');
    const two = await run('simulate', file, '--runs', '200', '--seed', '1', '--json');
    expect(one.code).toBe(0);
    const strip = (text: string) => text.replace(/"elapsedMs": \d+/, '"elapsedMs": 0');
    expect(strip(two.stdout)).toBe(strip(one.stdout));
    const json = JSON.parse(one.stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['runs', 'seed', 'members', 'pipelines', 'elapsedMs']),
    );
    expect([json.runs, json.seed]).toEqual([200, 1]);
    expect(json.members.map((m: { id: string }) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
    expect(Object.keys(json.members[0].pages).sort()).toEqual(['mean', 'p50', 'p95']);
    expect(Object.keys(json.members[0].nightPages).sort()).toEqual(['mean', 'p95']);
    expect(json.pipelines.map((p: { id: string }) => p.id)).toEqual([
      'profit',
      'growth',
      'engagement',
      'agg-exec',
      'agg-exp',
    ]);
    expect(typeof json.pipelines[0].incidents.mean).toBe('number');
    expect(typeof json.pipelines[0].slaBreachProbability).toBe('number');
    const other = await run('simulate', file, '--runs', '200', '--seed', '2', '--json');
    expect(strip(other.stdout)).not.toBe(strip(one.stdout));
  });

  it('prints tables without --json', async () => {
    const { code, stdout } = await run('simulate', await sampleFile(), '--runs', '50');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Monte Carlo incidents — 50 runs, seed 1, 2027-01-04 to 2028-01-03/);
    expect(stdout).toMatch(/Maya Chen\s+\d+\.\d/);
    expect(stdout).toMatch(/Aggregated \(Executives & investors\)\s+0\.50/);
  });

  it('refuses bad --runs and --seed with exit 2', async () => {
    const file = await sampleFile();
    for (const [flag, value] of [
      ['runs', '0'],
      ['runs', 'many'],
      ['seed', '-1'],
      ['seed', '4294967296'],
    ] as const) {
      const result = await run('simulate', file, `--${flag}=${value}`);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--${flag} expects a whole number`);
    }
  });
});
