import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const NOW = '2027-01-05T10:00:00Z';
const plan = createSamplePlan('2027-01-04T00:00:00Z');

describe('the edit router', () => {
  it("sends an edit to its domain's applier", () => {
    const result = applyEdit(plan, { kind: 'meta:rename', name: 'Routed' }, NOW);
    expect(result.ok && result.plan.meta.name).toBe('Routed');
  });

  it('refuses a kind of no domain, including names of object properties', () => {
    for (const kind of ['nope:rename', 'constructor:x', 'toString:x', 'meta']) {
      const result = applyEdit(plan, { kind } as unknown as PlanEdit, NOW);
      expect(result).toEqual({ ok: false, reason: `unknown edit "${kind}"`, problems: [] });
    }
  });
});
