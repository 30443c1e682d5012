import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt, lastJson } from '../../helpers/cli';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Publishes both sample plans to Grafana OnCall, Opsgenie and GoAlert through the CLI and real files, then checks
// a hand-edited file as a CI job would.

vi.setConfig({ testTimeout: 180_000 });

const run = cliAt('2026-12-06T00:00:00.000Z');

type Summary = {
  target: string;
  files: string[];
  verified: boolean;
  differingMinutes: number;
  layers: number;
  overrides: number;
};

let dir: string;
const plans: Record<string, string> = {};
const maps: Record<string, string[]> = {};

beforeAll(async () => {
  dir = await makeTempDir('rotaplan-publish-more-');
  plans.sample = join(dir, 'weekly.rotaplan.json');
  plans['follow-the-sun'] = join(dir, 'fts.rotaplan.json');
  expect((await run('sample', '--out', plans.sample)).code).toBe(0);
  expect((await run('sample', '--variant', 'follow-the-sun', '--out', plans['follow-the-sun'])).code).toBe(0);
  for (const [name, file] of Object.entries(plans)) {
    const members = (JSON.parse(await readFile(file, 'utf8')) as { members: { id: string; email: string }[] })
      .members;
    maps[name] = members.flatMap((m) => ['--map', `${m.email}=GA-${m.id}`]);
  }
});
afterAll(async () => {
  await removeDir(dir);
});

const cases = [
  ['terraform-grafana-oncall', ['main.tf'], false],
  ['terraform-opsgenie', ['main.tf', 'overrides.json'], false],
  ['goalert', ['schedules.graphql', 'rotaplan-users.json'], true],
] as const;

// [rotations, overrides] of each target: Opsgenie cuts its rotations at each offset change,
// so a year of follow-the-sun turns stays rotations and only the real deviations become overrides.
const figures: Record<(typeof cases)[number][0], Record<string, [number, number]>> = {
  'terraform-grafana-oncall': { sample: [2, 11], 'follow-the-sun': [12, 35] },
  'terraform-opsgenie': { sample: [2, 7], 'follow-the-sun': [70, 35] },
  // GoAlert writes a schedule per region's zone, so only the swapped days are overrides (each in two schedules).
  goalert: { sample: [2, 7], 'follow-the-sun': [12, 70] },
};

describe.each(cases)('rotaplan publish --target %s', (target, files, needsIds) => {
  it.each(['sample', 'follow-the-sun'])(
    'publishes the %s plan verified with 0 differing minutes',
    async (name) => {
      const out = join(dir, `${target}-${name}`);
      const ids = needsIds ? maps[name]! : [];
      const result = await run('publish', plans[name]!, '--target', target, '--out', out, ...ids, '--json');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const summary = lastJson<Summary>(result.stdout);
      expect(summary.target).toBe(target);
      expect(summary.verified).toBe(true);
      expect(summary.differingMinutes).toBe(0);
      expect([summary.layers, summary.overrides]).toEqual(figures[target][name]);
      expect(summary.files.map((f) => f.split(/[\\/]/).at(-1))).toEqual(files);
      const check = await run('publish', plans[name]!, '--target', target, '--check', out, ...ids, '--json');
      expect(check.code).toBe(0);
    },
  );

  it('--check reports a hand edit that changes one user and exits 1', async () => {
    const out = join(dir, `${target}-edit`);
    const ids = needsIds ? maps.sample! : [];
    expect((await run('publish', plans.sample!, '--target', target, '--out', out, ...ids)).code).toBe(0);
    const file = join(out, files[0]);
    const text = await readFile(file, 'utf8');
    const edited = needsIds
      ? text.replace('userIDs: ["GA-sam"', 'userIDs: ["GA-maya"')
      : text.replace(/(grafana_oncall_user|opsgenie_user)\.maya\.id/, '$1.sam.id');
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    const check = await run('publish', plans.sample!, '--target', target, '--check', out, ...ids, '--json');
    expect(check.code).toBe(1);
    const summary = lastJson<Summary>(check.stdout);
    expect(summary.verified).toBe(false);
    expect(summary.differingMinutes).toBeGreaterThan(0);
  });
});
