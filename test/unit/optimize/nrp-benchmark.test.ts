import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../../..');

describe('bench/nrp/run.ts', () => {
  it('solves Curtois & Qu Instance1 to its proven optimum 607 and prints the JSON line last', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/nrp/run.ts',
        'test/fixtures/nrp/Instance1.txt',
        '--time-limit',
        '150',
        '--json',
      ],
      { cwd: root, timeout: 170_000 },
    );
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ instance: 'Instance1', status: 'optimal', objective: 607, bound: 607 });
    expect(typeof last.elapsedMs).toBe('number');
    // The independent checker agrees: no hard rule broken, same objective.
    expect(last.checked).toEqual({ violations: 0, objective: 607 });
  }, 180_000);

  it('refuses a missing file with exit code 1 and a usage error with 2', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/nrp/run.ts', ...args], {
        cwd: root,
      }).then(
        () => 0,
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    expect(await run(['/nonexistent/Instance9.txt'])).toEqual({
      code: 1,
      stderr: 'bench/nrp: cannot read /nonexistent/Instance9.txt: ENOENT\n',
    });
    expect(await run([])).toMatchObject({ code: 2 });
  }, 60_000);
});
