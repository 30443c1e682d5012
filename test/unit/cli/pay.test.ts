import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt, lastJson } from '../../helpers/cli';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { handPlan, handRules } from '../pay/pay-fixture';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Real files; a command's modules load on its first run, inside the test.
vi.setConfig({ testTimeout: 20_000 });

const run = cliAt('2026-11-27T00:00:00.000Z');

let dir: string;
let file: string;
let rulesFile: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-pay-');
  file = join(dir, 'p.rotaplan.json');
  rulesFile = join(dir, 'rules.json');
});
afterEach(() => removeDir(dir));

/** The fields of `pay --json` one test reads: currency, total and the two members' amounts. */
type PayTotals = { currency: string; total: number; members: [{ amount: number }, { amount: number }] };

describe('rotaplan pay', () => {
  it('--json prints the hand-checked amounts per member and rule on its last line', async () => {
    await writeFile(file, JSON.stringify(handPlan()));
    const { code, stdout, stderr } = await run(
      'pay',
      file,
      '--from',
      '2027-01-04',
      '--to',
      '2027-12-31',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lastJson(stdout)).toEqual({
      currency: 'EUR',
      from: '2027-01-04',
      to: '2027-12-31',
      members: [
        {
          id: 'maya',
          name: 'Maya Chen',
          hours: 57,
          amount: 1235,
          byRule: [
            { name: 'holiday', hours: 12, amount: 360 },
            { name: 'weekend', hours: 15, amount: 300 },
            { name: 'night', hours: 4, amount: 45 },
            { name: 'base', hours: 2, amount: 20 },
            { name: 'year end', hours: 24, amount: 480 },
            { name: 'standby day', hours: 0, amount: 30 },
          ],
        },
        {
          id: 'diego',
          name: 'Diego Alvarez',
          hours: 22.5,
          amount: 238,
          byRule: [
            { name: 'night', hours: 13, amount: 120 },
            { name: 'holiday', hours: 6, amount: 75 },
            { name: 'base', hours: 3.5, amount: 28 },
            { name: 'standby day', hours: 0, amount: 15 },
          ],
        },
        { id: 'priya', name: 'Priya Raman', hours: 0, amount: 0, byRule: [] },
        { id: 'sam', name: 'Sam Okafor', hours: 0, amount: 0, byRule: [] },
      ],
      total: 1473,
    });
  });

  it('--csv writes one payroll row per member and month, formula-safe', async () => {
    const plan = handPlan();
    plan.members[0]!.name = '=HYPERLINK("x")';
    await writeFile(file, JSON.stringify(plan));
    const { code, stdout } = await run('pay', file, '--csv');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'member_id,member_name,month,currency,hours,amount',
        `maya,"'=HYPERLINK(""x"")",2027-03,EUR,15,310`,
        `maya,"'=HYPERLINK(""x"")",2027-04,EUR,4,55`,
        `maya,"'=HYPERLINK(""x"")",2027-05,EUR,12,365`,
        `maya,"'=HYPERLINK(""x"")",2027-12,EUR,26,505`,
        'diego,Diego Alvarez,2027-03,EUR,10.5,122',
        'diego,Diego Alvarez,2027-06,EUR,12,116',
        '',
      ].join('\n'),
    );
  });

  it('--rules overrides the plan rules; the text report lists members, rules and the total', async () => {
    await writeFile(file, JSON.stringify(handPlan()));
    await writeFile(
      rulesFile,
      JSON.stringify({ currency: 'CHF', rules: [{ name: 'flat', when: {}, hourly: 2 }] }),
    );
    const json = await run('pay', file, '--rules', rulesFile, '--json');
    expect(json.code).toBe(0);
    const report = lastJson<PayTotals>(json.stdout);
    expect([report.currency, report.total, report.members[0].amount, report.members[1].amount]).toEqual([
      'CHF',
      159,
      114,
      45,
    ]);
    const text = await run('pay', file, '--rules', rulesFile);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Diego Alvarez +22\.5 +45\.00$/m);
    expect(text.stdout).toMatch(/^Total +79\.5 +159\.00$/m);
    expect(text.stdout).toMatch(/^ {2}flat +57 +114\.00$/m);
  });

  it('a rules file with extra fields is refused naming them (exit 1)', async () => {
    await writeFile(file, JSON.stringify(handPlan()));
    await writeFile(
      rulesFile,
      JSON.stringify({ ...handRules, bonus: 3, rules: [{ name: 'base', when: { days: [1] }, hourly: 10 }] }),
    );
    const { code, stdout, stderr } = await run('pay', file, '--rules', rulesFile, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${rulesFile}: rules[0].when.days: unknown key\n${rulesFile}: bonus: unknown key\n`);
  });

  it('a rules file that is not JSON or cannot be read exits 1 naming the file', async () => {
    await writeFile(file, JSON.stringify(handPlan()));
    await writeFile(rulesFile, '{ "currency": ');
    const broken = await run('pay', file, '--rules', rulesFile);
    expect(broken.code).toBe(1);
    expect(broken.stderr.startsWith(`${rulesFile}: (root): not valid JSON`)).toBe(true);
    const missing = await run('pay', file, '--rules', join(dir, 'nope.json'));
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `${join(dir, 'nope.json')}: cannot read: ENOENT\n`,
    });
  });

  it('a plan without pay rules and no --rules exits 1 with a clear message', async () => {
    const { pay: _pay, ...withoutPay } = createSamplePlan('2026-11-27T00:00:00.000Z');
    await writeFile(file, JSON.stringify(withoutPay));
    expect(await run('pay', file)).toEqual({
      code: 1,
      stdout: '',
      stderr: `rotaplan pay: ${file} has no pay rules: add a "pay" section to the plan or pass --rules RULES.json\n`,
    });
  });

  it('usage errors exit 2: no FILE, --json with --csv, a bad date, --to before --from', async () => {
    await writeFile(file, JSON.stringify(handPlan()));
    for (const [argv, message] of [
      [['pay'], 'pay takes exactly one FILE'],
      [['pay', file, '--json', '--csv'], '--json and --csv cannot be combined'],
      [['pay', file, '--from', '2027-02-30'], '--from expects an ISO date such as 2027-01-04'],
      [['pay', file, '--from', '2027-03-01', '--to', '2027-02-01'], '--to is before --from'],
    ] as const) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.startsWith(`rotaplan pay: ${message}\n`)).toBe(true);
    }
  });
});
