import { layoutPlan } from '../../../shared/plan/plan-layout';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan, Shift } from '../../../shared/plan/schema';
import { validatePlan } from '../../../shared/plan/validate';

const NOW = '2026-11-27T00:00:00.000Z';

/** The lines of `b` that are not at the same place in `a` (both texts have the same number of lines here). */
function changedLines(a: string, b: string): string[] {
  const left = a.split('\n');
  return b.split('\n').filter((line, i) => line !== left[i]);
}

describe('the plan file layout', () => {
  it('is JSON of the same plan, ending in a newline, that validates as the plan it was', () => {
    const plan = createSamplePlan(NOW);
    const text = layoutPlan(plan);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(plan)));
    const again = validatePlan(JSON.parse(text));
    expect(again.ok).toBe(true);
  });

  it('writes one shift a line, keys in schema order', () => {
    const plan = createSamplePlan(NOW);
    const lines = layoutPlan(plan).split('\n');
    const first = plan.shifts[0]!;
    const at = lines.indexOf('  "shifts": [');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(
      `    {"id":"${first.id}","layerId":"${first.layerId}","memberId":"${first.memberId}","start":"${first.start}","end":"${first.end}","source":"${first.source}","pinned":${first.pinned}},`,
    );
    expect(lines[at + plan.shifts.length + 1]).toBe('  ],');
  });

  it('gives the same bytes whatever order the keys came in, and keeps unknown keys after the known ones', () => {
    const plan = createSamplePlan(NOW);
    const shuffled = {
      extra: { b: 1, a: 2 },
      ...Object.fromEntries(Object.entries(plan).reverse()),
      shifts: plan.shifts.map((s, i) =>
        i === 0 ? (Object.fromEntries([['custom', 'kept'], ...Object.entries(s).reverse()]) as Shift) : s,
      ),
      meta: Object.fromEntries(Object.entries(plan.meta).reverse()),
    } as unknown as Plan;
    const text = layoutPlan(shuffled);
    const plain = layoutPlan({
      ...plan,
      shifts: shuffled.shifts.map((s, i) => (i === 0 ? { ...plan.shifts[0]!, custom: 'kept' } : s)),
    } as Plan);
    expect(text).toBe(`${plain.slice(0, -3)},\n  "extra": {\n    "b": 1,\n    "a": 2\n  }\n}\n`);
    expect(text).toContain(`"pinned":false,"custom":"kept"}`);
    expect(Object.keys(JSON.parse(text) as object).slice(0, 3)).toEqual(['schemaVersion', 'meta', 'members']);
  });

  it('turns a one-shift drag into a one-line change', () => {
    const plan = createSamplePlan(NOW);
    const [a, b] = [plan.shifts[3]!, plan.shifts[4]!];
    const dragged: Plan = {
      ...plan,
      shifts: plan.shifts.map((s) => (s.id === a.id ? { ...s, memberId: b.memberId, source: 'manual' } : s)),
    };
    const moved = dragged.shifts.find((s) => s.id === a.id)!;
    const changed = changedLines(layoutPlan(plan), layoutPlan(dragged));
    expect(changed).toEqual([`    ${JSON.stringify(moved)},`]);
    expect(changed[0]).toContain(`"memberId":"${b.memberId}"`);
  });

  it('writes the shifts of a scenario one a line too', () => {
    const plan = createSamplePlan(NOW);
    const withScenario: Plan = {
      ...plan,
      scenarios: [
        {
          id: 'sc1',
          name: 'What if',
          description: '',
          createdAt: NOW,
          body: { ...plan, shifts: plan.shifts.slice(0, 2) },
        },
      ],
    };
    const s = plan.shifts[1]!;
    expect(layoutPlan(withScenario)).toContain(
      `\n          {"id":"${s.id}","layerId":"${s.layerId}","memberId":"${s.memberId}"`,
    );
  });
});
