import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { cliAt } from '../../helpers/cli';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Real files and (for the CLI) real processes: generous limits so a busy CI machine does not fail them.
vi.setConfig({ testTimeout: 20_000 });

const run = cliAt('2026-11-27T00:00:00.000Z');

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-cli-');
  file = join(dir, 'p.rotaplan.json');
});
afterEach(() => removeDir(dir));

describe('rotaplan sample / validate', () => {
  it('sample --out F writes the sample; validate F exits 0', async () => {
    const sample = await run('sample', '--out', file);
    expect(sample).toEqual({ code: 0, stdout: '', stderr: `Wrote the sample plan to ${file}\n` });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(createSamplePlan('2026-11-27T00:00:00.000Z'));
    expect(await run('validate', file)).toEqual({
      code: 0,
      stdout: `${file}: valid plan "Data pipeline coverage 2027": 4 members, 5 pipelines, 104 shifts\n`,
      stderr: '',
    });
  });

  it('sample without --out prints the plan on stdout', async () => {
    const { code, stdout } = await run('sample');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(createSamplePlan('2026-11-27T00:00:00.000Z'));
  });

  it('validate on the same file cut short exits 1 and names the problem', async () => {
    await run('sample', '--out', file);
    const text = await readFile(file);
    await writeFile(file, text.subarray(0, 3000));
    const { code, stdout, stderr } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^\(root\): not valid JSON: the file ends too early \(cut short\?\) after \d+ characters, at line \d+, column \d+\n$/,
    );
  });

  it('validate of an invalid plan prints one "path: message" line per problem', async () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    plan.members[1]!.email = 'diego-at-pacificinfra';
    plan.shifts[3]!.end = plan.shifts[3]!.start;
    plan.ownership[0]!.primaryMemberId = 'ghost';
    await writeFile(file, JSON.stringify(plan));
    expect(await run('validate', file)).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'members[1].email: expected an e-mail address',
        'shifts[3].end: a shift must end after it starts',
        'ownership[0].primaryMemberId: no team member has id "ghost"',
        '',
      ].join('\n'),
    });
  });

  it('validate of a plan from a newer Rotaplan exits 1 and says so', async () => {
    await writeFile(
      file,
      JSON.stringify({ ...createSamplePlan('2026-11-27T00:00:00.000Z'), schemaVersion: 99 }),
    );
    const { code, stderr } = await run('validate', file);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'schemaVersion: this plan was written by a newer Rotaplan (schema 99; this version reads up to 2); update Rotaplan to open it\n',
    );
  });

  it('validate of a file that is not there exits 1 and names it', async () => {
    const missing = join(dir, 'missing.rotaplan.json');
    const { code, stderr } = await run('validate', missing);
    expect(code).toBe(1);
    expect(stderr).toBe(`(root): cannot read ${missing}: ENOENT\n`);
  });

  it('validate without FILE is a usage error (2)', async () => {
    const { code, stderr } = await run('validate');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^rotaplan validate: validate takes exactly one FILE\n\nUsage: rotaplan <command>/,
    );
  });

  it('an unknown flag is a usage error (2)', async () => {
    const { code, stderr } = await run('validate', file, '--strict');
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--strict'");
  });
});

describe('rotaplan with no or an unknown command', () => {
  it('an unknown command exits 2 and names it', async () => {
    const { code, stdout, stderr } = await run('frobnicate');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^rotaplan: unknown command "frobnicate"\n\nUsage: rotaplan <command> \[options\]/,
    );
  });

  it.each(['toString', 'constructor', '__proto__'])('%s is an unknown command too (exit 2)', async (name) => {
    const { code, stderr } = await run(name);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^rotaplan: unknown command "${name}"`));
  });

  it('no command at all exits 2 with the usage', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Usage: rotaplan <command> \[options\]/);
  });

  it('help exits 0 and lists sample, validate and export', async () => {
    const { code, stdout } = await run('help');
    expect(code).toBe(0);
    expect(stdout).toContain('  sample [--out FILE]');
    expect(stdout).toContain('  validate FILE');
    expect(stdout).toContain('  export FILE --format md|html|pdf|ics|csv|json');
  });
});

describe('rotaplan export', () => {
  it('--format json round-trips the plan', async () => {
    await run('sample', '--out', file);
    const { code, stdout, stderr } = await run('export', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(await readFile(file, 'utf8')));
    const copy = join(dir, 'copy.rotaplan.json');
    await writeFile(copy, stdout);
    expect((await run('validate', copy)).code).toBe(0);
  });

  it('--out writes the export to a file', async () => {
    await run('sample', '--out', file);
    const out = join(dir, 'out.json');
    const result = await run('export', file, '--format', 'json', '--out', out);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Wrote json to ${out}\n` });
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(createSamplePlan('2026-11-27T00:00:00.000Z'));
  });

  it('an unknown --format exits 2 and lists the formats', async () => {
    await run('sample', '--out', file);
    const { code, stderr } = await run('export', file, '--format', 'nope');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rotaplan export: --format must be one of md, html, pdf, ics, csv, json\n/);
  });

  it('a bad --from date exits 2 naming the flag', async () => {
    await run('sample', '--out', file);
    const { code, stderr } = await run('export', file, '--format', 'json', '--from', '2027-13-45');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rotaplan export: --from expects an ISO date such as 2027-01-04\n/);
  });

  it('a --to date the calendar does not have (2027-02-30) exits 2', async () => {
    await run('sample', '--out', file);
    const { code, stderr } = await run('export', file, '--format', 'json', '--to', '2027-02-30');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rotaplan export: --to expects an ISO date such as 2027-01-04\n/);
  });

  it('an unknown --member exits 1 and lists the known ids', async () => {
    await run('sample', '--out', file);
    const { code, stderr } = await run('export', file, '--format', 'json', '--member', 'ghost');
    expect(code).toBe(1);
    expect(stderr).toBe('--member: no team member has id "ghost" (known: maya, diego, priya, sam)\n');
  });
});

describe('the real bin/rotaplan.js', () => {
  const bin = fileURLToPath(new URL('../../../bin/rotaplan.js', import.meta.url));
  const spawnCli = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      });
    });

  it('exits 0 on a valid plan, 1 on one cut short and 2 on an unknown command', async () => {
    await run('sample', '--out', file);
    const valid = await spawnCli('validate', file);
    expect(valid.stderr).toBe('');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('valid plan "Data pipeline coverage 2027"');

    const text = await readFile(file);
    const cut = join(dir, 'cut.rotaplan.json');
    await writeFile(cut, text.subarray(0, 3000));
    const invalid = await spawnCli('validate', cut);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^\(root\): not valid JSON/);

    const usage = await spawnCli('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
  }, 60_000);
});
