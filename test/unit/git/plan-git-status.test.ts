import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { planGitStatus } from '../../../electron/git/plan-git-status';

vi.setConfig({ testTimeout: 30_000 });
const exec = promisify(execFile);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-git-status-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('planGitStatus', () => {
  it('names nothing outside a git working tree', async () => {
    await writeFile(join(dir, 'p.rotaplan.json'), '{}\n');
    expect(await planGitStatus(join(dir, 'p.rotaplan.json'))).toEqual({ branch: null, dirty: false });
  });

  it('names the branch, and whether the plan differs from the last commit', async () => {
    const git = (...args: string[]) =>
      exec('git', ['-c', 'user.name=Lead', '-c', 'user.email=lead@example.com', ...args], { cwd: dir });
    await git('init', '-q', '-b', 'plans');
    const plan = join(dir, 'p.rotaplan.json');
    await writeFile(plan, '{}\n');
    await git('add', '.');
    await git('commit', '-qm', 'plan');
    expect(await planGitStatus(plan)).toEqual({ branch: 'plans', dirty: false });
    await writeFile(plan, '{"changed": true}\n');
    expect(await planGitStatus(plan)).toEqual({ branch: 'plans', dirty: true });
  });
});
