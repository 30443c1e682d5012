import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

// docs/ci.md's check, run as written: the script of its "The check" section in a real git repository, with
// `rotaplan` on the PATH being this checkout's built CLI. The GitHub and GitLab jobs must carry the same script.
vi.setConfig({ testTimeout: 60_000 });

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The lines of a script without their indentation, so a copy inside YAML compares equal to the original. */
const lines = (script: string) =>
  script
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

async function documentedScript(): Promise<string> {
  const doc = await readFile(join(root, 'docs/ci.md'), 'utf8');
  return doc.match(/## The check[\s\S]*?```sh\n([\s\S]*?)```/)![1]!;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('docs/ci.md', () => {
  it('puts the same check into the GitHub Actions and the GitLab CI job', async () => {
    const doc = await readFile(join(root, 'docs/ci.md'), 'utf8');
    const script = lines(await documentedScript());
    for (const heading of ['## GitHub Actions', '## GitLab CI']) {
      const yaml = doc.slice(doc.indexOf(heading)).match(/```yaml\n([\s\S]*?)```/)![1]!;
      const body = lines(yaml);
      const at = body.indexOf(script[0]!);
      expect(body.slice(at, at + script.length)).toEqual(script);
      expect(yaml).toContain('npm install --global --omit=dev --no-audit --no-fund "$ROTAPLAN_TGZ"');
    }
  });

  it('checks every tracked plan, in any folder, and fails after listing each problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotaplan-ci-doc-'));
    try {
      // `rotaplan` on the PATH: this checkout's built CLI, as `npm install -g` would put it there.
      const bin = join(dir, 'bin');
      await mkdir(bin);
      await writeFile(
        join(bin, 'rotaplan'),
        `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'bin/rotaplan.js'))} "$@"\n`,
      );
      await chmod(join(bin, 'rotaplan'), 0o755);
      const repo = join(dir, 'repo');
      await mkdir(join(repo, 'teams', 'data eng'), { recursive: true });
      const sample = `${JSON.stringify(createSamplePlan('2026-11-27T00:00:00.000Z'), null, 2)}\n`;
      await writeFile(join(repo, 'root.rotaplan.json'), sample);
      await writeFile(join(repo, 'teams', 'data eng', 'team.rotaplan.json'), sample);
      await writeFile(join(repo, 'teams', 'cut.rotaplan.json'), sample.slice(0, 3000));
      await writeFile(join(repo, 'untracked.rotaplan.json'), 'not a plan');
      await writeFile(join(dir, 'check.sh'), await documentedScript());
      expect((await run('git', ['init', '-q'], repo)).code).toBe(0);
      expect((await run('git', ['add', 'root.rotaplan.json', 'teams'], repo)).code).toBe(0);

      const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
      const failing = await run('bash', [join(dir, 'check.sh')], repo, env);
      expect(failing.code).toBe(1);
      expect(failing.stdout.match(/^== .*$/gm)).toEqual([
        '== root.rotaplan.json',
        '== teams/cut.rotaplan.json',
        '== teams/data eng/team.rotaplan.json',
      ]);
      expect(failing.stdout).toContain('teams/data eng/team.rotaplan.json: valid plan');
      expect(failing.stderr).toMatch(/^\(root\): not valid JSON/m);
      expect(failing.stdout).toMatch(/Checked 3 plan file\(s\)\n$/);

      expect((await run('git', ['rm', '-q', '--cached', 'teams/cut.rotaplan.json'], repo)).code).toBe(0);
      const passing = await run('bash', [join(dir, 'check.sh')], repo, env);
      expect(passing.stderr).toBe('');
      expect(passing.code).toBe(0);
      expect(passing.stdout).toMatch(/Checked 2 plan file\(s\)\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    }
  });
});
