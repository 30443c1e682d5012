import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import type { Plan } from '../../../shared/plan/schema';

// Real git, the built CLI (`npm run build` first) started as `rotaplan` from PATH, as the drivers are configured.
vi.setConfig({ testTimeout: 90_000 });

const exec = promisify(execFile);
const cli = fileURLToPath(new URL('../../../bin/rotaplan.js', import.meta.url));
const PLAN = 'team.rotaplan.json';
const SHIFT = 'primary-2027-01-18';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-git-'));
  const bin = join(dir, '.bin');
  await mkdir(bin);
  await writeFile(join(bin, 'rotaplan'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  await chmod(join(bin, 'rotaplan'), 0o755);
  const repo = join(dir, 'repo');
  await mkdir(repo);
  env = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Lead',
    GIT_AUTHOR_EMAIL: 'lead@example.com',
    GIT_COMMITTER_NAME: 'Lead',
    GIT_COMMITTER_EMAIL: 'lead@example.com',
  };
  dir = repo;
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

/** Runs a command in the repository; resolves with its exit code and output instead of throwing. */
async function sh(file: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(file, args, { cwd: dir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const git = (...args: string[]) => sh('git', ...args);
const rotaplan = (...args: string[]) => sh('rotaplan', ...args);

async function readPlan(): Promise<Plan> {
  return JSON.parse(await readFile(join(dir, PLAN), 'utf8')) as Plan;
}
async function editPlan(change: (plan: Plan) => Plan, layout = layoutPlan): Promise<void> {
  await writeFile(join(dir, PLAN), layout(change(await readPlan())));
}
const setShift = (id: string, memberId: string) => (plan: Plan) => ({
  ...plan,
  shifts: plan.shifts.map((s) => (s.id === id ? { ...s, memberId, source: 'manual' as const } : s)),
});
async function commitAll(message: string) {
  expect((await git('commit', '-qam', message)).code).toBe(0);
}

async function setUpRepository() {
  expect((await git('init', '-q', '-b', 'main')).code).toBe(0);
  expect((await rotaplan('sample', '--out', PLAN)).code).toBe(0);
  const setup = await rotaplan('git-setup');
  expect(setup.code).toBe(0);
  expect(setup.stdout).toContain('Created .gitattributes: *.rotaplan.json merge=rotaplan diff=rotaplan');
  expect(setup.stdout).toContain('Set git config merge.rotaplan.driver = "rotaplan merge %O %A %B"');
  expect((await git('add', '.')).code).toBe(0);
  await commitAll('the plan');
}

describe('plans in git', () => {
  it('git-setup writes the attributes and both drivers once, and says so', async () => {
    await setUpRepository();
    const again = await rotaplan('git-setup', '.');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '.gitattributes already has: *.rotaplan.json merge=rotaplan diff=rotaplan',
    );
    expect(again.stdout).toContain('git config diff.rotaplan.command already "rotaplan diff"');
    expect(await readFile(join(dir, '.gitattributes'), 'utf8')).toBe(
      '*.rotaplan.json merge=rotaplan diff=rotaplan\n',
    );
    expect((await git('config', '--local', '--get', 'merge.rotaplan.driver')).stdout).toBe(
      'rotaplan merge %O %A %B\n',
    );
    expect((await git('config', '--local', '--get', 'diff.rotaplan.command')).stdout).toBe('rotaplan diff\n');
  });

  it('merges edits of different parts on two branches with plain git merge', async () => {
    await setUpRepository();
    await git('checkout', '-q', '-b', 'rename');
    await editPlan((plan) => ({
      ...plan,
      members: plan.members.map((m) => (m.id === 'maya' ? { ...m, name: 'Maya Chen-Ito' } : m)),
      ownership: plan.ownership.map((o) =>
        o.pipelineId === 'profit' ? { ...o, primaryMemberId: 'priya' } : o,
      ),
    }));
    await commitAll('rename Maya, Priya owns Profit');
    await git('checkout', '-q', 'main');
    const issue = {
      id: 'late-file',
      name: 'Late file',
      symptom: 'No file by 06:00',
      action: 'Rerun',
      escalation: 'Lead',
    };
    // This side is written by another tool as plain indented JSON: the driver merges plans, not lines.
    await editPlan(
      (plan) => ({
        ...setShift(SHIFT, 'sam')(plan),
        pipelines: plan.pipelines.map((p) =>
          p.id === 'growth' ? { ...p, commonIssues: [...p.commonIssues, issue] } : p,
        ),
      }),
      (plan) => JSON.stringify(plan, null, 2),
    );
    await commitAll('Sam takes the week of Jan 18; a common issue for Growth');
    const merge = await git('merge', '--no-edit', 'rename');
    expect(merge.code, merge.stderr).toBe(0);
    expect((await rotaplan('validate', PLAN)).code).toBe(0);
    const plan = await readPlan();
    expect(plan.members.find((m) => m.id === 'maya')!.name).toBe('Maya Chen-Ito');
    expect(plan.ownership.find((o) => o.pipelineId === 'profit')!.primaryMemberId).toBe('priya');
    expect(plan.shifts.find((s) => s.id === SHIFT)!.memberId).toBe('sam');
    expect(plan.pipelines.find((p) => p.id === 'growth')!.commonIssues.map((c) => c.id)).toContain(
      'late-file',
    );
    expect(plan.mergeConflicts).toBeUndefined();
  });

  it('stops on the same shift edited differently, leaving a valid plan that names the conflict', async () => {
    await setUpRepository();
    await git('checkout', '-q', '-b', 'theirs');
    await editPlan(setShift(SHIFT, 'maya'));
    await commitAll('Maya takes the week of Jan 18');
    await git('checkout', '-q', 'main');
    await editPlan(setShift(SHIFT, 'sam'));
    await commitAll('Sam takes the week of Jan 18');
    const merge = await git('merge', '--no-edit', 'theirs');
    expect(merge.code).not.toBe(0);
    expect(merge.stdout).toContain(`CONFLICT (content): Merge conflict in ${PLAN}`);
    expect((await rotaplan('validate', PLAN)).code).toBe(0);
    const recorded = await rotaplan('merge', '--json', PLAN);
    expect(recorded.code).toBe(1);
    const { conflicts } = JSON.parse(recorded.stdout) as { conflicts: Record<string, unknown>[] };
    expect(conflicts).toEqual([
      {
        kind: 'both-changed',
        entity: 'shift',
        id: SHIFT,
        path: `shifts[${SHIFT}].memberId`,
        message: 'both sides changed it differently',
        ours: 'sam',
        theirs: 'maya',
      },
    ]);
    // The driver's own contract, on the three versions git keeps of the file.
    const stages: [string, string][] = [
      ['1', 'base'],
      ['2', 'ours'],
      ['3', 'theirs'],
    ];
    for (const [stage, name] of stages) {
      await writeFile(join(dir, '..', name), (await git('show', `:${stage}:${PLAN}`)).stdout);
    }
    const again = await rotaplan(
      'merge',
      '--json',
      join(dir, '../base'),
      join(dir, '../ours'),
      join(dir, '../theirs'),
    );
    expect(again.code).toBe(1);
    expect((JSON.parse(again.stdout) as { conflicts: { id: string }[] }).conflicts.map((c) => c.id)).toEqual([
      SHIFT,
    ]);
  });

  it('shows a one-shift drag in git diff as a few readable lines, and as one changed line of the file', async () => {
    await setUpRepository();
    await editPlan(setShift(SHIFT, 'sam'));
    const diff = await git('diff');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain(
      'Jan 18–25 Primary: Priya Raman → Sam Okafor; source "generated" → "manual"',
    );
    expect(diff.stdout.trim().split('\n').length).toBeLessThanOrEqual(12);
    const raw = await git('diff', '--no-ext-diff', '--numstat');
    expect(raw.stdout).toBe(`1\t1\t${PLAN}\n`);
    await git('commit', '-qam', 'Sam takes the week of Jan 18');
    const log = await git('log', '-p', '-1', '--format=%s');
    expect(log.stdout).toContain(
      '-    Jan 18–25 09:00 Primary: Priya Raman\n+    Jan 18–25 09:00 Primary: Sam Okafor (manual)\n',
    );
  });
});
