import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../../../electron/browser/find-browser';

// What a user gets from `npm pack` and `npm install -g` with production dependencies only: the packed tarball is
// installed into a temp prefix and every command runs through the installed `rotaplan`, as a CI job would run it.
// npm may reach the registry for the dependencies (its cache is tried first), hence the generous limits.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(root, 'test/fixtures/ics', name);
const isWindows = process.platform === 'win32';

type Run = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    // npm and the installed command are .cmd shims on Windows, which only a shell runs.
    execFile(
      command,
      args,
      { cwd, timeout: 240_000, maxBuffer: 64 * 1024 * 1024, shell: isWindows },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
let rotaplan: string;
let plan: string;
const cli = (...args: string[]) => run(rotaplan, args, dir);

beforeAll(async () => {
  // `npm test` builds before it tests; packing an unbuilt tree would ship no CLI at all.
  if (!existsSync(join(root, 'out/cli/main.js'))) {
    throw new Error('out/cli/main.js is missing: run `npm run build` before this test');
  }
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-install-'));
  // --ignore-scripts: prepack would rebuild out/cli while other test files run the CLI from it.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  const prefix = join(dir, 'prefix');
  const install = await run(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      join(dir, filename),
      '--omit=dev',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    dir,
  );
  if (install.code !== 0) throw new Error(`npm install -g failed:\n${install.stderr}`);
  rotaplan = isWindows ? join(prefix, 'rotaplan.cmd') : join(prefix, 'bin', 'rotaplan');
  plan = join(dir, 'team.rotaplan.json');
  const sample = await cli('sample', '--out', plan);
  if (sample.code !== 0) throw new Error(`rotaplan sample failed:\n${sample.stderr}`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('the packed and installed rotaplan', () => {
  it('installs the bundle and the runtime dependencies, without the build and test tools', async () => {
    const installed = join(dir, 'prefix', isWindows ? '' : 'lib', 'node_modules', 'rotaplan');
    expect(existsSync(join(installed, 'out/cli/main.js'))).toBe(true);
    expect(existsSync(join(installed, 'electron'))).toBe(false);
    const modules = await readdir(join(installed, 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(['zod', 'date-holidays', 'highs', 'temporal-polyfill']));
    for (const tool of ['tsx', 'vite', 'typescript', 'electron', 'vitest'])
      expect(modules).not.toContain(tool);
  });

  it('prints its version and its usage', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: rotaplan <command> \[options\]\n/);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('validates the sample it wrote', async () => {
    const valid = await cli('validate', plan);
    expect(valid).toEqual({
      code: 0,
      stdout: `${plan}: valid plan "Data pipeline coverage 2027": 4 members, 5 pipelines, 104 shifts\n`,
      stderr: '',
    });
  });

  it.each(['md', 'html', 'ics', 'csv', 'json'])('exports %s', async (format) => {
    const out = join(dir, `export.${format}`);
    expect(await cli('export', plan, '--format', format, '--out', out)).toMatchObject({ code: 0 });
    const text = await readFile(out, 'utf8');
    const start = {
      md: '# ',
      html: '<!doctype html>',
      ics: 'BEGIN:VCALENDAR',
      csv: 'start,end,layer',
      json: '{',
    };
    expect(text.toLowerCase().startsWith(start[format as keyof typeof start].toLowerCase())).toBe(true);
  });

  it('exports pdf with the browser this machine has, or says which browser it needs', async () => {
    const out = join(dir, 'export.pdf');
    const result = await cli('export', plan, '--format', 'pdf', '--out', out);
    if (await findBrowser()) {
      expect(result.code).toBe(0);
      expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('PDF export needs Chromium, Google Chrome or Microsoft Edge');
    }
  });

  it('publishes to Terraform for PagerDuty and checks what it wrote (the HCL parser loads from the install)', async () => {
    const out = join(dir, 'publish-tf');
    const published = await cli('publish', plan, '--target', 'terraform-pagerduty', '--out', out, '--json');
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      verified: true,
      differingMinutes: 0,
    });
    expect((await cli('publish', plan, '--target', 'terraform-pagerduty', '--check', out)).code).toBe(0);
  });

  it('analyzes, and gates on errors', async () => {
    const analysis = await cli('analyze', plan, '--json');
    expect(analysis.code).toBe(0);
    const parsed = JSON.parse(analysis.stdout) as { from: string; to: string; members: { id: string }[] };
    expect([parsed.from, parsed.to]).toEqual(['2027-01-04', '2028-01-03']);
    expect(parsed.members.map((m) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
    expect((await cli('analyze', plan, '--fail-on', 'error')).code).toBe(0);
  });

  it('simulates', async () => {
    const simulation = await cli('simulate', plan, '--runs', '20', '--seed', '7', '--json');
    expect(simulation.code).toBe(0);
    expect(JSON.parse(simulation.stdout)).toMatchObject({ runs: 20, seed: 7 });
  });

  it('optimizes with HiGHS and writes a valid plan', async () => {
    const optimized = join(dir, 'optimized.rotaplan.json');
    const optimal = await cli('optimize', plan, '--time-limit', '10', '--json', '--out', optimized);
    expect(optimal.code).toBe(0);
    expect(['optimal', 'feasible', 'timeout']).toContain(
      (JSON.parse(optimal.stdout) as { status: string }).status,
    );
    expect((await cli('validate', optimized)).code).toBe(0);
  });

  it('imports a PagerDuty schedule into a new plan file', async () => {
    const imported = join(dir, 'imported.rotaplan.json');
    const result = await cli('import', plan, '--ics', fixture('pagerduty.ics'), '--out', imported);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PagerDuty schedule "On Call Schedule for Data Platform", 7 entries');
    expect((await cli('validate', imported)).stdout).toContain(': 4 members, 5 pipelines, 103 shifts\n');
  });
});
