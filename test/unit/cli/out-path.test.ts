import { link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt } from '../../helpers/cli';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = join(__dirname, '../../fixtures/ics');

const run = cliAt('2026-11-27T00:00:00.000Z');

/** The first line of stderr: the one sentence before the usage text. */
const firstLine = (stderr: string) => stderr.split('\n')[0];

let dir: string;
let plan: string;
let planText: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-cli-out-');
  plan = join(dir, 'team.rotaplan.json');
  planText = `${JSON.stringify(createSamplePlan('2026-11-27T00:00:00.000Z'), null, 2)}\n`;
  await writeFile(plan, planText);
});
afterEach(() => removeDir(dir));

describe('no command writes over the plan it read', () => {
  it.each(['md', 'html', 'ics', 'csv', 'json'])(
    'export --format %s --out <the plan itself> exits 2 and leaves the plan as it was',
    async (format) => {
      const r = await run('export', plan, '--format', format, '--out', plan);
      expect(r.code).toBe(2);
      expect(firstLine(r.stderr)).toBe(
        `rotaplan export: --out must name another file: ${plan} is the file this command reads (${plan}), which stays as it is`,
      );
      expect(await readFile(plan, 'utf8')).toBe(planText);
      expect(await readdir(dir)).toEqual(['team.rotaplan.json']);
    },
  );

  it('export --format pdf --out <the plan> exits 2 before rendering anything', async () => {
    const r = await run('export', plan, '--format', 'pdf', '--out', plan);
    expect(r.code).toBe(2);
    expect(await readFile(plan, 'utf8')).toBe(planText);
  });

  it('the same plan through another spelling, a symbolic link and a hard link is refused', async () => {
    const viaLink = join(dir, 'link.rotaplan.json');
    await symlink(plan, viaLink);
    const hard = join(dir, 'hard.md');
    await link(plan, hard);
    const spelled = join(dir, '.', 'sub', '..', 'team.rotaplan.json');
    await mkdir(join(dir, 'sub'));
    for (const [input, out] of [
      [plan, spelled],
      [viaLink, plan],
      [plan, viaLink],
      [plan, hard],
    ] as const) {
      const r = await run('export', input, '--format', 'md', '--out', out);
      expect(r.code, `${input} → ${out}`).toBe(2);
      expect(firstLine(r.stderr)).toContain('--out must name another file');
    }
    expect(await readFile(plan, 'utf8')).toBe(planText);
  });

  it('optimize and import refuse --out <their input>, the .ics included', async () => {
    const ics = join(dir, 'schedule.ics');
    await writeFile(ics, await readFile(join(FIXTURES, 'pagerduty.ics')));
    const icsText = await readFile(ics, 'utf8');
    expect((await run('optimize', plan, '--strategy', 'round-robin', '--out', plan)).code).toBe(2);
    expect((await run('import', plan, '--ics', ics, '--out', plan)).code).toBe(2);
    const onIcs = await run('import', plan, '--ics', ics, '--out', ics);
    expect(onIcs.code).toBe(2);
    expect(firstLine(onIcs.stderr)).toBe(
      `rotaplan import: --out must name another file: ${ics} is the file this command reads (${ics}), which stays as it is`,
    );
    expect(await readFile(plan, 'utf8')).toBe(planText);
    expect(await readFile(ics, 'utf8')).toBe(icsText);
  });
});

