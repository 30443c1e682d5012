import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt, lastJson } from '../../helpers/cli';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Publishes the sample plans and checks the written files as a CI job would: through the CLI and real files.

vi.setConfig({ testTimeout: 120_000 });

const run = cliAt('2026-12-06T00:00:00.000Z');

type Summary = {
  target: string;
  files: string[];
  schedules: number | null;
  layers: number | null;
  overrides: number | null;
  verified: boolean;
  differingMinutes: number;
};

let dir: string;
let weekly: string;
let fts: string;
let maps: string[];
let ftsMaps: string[];
const mapsFor = async (file: string) =>
  (JSON.parse(await readFile(file, 'utf8')) as { members: { id: string; email: string }[] }).members.flatMap(
    (m) => ['--map', `${m.email}=PD-${m.id}`],
  );

beforeAll(async () => {
  dir = await makeTempDir('rotaplan-publish-');
  weekly = join(dir, 'weekly.rotaplan.json');
  fts = join(dir, 'fts.rotaplan.json');
  expect((await run('sample', '--out', weekly)).code).toBe(0);
  expect((await run('sample', '--variant', 'follow-the-sun', '--out', fts)).code).toBe(0);
  maps = await mapsFor(weekly);
  ftsMaps = await mapsFor(fts);
});
afterAll(async () => {
  await removeDir(dir);
});

describe('rotaplan publish --target pagerduty', () => {
  it('writes schedule and override bodies that PagerDuty expands to exactly the sample plan', async () => {
    const out = join(dir, 'pd');
    const result = await run('publish', weekly, '--target', 'pagerduty', '--out', out, ...maps, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lastJson<Summary>(result.stdout)).toEqual({
      target: 'pagerduty',
      files: ['schedules/primary.json', 'schedules/secondary.json', 'overrides.json', 'rotaplan-users.json'],
      schedules: 2,
      layers: 2,
      overrides: 7,
      verified: true,
      differingMinutes: 0,
    });
    const primary = JSON.parse(await readFile(join(out, 'schedules', 'primary.json'), 'utf8'));
    expect(primary.schedule.time_zone).toBe('America/Los_Angeles');
    expect(primary.schedule.schedule_layers[0]).toMatchObject({
      start: '2027-01-04T09:00:00-08:00',
      rotation_virtual_start: '2027-01-04T09:00:00-08:00',
      rotation_turn_length_seconds: 604800,
      users: [
        { user: { id: 'PD-maya', type: 'user_reference' } },
        { user: { id: 'PD-diego', type: 'user_reference' } },
        { user: { id: 'PD-priya', type: 'user_reference' } },
        { user: { id: 'PD-sam', type: 'user_reference' } },
      ],
    });
    const checked = await run('publish', weekly, '--target', 'pagerduty', '--check', out, ...maps, '--json');
    expect(checked.code).toBe(0);
    expect(lastJson<Summary>(checked.stdout)).toMatchObject({ verified: true, differingMinutes: 0 });
    // The ids publish used are kept beside the files, so a CI job can --check without repeating --map.
    expect(JSON.parse(await readFile(join(out, 'rotaplan-users.json'), 'utf8')).users).toEqual({
      'maya.chen@pacificinfra.example': 'PD-maya',
      'diego.alvarez@pacificinfra.example': 'PD-diego',
      'priya.raman@pacificinfra.example': 'PD-priya',
      'sam.okafor@pacificinfra.example': 'PD-sam',
    });
    const bare = await run('publish', weekly, '--target', 'pagerduty', '--check', out, '--json');
    expect(bare.code).toBe(0);
    expect(lastJson<Summary>(bare.stdout)).toEqual({
      target: 'pagerduty',
      files: ['overrides.json', 'schedules/primary.json', 'schedules/secondary.json'],
      schedules: null,
      layers: null,
      overrides: null,
      verified: true,
      differingMinutes: 0,
    });
    await writeFile(join(out, 'rotaplan-users.json'), '{"users": {"maya.chen@pacificinfra.example": 7}}');
    const broken = await run('publish', weekly, '--target', 'pagerduty', '--check', out);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('rotaplan-users.json: "users" must map each e-mail to a user id');
  });

  it('--check reports a changed layer user and a moved override, and exits 1', async () => {
    const out = join(dir, 'pd-edited');
    expect((await run('publish', weekly, '--target', 'pagerduty', '--out', out, ...maps)).code).toBe(0);
    const schedulePath = join(out, 'schedules', 'primary.json');
    const schedule = JSON.parse(await readFile(schedulePath, 'utf8'));
    schedule.schedule.schedule_layers[0].users[1].user.id = 'PD-sam';
    await writeFile(schedulePath, JSON.stringify(schedule));
    const layerOnly = await run(
      'publish',
      weekly,
      '--target',
      'pagerduty',
      '--check',
      out,
      ...maps,
      '--json',
    );
    expect(layerOnly.code).toBe(1);
    expect(layerOnly.stdout).toContain('Not verified');
    // Diego's regular weeks (the second turn of four) now page Sam, apart from those the overrides replace.
    expect(layerOnly.stdout).toMatch(
      /Primary, Mon 2027-01-11 09:00 to Mon 2027-01-18 09:00 \(America\/Los_Angeles\): the plan has Diego Alvarez on call, the tool would page Sam Okafor/,
    );
    const overridesPath = join(out, 'overrides.json');
    const overrides = JSON.parse(await readFile(overridesPath, 'utf8'));
    const first = overrides.overrides[0].body.override;
    first.end = first.end.replace(/T09:00/, 'T21:00');
    await writeFile(overridesPath, JSON.stringify(overrides));
    schedule.schedule.schedule_layers[0].users[1].user.id = 'PD-diego';
    await writeFile(schedulePath, JSON.stringify(schedule));
    const overrideOnly = await run(
      'publish',
      weekly,
      '--target',
      'pagerduty',
      '--check',
      out,
      ...maps,
      '--json',
    );
    expect(overrideOnly.code).toBe(1);
    expect(lastJson<Summary>(overrideOnly.stdout)).toMatchObject({
      verified: false,
      differingMinutes: 12 * 60,
    });
  });

  it('names the members without a PagerDuty user id and writes nothing', async () => {
    const out = join(dir, 'pd-unmapped');
    const result = await run('publish', weekly, '--target', 'pagerduty', '--out', out, ...maps.slice(0, 2));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'no PagerDuty user id for Diego Alvarez (--map diego.alvarez@pacificinfra.example=ID)',
    );
    await expect(readdir(out)).rejects.toThrow();
  });

  it('verifies the follow-the-sun sample with no differing minute', async () => {
    const out = join(dir, 'pd-fts');
    const result = await run('publish', fts, '--target', 'pagerduty', '--out', out, ...ftsMaps, '--json');
    expect(result.code).toBe(0);
    expect(lastJson<Summary>(result.stdout)).toMatchObject({
      schedules: 2,
      verified: true,
      differingMinutes: 0,
    });
  });
});

