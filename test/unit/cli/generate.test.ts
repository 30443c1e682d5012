import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { cliAt, lastJson } from '../../helpers/cli';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan, Shift } from '../../../shared/plan/schema';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 30_000 });

const run = cliAt('2027-02-01T10:00:00.000Z');

/** Every stretch a shift overlaps its member's time off, computed the way an outside checker would. */
function onCallWhileAway(plan: Plan): string[] {
  const out: string[] = [];
  for (const m of plan.members) {
    for (const t of m.timeOff) {
      const from = Temporal.PlainDate.from(t.start).toZonedDateTime(m.timeZone).epochMilliseconds;
      const to = Temporal.PlainDate.from(t.end)
        .add({ days: 1 })
        .toZonedDateTime(m.timeZone).epochMilliseconds;
      for (const s of plan.shifts.filter((x: Shift) => x.memberId === m.id)) {
        if (Date.parse(s.start) < to && Date.parse(s.end) > from) out.push(`${s.id} ${m.id} ${t.id}`);
      }
    }
  }
  return out;
}

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-generate-');
});
afterEach(() => removeDir(dir));

/** The sample plan with two more absences its shifts do not yet know about, written to a file. */
async function staleSample(): Promise<{ file: string; plan: Plan }> {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const away = (id: string, start: string, end: string) => ({
    id,
    start,
    end,
    kind: 'vacation' as const,
    note: '',
  });
  plan.members[0]!.timeOff.push(away('to-maya-spring', '2027-04-05', '2027-04-16'));
  plan.members[1]!.timeOff.push(away('to-diego-autumn', '2027-09-13', '2027-09-24'));
  const file = join(dir, 'plan.rotaplan.json');
  await writeFile(file, JSON.stringify(plan, null, 2));
  return { file, plan };
}

describe('rotaplan generate', () => {
  it('rebuilds the shifts so that nobody is on call while away, and prints its JSON as the last line', async () => {
    const { file, plan } = await staleSample();
    expect(onCallWhileAway(plan).length).toBeGreaterThan(0);
    const out = join(dir, 'out.rotaplan.json');
    const { code, stdout, stderr } = await run('generate', file, '--out', out, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe(`Wrote the generated plan to ${out}\n`);
    const json = lastJson(stdout);
    expect(Object.keys(json)).toEqual(['shifts', 'changed', 'layers', 'warnings']);
    const written = JSON.parse(await readFile(out, 'utf8')) as Plan;
    expect(json.shifts).toBe(written.shifts.length);
    expect(json.layers).toEqual([
      {
        id: 'primary',
        name: 'Primary',
        shifts: written.shifts.filter((s) => s.layerId === 'primary').length,
      },
      {
        id: 'secondary',
        name: 'Secondary',
        shifts: written.shifts.filter((s) => s.layerId === 'secondary').length,
      },
    ]);
    expect(json.changed).toBeGreaterThan(0);
    expect(onCallWhileAway(written)).toEqual([]);
    expect((json.warnings as { kind: string }[]).filter((w) => w.kind === 'unresolved')).toEqual([]);
    expect(written.meta.updatedAt).toBe('2027-02-01T10:00:00.000Z');
    // The plan read is never touched.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(plan);
  });

  it('--from leaves every shift that starts before the date exactly as it was', async () => {
    const { file, plan } = await staleSample();
    const out = join(dir, 'out.rotaplan.json');
    expect((await run('generate', file, '--out', out, '--from', '2027-06-01', '--json')).code).toBe(0);
    const written = JSON.parse(await readFile(out, 'utf8')) as Plan;
    const before = (p: Plan) => p.shifts.filter((s) => s.start < '2027-06-01');
    expect(before(written)).toEqual(before(plan));
    expect(before(written).length).toBeGreaterThan(40);
    // Maya's April absence is before the date: her stale shift stays. Diego's September one is after: covered.
    const who = onCallWhileAway(written).map((x) => x.split(' ').slice(1).join(' '));
    expect([...new Set(who)]).toEqual(['maya to-maya-spring']);
  });

  it('writes nothing without --out, and refuses to write over the plan it read (exit 2)', async () => {
    const { file } = await staleSample();
    const before = await readFile(file, 'utf8');
    const plain = await run('generate', file);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /^Data pipeline coverage 2027: 104 shifts \(Primary 52, Secondary 52\); \d+ differ/,
    );
    expect(plain.stdout.trimEnd().split('\n').pop()).toBe(
      'Nothing written: add --out FILE2 to save the plan.',
    );
    const same = await run('generate', file, '--out', join(dir, '.', 'plan.rotaplan.json'));
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--out must name another file');
    expect(await readFile(file, 'utf8')).toBe(before);
    await expect(stat(join(dir, 'out.rotaplan.json'))).rejects.toThrow();
  });

  it('names a bad call: --to before --from, a missing file', async () => {
    const { file } = await staleSample();
    const order = await run('generate', file, '--from', '2027-06-01', '--to', '2027-05-01');
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('--to is before --from');
    const missing = await run('generate', join(dir, 'nope.rotaplan.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
