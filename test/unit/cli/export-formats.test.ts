import ICAL from 'ical.js';
import Papa from 'papaparse';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireTestBrowser } from '../../../electron/browser/find-browser';
import { cliAt } from '../../helpers/cli';
import { analyzePlan } from '../../../shared/fairness/analyze';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 90_000 });

const run = cliAt('2026-11-27T00:00:00.000Z');

let dir: string;
let plan: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-cli-export-');
  plan = join(dir, 'p.rotaplan.json');
  expect((await run('sample', '--out', plan)).code).toBe(0);
});
afterEach(() => removeDir(dir));

const vevents = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('rotaplan export --format ics', () => {
  it('writes the team calendar; --member, --layer, --reminder and --include shape it', async () => {
    const out = join(dir, 'team.ics');
    const team = await run('export', plan, '--format', 'ics', '--out', out);
    expect(team).toEqual({ code: 0, stdout: '', stderr: `Wrote ics to ${out}\n` });
    expect(vevents(await readFile(out, 'utf8')).length).toBe(104);

    const sam = await run(
      'export',
      plan,
      '--format',
      'ics',
      '--member',
      'sam',
      '--layer',
      'primary',
      '--reminder',
      '60',
      '--include',
      'holidays,investor-weeks',
      '--from',
      '2027-07-01',
      '--to',
      '2027-09-30',
    );
    expect(sam.code).toBe(0);
    const evs = vevents(sam.stdout);
    const shifts = evs.filter((e) => !e.startDate.isDate);
    expect(shifts.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-07-12T16:00:00.000Z',
      '2027-08-09T16:00:00.000Z',
      // Swapped away from Labor Day week (2027-09-06) in the sample.
      '2027-09-20T16:00:00.000Z',
    ]);
    expect(sam.stdout.match(/TRIGGER:-PT1H\r\n/g)!.length).toBe(3);
    const allDay = evs.filter((e) => e.startDate.isDate).map((e) => `${e.startDate.toString()} ${e.summary}`);
    expect(allDay).toEqual([
      '2027-07-04 Holiday: Independence Day',
      '2027-07-05 Holiday: Independence Day (substitute day)',
      '2027-09-06 Holiday: Labour Day',
      '2027-07-25 Investor-report week',
      '2027-08-25 Investor-report week',
      '2027-09-24 Investor-report week',
    ]);
  });

  it('refuses an unknown layer (exit 1) and bad flag values (exit 2), writing nothing', async () => {
    const out = join(dir, 'x.ics');
    const layer = await run('export', plan, '--format', 'ics', '--layer', 'tertiary', '--out', out);
    expect(layer.code).toBe(1);
    expect(layer.stderr).toBe('--layer: no rotation layer has id "tertiary" (known: primary, secondary)\n');
    const reminder = await run('export', plan, '--format', 'ics', '--reminder', 'soon', '--out', out);
    expect(reminder.code).toBe(2);
    expect(reminder.stderr).toMatch(
      /^rotaplan export: --reminder expects whole minutes from 0 to 10080, such as 15\n/,
    );
    const include = await run('export', plan, '--format', 'ics', '--include', 'birthdays', '--out', out);
    expect(include.code).toBe(2);
    expect(include.stderr).toMatch(
      /^rotaplan export: --include takes a comma-separated list of holidays, investor-weeks\n/,
    );
    const misplaced = await run('export', plan, '--format', 'md', '--reminder', '5', '--out', out);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(/^rotaplan export: --reminder applies to --format ics only\n/);
    expect((await readdir(dir)).sort()).toEqual(['p.rotaplan.json']);
  });
});

describe('rotaplan export --format csv', () => {
  it('--csv shifts (the default) with --member and --layer', async () => {
    const { code, stdout } = await run(
      'export',
      plan,
      '--format',
      'csv',
      '--member',
      'maya',
      '--layer',
      'secondary',
    );
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(13);
    expect(rows.every((r) => r.member_id === 'maya' && r.layer === 'secondary')).toBe(true);
    expect(rows[0]!.start).toBe('2027-01-25T09:00:00-08:00');
  });

  it('--csv load equals rotaplan analyze --json; --csv ownership lists the matrix', async () => {
    const load = await run(
      'export',
      plan,
      '--format',
      'csv',
      '--csv',
      'load',
      '--from',
      '2027-01-04',
      '--to',
      '2027-06-30',
    );
    expect(load.code).toBe(0);
    const analyze = await run('analyze', plan, '--json', '--from', '2027-01-04', '--to', '2027-06-30');
    const a = JSON.parse(analyze.stdout) as ReturnType<typeof analyzePlan>;
    const rows = Papa.parse<Record<string, string>>(load.stdout, { header: true, skipEmptyLines: true }).data;
    expect(
      rows.map((r) => [r.member_id, Number(r.on_call_hours), Number(r.weighted_load), Number(r.fair_share)]),
    ).toEqual(a.members.map((m) => [m.id, m.onCallHours, m.weightedLoad, m.fairShare]));
    const own = await run('export', plan, '--format', 'csv', '--csv', 'ownership');
    expect(own.stdout.split('\n')[0]).toBe(
      'pipeline_id,pipeline,criticality,reports_to_investors,primary_id,primary,secondary_id,secondary,stakeholder',
    );
    expect(own.stdout.trim().split('\n').length).toBe(6);
    const bad = await run('export', plan, '--format', 'csv', '--csv', 'payroll');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rotaplan export: --csv must be one of shifts, load, ownership\n/);
  });
});

describe('rotaplan export --format html|pdf', () => {
  it('html is the full report: document, 13 month tables, SVG charts, no script', async () => {
    const out = join(dir, 'report.html');
    expect((await run('export', plan, '--format', 'html', '--out', out)).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<h2>1. Pipeline Ownership Matrix</h2>');
    expect(html.match(/<table class="month-table">/g)!.length).toBe(13);
    expect(html).toContain('<svg ');
    expect(html).not.toContain('<script');
    expect(html).toContain(
      `balance ${analyzePlan(createSamplePlan('2026-11-27T00:00:00.000Z')).fairness.balance.toFixed(3)}`,
    );
  });

  it('pdf prints the report with the headless browser this machine has', async () => {
    await requireTestBrowser();
    const out = join(dir, 'report.pdf');
    const r = await run('export', plan, '--format', 'pdf', '--out', out);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `Wrote pdf to ${out}\n` });
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 pages: at least the document, 13 months and the charts.
    const pages = bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length;
    expect(pages).toBeGreaterThanOrEqual(15);
  });

  it('pdf without a browser exits 1 naming what to install, and writes nothing', async () => {
    const before = { chrome: process.env.CHROME_PATH, chromium: process.env.CHROMIUM_PATH };
    process.env.CHROME_PATH = join(dir, 'no-browser-here');
    delete process.env.CHROMIUM_PATH;
    try {
      const r = await run('export', plan, '--format', 'pdf', '--out', join(dir, 'r.pdf'));
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `rotaplan export: CHROME_PATH is set to "${join(dir, 'no-browser-here')}", but no executable browser is there.\n`,
      );
    } finally {
      if (before.chrome === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = before.chrome;
      if (before.chromium !== undefined) process.env.CHROMIUM_PATH = before.chromium;
    }
    const noOut = await run('export', plan, '--format', 'pdf');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^rotaplan export: --format pdf needs --out FILE/);
    expect((await readdir(dir)).sort()).toEqual(['p.rotaplan.json']);
  });
});