describe('no export that is not a plan replaces a plan file', () => {
  it('export md over another existing .rotaplan.json exits 2 and leaves it alone', async () => {
    const other = join(dir, 'other.rotaplan.json');
    await writeFile(other, planText);
    const r = await run('export', plan, '--format', 'md', '--out', other);
    expect(r.code).toBe(2);
    expect(firstLine(r.stderr)).toBe(
      `rotaplan export: --out ${other} is a Rotaplan plan: an export never replaces a plan, name another file`,
    );
    expect(await readFile(other, 'utf8')).toBe(planText);
  });

  it('sample --out over an existing plan exits 2 and leaves it alone', async () => {
    const r = await run('sample', '--out', plan);
    expect(r.code).toBe(2);
    expect(firstLine(r.stderr)).toBe(
      `rotaplan sample: --out ${plan} is a Rotaplan plan: the sample plan never replaces a plan, name another file`,
    );
    expect(await readFile(plan, 'utf8')).toBe(planText);
  });

  it('a plan saved under another name (team.json) is recognised by its content', async () => {
    const other = join(dir, 'team.json');
    await writeFile(other, planText);
    const r = await run('export', plan, '--format', 'csv', '--out', other);
    expect(r.code).toBe(2);
    expect(await readFile(other, 'utf8')).toBe(planText);
  });

  it('an export over an existing report replaces the report (exit 0)', async () => {
    const report = join(dir, 'report.md');
    await writeFile(report, 'old report\n');
    const r = await run('export', plan, '--format', 'md', '--out', report);
    expect(r).toMatchObject({ code: 0, stderr: `Wrote md to ${report}\n` });
    expect(await readFile(report, 'utf8')).toMatch(/^# Data pipeline coverage 2027/);
  });

  it('export json and optimize may write a plan over another plan (a copy is a plan)', async () => {
    const copy = join(dir, 'copy.rotaplan.json');
    await writeFile(copy, '{}');
    expect((await run('export', plan, '--format', 'json', '--out', copy)).code).toBe(0);
    expect(JSON.parse(await readFile(copy, 'utf8'))).toEqual(JSON.parse(planText));
  });
});

describe('a bad --out gets one plain sentence naming it (exit 2)', () => {
  it.each([
    [
      'a folder',
      () => dir,
      () => `--out ${dir} is a folder: name a file inside it, such as ${dir}/report.md`,
    ],
    [
      'a missing folder',
      () => join(dir, 'nope', 'r.md'),
      () => `--out ${join(dir, 'nope', 'r.md')} is in a folder that does not exist: ${join(dir, 'nope')}`,
    ],
    ['an empty string', () => '', () => '--out is empty: name the file to write, such as report.md'],
    [
      'a path under a file',
      () => join(plan, 'r.md'),
      () => `--out ${join(plan, 'r.md')} is under ${plan}, which is a file, not a folder`,
    ],
    [
      'a path two levels under a file',
      () => join(plan, 'a', 'r.md'),
      () => `--out ${join(plan, 'a', 'r.md')} is under ${plan}, which is a file, not a folder`,
    ],
  ])('%s', async (_, out, message) => {
    for (const argv of [
      ['export', plan, '--format', 'md', '--out', out()],
      ['sample', '--out', out()],
      ['optimize', plan, '--strategy', 'round-robin', '--out', out()],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(firstLine(r.stderr)).toBe(`rotaplan ${argv[0]}: ${message()}`);
      expect(r.stderr).not.toMatch(/EISDIR|ENOENT|ENOTDIR|\.tmp/);
    }
    expect(await readFile(plan, 'utf8')).toBe(planText);
    expect(await readdir(dir)).toEqual(['team.rotaplan.json']);
  });
});

describe('negative numbers get the range message, not "argument is ambiguous" (exit 2)', () => {
  it.each([
    [
      ['simulate', 'PLAN', '--runs', '-5'],
      'rotaplan simulate: --runs expects a whole number from 1 to 1000000',
    ],
    [
      ['simulate', 'PLAN', '--seed', '-1'],
      'rotaplan simulate: --seed expects a whole number from 0 to 4294967295',
    ],
    [
      ['optimize', 'PLAN', '--time-limit', '-1'],
      'rotaplan optimize: --time-limit expects a number greater than 0 and at most 86400',
    ],
    [
      ['optimize', 'PLAN', '--gap', '-0.5'],
      'rotaplan optimize: --gap expects a number greater than 0 and at most 1',
    ],
    [
      ['export', 'PLAN', '--format', 'ics', '--reminder', '-15'],
      'rotaplan export: --reminder expects whole minutes from 0 to 10080, such as 15',
    ],
  ])('%j', async (argv, message) => {
    const r = await run(...argv.map((a) => (a === 'PLAN' ? plan : a)));
    expect(r.code).toBe(2);
    expect(firstLine(r.stderr)).toBe(message);
  });

  it('a negative number after -- stays a positional', async () => {
    const r = await run('validate', '--', '-5');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('(root): cannot read -5: ENOENT\n');
  });
});
