import Papa from 'papaparse';
import { cliAt } from '../../helpers/cli';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { changed, cleanPlan } from './test-plans';
import { writePlanFile } from '../../helpers/temp-dir';

// The CLI loads a command's modules when it first runs it, so that first run counts its imports too.
vi.setConfig({ testTimeout: 20_000 });

const run = cliAt('2026-11-27T00:00:00Z');

const planFile = async (plan: Plan) => (await writePlanFile(plan, 'rotaplan-analyze-')).file;

describe('rotaplan analyze', () => {
  it('reports the hours of the shifts `export --format csv` lists', async () => {
    const file = await planFile(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const analysis = await run('analyze', file, '--json');
    expect(analysis.code).toBe(0);
    const json = JSON.parse(analysis.stdout);
    const csv = await run('export', file, '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(csv.stdout.trim(), { header: true }).data;
    const hours = new Map<string, number>();
    for (const r of rows) {
      hours.set(
        r.member_id!,
        (hours.get(r.member_id!) ?? 0) + (Date.parse(r.end!) - Date.parse(r.start!)) / 3.6e6,
      );
    }
    expect(
      Object.fromEntries(json.members.map((m: { id: string; onCallHours: number }) => [m.id, m.onCallHours])),
    ).toEqual(Object.fromEntries(hours));
    expect(json.flags.some((f: { kind: string }) => f.kind === 'on-call-share')).toBe(true);
    expect(json.flags.some((f: { kind: string }) => f.kind === 'team-size')).toBe(true);
  });

  it('prints tables without --json', async () => {
    const { code, stdout } = await run('analyze', await planFile(cleanPlan()));
    expect(code).toBe(0);
    expect(stdout).toContain('Test plan — 2027-04-05 to 2027-04-26 (America/Los_Angeles)');
    expect(stdout).toMatch(/A Person\s+168\s+48\s+0\s+63\s+0\s+223\.5\s+223\.5\s+1\s+33\.3 %/);
    expect(stdout).toContain(
      'Fairness: balance 1.000 · Gini 0.000 · CV 0.000 · max-min spread 0.0 weighted h',
    );
    expect(stdout).toContain('Flags: 0 errors, 0 warnings, 0 info');
  });

  it('--fail-on exits 1 when a flag at or above that severity exists, 0 otherwise', async () => {
    const clean = await planFile(cleanPlan());
    expect((await run('analyze', clean, '--fail-on', 'warning')).code).toBe(0);
    const gap = await planFile(changed((p) => p.shifts.splice(1, 1)));
    const failed = await run('analyze', gap, '--json', '--fail-on', 'error');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('rotaplan analyze: 1 flag at or above error\n');
    const warningOnly = await planFile(changed((p) => (p.ownership[0]!.secondaryMemberId = null)));
    expect((await run('analyze', warningOnly, '--fail-on', 'error')).code).toBe(0);
    expect((await run('analyze', warningOnly, '--fail-on', 'warning')).code).toBe(1);
  });

  it('takes --from/--to as the window', async () => {
    const { stdout } = await run(
      'analyze',
      await planFile(cleanPlan()),
      '--json',
      '--from',
      '2027-04-10',
      '--to',
      '2027-04-11',
    );
    const json = JSON.parse(stdout);
    expect([json.from, json.to, json.members[0].onCallHours]).toEqual(['2027-04-10', '2027-04-11', 48]);
  });

  it('refuses bad flags with exit 2 and a message naming them', async () => {
    const file = await planFile(cleanPlan());
    const bad = await run('analyze', file, '--fail-on', 'info');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on must be warning or error');
    const backwards = await run('analyze', file, '--from', '2027-04-12', '--to', '2027-04-10');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--to is before --from');
    expect((await run('analyze', file, '--from', '2027-02-30')).code).toBe(2);
  });

  it('names the problem of an invalid plan with its JSON path (exit 1)', async () => {
    const file = await planFile(changed((p) => (p.shifts[0]!.memberId = 'ghost')));
    const result = await run('analyze', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('shifts[0].memberId: no team member has id "ghost"');
  });
});
