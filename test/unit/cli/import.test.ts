import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportIcs } from '../../../shared/export/ics-export';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { cliAt } from '../../helpers/cli';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = join(__dirname, '../../fixtures/ics');
let dir: string;
let plan: string;

const run = cliAt('2027-02-01T00:00:00.000Z');

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-cli-import-');
  plan = join(dir, 'plan.rotaplan.json');
  await writeFile(plan, JSON.stringify(createSamplePlan('2027-01-01T00:00:00.000Z'), null, 2));
});
afterEach(() => removeDir(dir));

describe('rotaplan import', () => {
  it('PagerDuty with a mapping: prints mapped and unknown people and the fairness, writes --out (exit 0)', async () => {
    const out = join(dir, 'imported.rotaplan.json');
    const before = await readFile(plan);
    const r = await run(
      'import',
      plan,
      '--ics',
      join(FIXTURES, 'pagerduty.ics'),
      '--out',
      out,
      '--map',
      'Alex.Kim@contractors.example=sam',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'PagerDuty schedule "On Call Schedule for Data Platform", 7 entries, 7 mapped to members',
    );
    expect(r.stdout).toContain(
      '  Alex Kim <alex.kim@contractors.example> → Sam Okafor (sam, by map): 2 entries',
    );
    expect(r.stdout).toContain(
      'Replaced Primary and Secondary shifts from 2027-03-01 to 2027-04-05 with 7 imported shifts.',
    );
    expect(r.stdout).toContain(
      'Data pipeline coverage 2027 — 2027-03-01 to 2027-04-05 (America/Los_Angeles)',
    );
    expect(r.stdout).toMatch(/Fairness: balance \d\.\d{3} · Gini/);
    expect(r.stderr).toBe(`Wrote the plan with the imported schedule to ${out}\n`);
    const written = JSON.parse(await readFile(out, 'utf8'));
    const imported = written.shifts.filter((s: { source: string }) => s.source === 'manual');
    expect(imported).toHaveLength(7);
    expect(imported.filter((s: { memberId: string }) => s.memberId === 'sam')).toHaveLength(3);
    expect((await readFile(plan)).equals(before)).toBe(true);
    // The written plan validates.
    expect((await run('validate', out)).code).toBe(0);
  });

  it('without --out prints the unknown people and writes nothing', async () => {
    const r = await run('import', plan, '--ics', join(FIXTURES, 'grafana-oncall.ics'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Grafana OnCall schedule "data-platform", 5 entries, 3 mapped to members');
    expect(r.stdout).toContain(
      'Unknown (their entries are left out; map them with --map EMAIL_OR_NAME=MEMBER_ID):\n  ops-robot → ?: 2 entries',
    );
    expect(r.stderr).toBe(
      'Nothing was written: pass --out FILE2 to save the plan with the imported schedule.\n',
    );
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
  });

  it.each([
    [
      'junk-not-ics.ics',
      'not-icalendar: not an iCalendar file: it starts with "Name,Start,End" instead of BEGIN:VCALENDAR',
    ],
    ['junk-utf16.ics', 'utf-16: the file is UTF-16 text; iCalendar files are UTF-8 (save it again as UTF-8)'],
    ['junk-no-times.ics', 'no-times: the event "On call: Maya" has no start time (DTSTART)'],
  ])('a junk schedule %s exits 1 naming the problem, nothing written', async (file, message) => {
    const out = join(dir, 'never.rotaplan.json');
    const r = await run('import', plan, '--ics', join(FIXTURES, file), '--out', out);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `${join(FIXTURES, file)}: ${message}\nNothing was imported and nothing was written.\n`,
    });
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
  });

  it('nobody mapped, a missing schedule, a bad plan and an unknown --map member all exit 1 and write nothing', async () => {
    const out = join(dir, 'never.rotaplan.json');
    const stranger = createSamplePlan('2027-01-01T00:00:00.000Z');
    stranger.members = stranger.members.map((m) => ({ ...m, name: `Z ${m.name}`, email: `z.${m.email}` }));
    const other = join(dir, 'other.rotaplan.json');
    await writeFile(other, JSON.stringify(stranger));
    const nobody = await run('import', other, '--ics', join(FIXTURES, 'opsgenie.ics'), '--out', out);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('nobody in the schedule matches a team member');
    expect((await run('import', plan, '--ics', join(dir, 'gone.ics'), '--out', out)).stderr).toBe(
      `${join(dir, 'gone.ics')}: cannot read: ENOENT\n`,
    );
    await writeFile(join(dir, 'bad.json'), '{"schemaVersion": 9}');
    const bad = await run(
      'import',
      join(dir, 'bad.json'),
      '--ics',
      join(FIXTURES, 'opsgenie.ics'),
      '--out',
      out,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('schemaVersion: this plan was written by a newer Rotaplan (schema 9');
    const wrong = await run(
      'import',
      plan,
      '--ics',
      join(FIXTURES, 'opsgenie.ics'),
      '--map',
      'x@y.example=zed',
      '--out',
      out,
    );
    expect(wrong).toEqual({
      code: 1,
      stdout: '',
      stderr: '--map x@y.example=zed: the plan has no member "zed" (members: maya, diego, priya, sam)\n',
    });
    expect((await readdir(dir)).sort()).toEqual(['bad.json', 'other.rotaplan.json', 'plan.rotaplan.json']);
  });

  it('usage errors exit 2: no --ics, two files, a --map without =', async () => {
    expect((await run('import', plan)).code).toBe(2);
    expect((await run('import', plan, plan, '--ics', 'x.ics')).code).toBe(2);
    const r = await run('import', plan, '--ics', 'x.ics', '--map', 'nobody');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map expects EMAIL_OR_NAME=MEMBER_ID, got "nobody"');
  });

  it('an export with a shadow imports the "(shadow)" events as shadow shifts, not on call', async () => {
    const shadows = { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts };
    const file = join(dir, 'shadows.rotaplan.json');
    const ics = join(dir, 'shadows.ics');
    const out = join(dir, 'round-trip.rotaplan.json');
    await writeFile(file, JSON.stringify(shadows, null, 2));
    await writeFile(ics, exportIcs(shadows, { now: '2026-12-01T00:00:00Z' }));
    const r = await run('import', file, '--ics', ics, '--out', out);
    expect(r.stderr).not.toContain('do not fit');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Note: 3 entries are marked "(shadow)": imported as shadow shifts, learners beside whoever is on call, not coverage.',
    );
    expect(r.stdout).toContain(
      'Replaced Primary shifts from 2027-01-04 to 2027-02-01 with 4 imported shifts and 3 shadow shifts (not on call).',
    );
    const written = JSON.parse(await readFile(out, 'utf8')) as {
      shifts: { memberId: string; shadow?: boolean }[];
    };
    expect(written.shifts.map((s) => [s.memberId, s.shadow === true])).toEqual([
      ['a', false],
      ['b', false],
      ['d', true],
      ['d', true],
      ['c', false],
      ['d', true],
      ['a', false],
    ]);
  });

  it('the help text says that FILE is never overwritten without --out', async () => {
    const r = await run('help');
    expect(r.stdout).toContain(
      'import FILE --ics SCHEDULE.ics [--out FILE2] [--map EMAIL_OR_NAME=MEMBER_ID ...]',
    );
    expect(r.stdout).toContain('writes only with --out');
  });
});
