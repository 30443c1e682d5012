import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliArguments, runCliInApp } from '../../../electron/main/cli-mode';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { recorded } from './fake-electron';

// The electron module replaced at its boundary (test/unit/electron/fake-electron.ts): the shell's calls are
// recorded; the CLI behind `--cli` is the real one, reading a real plan file.
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

// Importing the whole main graph takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let plan: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-app-cli-'));
  recorded.userData = dir;
  plan = join(dir, 'team.rotaplan.json');
  await writeFile(plan, JSON.stringify(createSamplePlan('2026-11-27T00:00:00.000Z')));
});
afterAll(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
afterEach(() => vi.restoreAllMocks());

/** Captures what the process writes to stdout and stderr while `work` runs. */
async function captured(work: () => Promise<void>) {
  const out = { stdout: '', stderr: '' };
  const capture = (key: 'stdout' | 'stderr') =>
    vi.spyOn(process[key], 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out[key] += String(chunk);
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write);
  capture('stdout');
  capture('stderr');
  await work();
  vi.restoreAllMocks();
  return out;
}

describe('cliArguments', () => {
  it.each([
    [
      ['/opt/Rotaplan/rotaplan', '--cli', 'validate', 'p.rotaplan.json'],
      ['validate', 'p.rotaplan.json'],
    ],
    [
      ['/usr/lib/electron/electron', '.', '--cli', 'analyze', 'p.json', '--json'],
      ['analyze', 'p.json', '--json'],
    ],
    [['C:\\Rotaplan\\Rotaplan.exe', '--cli'], []],
    [['/opt/Rotaplan/rotaplan', 'p.rotaplan.json'], null],
    [['/opt/Rotaplan/rotaplan'], null],
  ])('%j gives %j', (argv, expected) => {
    expect(cliArguments(argv)).toEqual(expected);
  });
});

describe('runCliInApp', () => {
  it('exits the app with the command exit code after its output', async () => {
    const exits: number[] = [];
    const usage = await captured(() => runCliInApp(['frobnicate'], { exit: (code) => exits.push(code) }));
    expect(usage.stderr).toMatch(/^rotaplan: unknown command "frobnicate"\n/);
    const version = await captured(() => runCliInApp(['--version'], { exit: (code) => exits.push(code) }));
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(version).toEqual({ stdout: `${(pkg as { version: string }).version}\n`, stderr: '' });
    expect(exits).toEqual([2, 0]);
  });
});

describe('the main process started with --cli', () => {
  it('runs the command and exits with its code, with no window and no single-instance lock', async () => {
    const argv = process.argv;
    process.argv = ['/opt/Rotaplan/rotaplan', '--cli', 'validate', plan];
    try {
      const out = await captured(async () => {
        await import('../../../electron/main/index');
        await vi.waitFor(() => expect(recorded.exits).toEqual([0]), { timeout: 20_000 });
      });
      expect(out).toEqual({
        stdout: `${plan}: valid plan "Data pipeline coverage 2027": 4 members, 5 pipelines, 104 shifts\n`,
        stderr: '',
      });
    } finally {
      process.argv = argv;
    }
    expect(recorded.windows).toEqual([]);
    expect(recorded.singleInstanceRequests).toBe(0);
    expect(recorded.appListeners.size).toBe(0);
    expect(recorded.ready).toBeNull();
  });
});
