import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a plan file stands in git: its branch (null outside a working tree) and whether it has uncommitted changes. */
export type PlanGitStatus = { branch: string | null; dirty: boolean };

/**
 * Asks git about the folder a plan file is in: the current branch ("HEAD" when detached shows the short commit) and
 * whether the file differs from the last commit (or is untracked). Outside a repository, or without git, the answer
 * is `{ branch: null, dirty: false }`: the title bar then shows nothing.
 */
export async function planGitStatus(planPath: string): Promise<PlanGitStatus> {
  const cwd = dirname(planPath);
  try {
    const { stdout: inside } = await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd });
    if (inside.trim() !== 'true') return { branch: null, dirty: false };
    const { stdout: head } = await run('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd });
    let branch = head.trim();
    if (branch === 'HEAD')
      branch = (await run('git', ['rev-parse', '--short', 'HEAD'], { cwd })).stdout.trim();
    const { stdout: status } = await run('git', ['status', '--porcelain', '--', basename(planPath)], { cwd });
    return { branch, dirty: status.trim() !== '' };
  } catch {
    // A fresh repository without commits has no HEAD to name: a branch of its own with the file not committed yet.
    try {
      const { stdout } = await run('git', ['symbolic-ref', '--short', 'HEAD'], { cwd });
      return { branch: stdout.trim(), dirty: true };
    } catch {
      return { branch: null, dirty: false };
    }
  }
}
