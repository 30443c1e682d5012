import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

  it('runs every InstanceN.txt of a folder with --all and prints the table, and names a missing folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrp-all-'));
    try {
      // Three nurses, seven days, cover 2 a day: 204 is the optimum found by enumeration in roster-milp.test.ts.
      await writeFile(
        join(dir, 'Instance99.txt'),
        [
          'SECTION_HORIZON',
          '7',
          'SECTION_SHIFTS',
          'D,480,',
          'SECTION_STAFF',
          'A,D=7,1920,1440,3,2,2,1',
          'B,D=7,1920,1440,3,2,2,1',
          'C,D=7,1920,1440,3,2,2,1',
          'SECTION_DAYS_OFF',
          'C,2',
          'SECTION_SHIFT_ON_REQUESTS',
          'A,0,D,5',
          'SECTION_SHIFT_OFF_REQUESTS',
          'B,6,D,4',
          'SECTION_COVER',
          ...Array.from({ length: 7 }, (_, d) => `${d},D,2,100,1`),
          '',
        ].join('\r\n'),
      );
      await writeFile(join(dir, 'notes.txt'), 'not an instance');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'bench/nrp/run.ts', '--all', '--dir', dir, '--time-limit', '60', '--json'],
        { cwd: root, timeout: 90_000 },
      );
      const lines = stdout.trim().split('\n');
      expect(JSON.parse(lines[0]!)).toMatchObject({
        instance: 'Instance99',
        status: 'optimal',
        objective: 204,
        bound: 204,
        gap: 0,
        bestKnown: null,
        checked: { violations: 0, objective: 204 },
      });
      expect(lines.at(-1)).toMatch(
        /^Instance99 +optimal +204 +204 +0\.00 % +- +- +[\d.]+ s +[\d.]+ s 0 broken$/,
      );

      const missing = join(dir, 'absent');
      const failed = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'bench/nrp/run.ts', '--all', '--dir', missing],
        { cwd: root },
      ).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`bench/nrp: the instance folder ${missing} is missing`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
