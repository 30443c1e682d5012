import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt } from '../../helpers/cli';
import { markdownHeadings, seedHeadingsMissing } from './seed-headings';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 30_000 });

const run = cliAt('2027-03-01T17:30:00.000Z');

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-doc-');
});
afterEach(() => removeDir(dir));

describe('rotaplan export --format md|html', () => {
  it('writes the filled plan document as Markdown and as HTML', async () => {
    const plan = join(dir, 'p.rotaplan.json');
    expect((await run('sample', '--out', plan)).code).toBe(0);

    const md = await run('export', plan, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n').slice(0, 4)).toEqual([
      '# Data pipeline coverage 2027',
      '',
      '- **Organisation:** Pacific Infra Group',
      '- **Generated:** 2027-03-01 (America/Los_Angeles)',
    ]);
    expect(seedHeadingsMissing(markdownHeadings(md.stdout))).toEqual([]);
    expect(md.stdout).not.toContain('[Your');

    const out = join(dir, 'plan.html');
    const html = await run('export', plan, '--format', 'html', '--out', out);
    expect(html.code).toBe(0);
    expect(html.stderr).toBe(`Wrote html to ${out}\n`);
    const page = await readFile(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<h2>1. Pipeline Ownership Matrix</h2>');
    expect(page).toContain('<h3>Success Metrics</h3>');
  });

  it('limits the schedule parts to --from/--to', async () => {
    const plan = join(dir, 'p.rotaplan.json');
    await run('sample', '--out', plan);
    const md = await run('export', plan, '--format', 'md', '--from', '2027-07-01', '--to', '2027-08-31');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- **Period:** 2027-07-01 to 2027-08-31');
    const weeks = md.stdout.split('\n').filter((l) => /^ {2}- \*\*\w{3} \d{4}-\d{2}-\d{2} – /.test(l));
    expect(weeks.map((l) => l.slice(6, 37))).toEqual([
      'Sun 2027-07-25 – Sat 2027-07-31',
      'Wed 2027-08-25 – Tue 2027-08-31',
    ]);
    expect(md.stdout).not.toContain('Thanksgiving (US), Thu');
  });
});