describe('rotaplan publish --target terraform-pagerduty', () => {
  it('writes main.tf and overrides.json that verify on both samples, and --check catches an edited user', async () => {
    const out = join(dir, 'tf');
    const result = await run('publish', weekly, '--target', 'terraform-pagerduty', '--out', out, '--json');
    expect(result.code).toBe(0);
    expect(lastJson<Summary>(result.stdout)).toEqual({
      target: 'terraform-pagerduty',
      files: ['main.tf', 'overrides.json'],
      schedules: 2,
      layers: 2,
      overrides: 7,
      verified: true,
      differingMinutes: 0,
    });
    const mainTf = await readFile(join(out, 'main.tf'), 'utf8');
    expect(mainTf).toContain('data "pagerduty_user" "maya" {\n  email = "maya.chen@pacificinfra.example"\n}');
    expect(mainTf).toContain('resource "pagerduty_schedule" "primary" {');
    expect((await run('publish', weekly, '--target', 'terraform-pagerduty', '--check', out)).code).toBe(0);
    await writeFile(
      join(out, 'main.tf'),
      mainTf.replace(
        'users                        = [data.pagerduty_user.maya.id,',
        'users                        = [data.pagerduty_user.sam.id,',
      ),
    );
    const edited = await run('publish', weekly, '--target', 'terraform-pagerduty', '--check', out);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('the plan has Maya Chen on call, the tool would page Sam Okafor');

    const ftsOut = join(dir, 'tf-fts');
    const ftsResult = await run('publish', fts, '--target', 'terraform-pagerduty', '--out', ftsOut, '--json');
    expect(ftsResult.code).toBe(0);
    expect(lastJson<Summary>(ftsResult.stdout)).toMatchObject({ verified: true, differingMinutes: 0 });
  });

  it('names a broken main.tf instead of verifying it', async () => {
    const out = join(dir, 'tf-broken');
    expect((await run('publish', weekly, '--target', 'terraform-pagerduty', '--out', out)).code).toBe(0);
    const mainTf = await readFile(join(out, 'main.tf'), 'utf8');
    await writeFile(
      join(out, 'main.tf'),
      mainTf.replace('rotation_turn_length_seconds = 604800', 'rotation_turn_length_seconds = "weekly"'),
    );
    const result = await run('publish', weekly, '--target', 'terraform-pagerduty', '--check', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'main.tf: resource.pagerduty_schedule.primary[0].layer[0].rotation_turn_length_seconds',
    );
  });
});

describe('rotaplan publish usage', () => {
  it.each([
    [['--out', 'x'], 'publish needs --target'],
    [['--target', 'pagerdooty', '--out', 'x'], 'unknown publish target "pagerdooty"'],
    [['--target', 'pagerduty'], 'exactly one of --out DIR'],
    [['--target', 'pagerduty', '--out', 'x', '--check', 'y'], 'exactly one of --out DIR'],
    [['--target', 'pagerduty', '--out', 'x', '--map', 'maya'], '--map expects EMAIL=ID'],
  ])('exits 2 naming the problem for %j', async (args, message) => {
    const result = await run('publish', weekly, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
