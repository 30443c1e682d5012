import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import type { PayRules, Plan } from '../../../shared/plan/schema';
import { comparePay } from '../../../shared/scenarios/compare-pay';
import { scenarioPlan } from '../../../shared/scenarios/scenario-plan';
import { cleanPlan } from '../fairness/test-plans';

function ok(plan: Plan, edit: PlanEdit): Plan {
  const result = applyEdit(plan, edit, '2027-03-01T12:00:00.000Z');
  if (!result.ok) throw new Error(`${edit.kind} refused: ${result.reason}`);
  return result.plan;
}

/** EUR 10 an hour, EUR 30 for c (a contractor): three weeks of 168 h in April 2027 (no DST change). */
const RULES: PayRules = {
  currency: 'EUR',
  rules: [{ name: 'base', when: {}, hourly: 10 }],
  groups: [{ name: 'contractors', memberIds: ['c'], rules: [{ name: 'base', when: {}, hourly: 30 }] }],
};

describe('comparePay: on-call pay of the live plan beside a scenario, by the same rules', () => {
  // Live: a 2027-04-05, b 2027-04-12, c 2027-04-19 (each a week of Monday 09:00 Los Angeles).
  let plan = ok(
    { ...cleanPlan(), pay: RULES },
    {
      kind: 'scenario:create',
      scenarioId: 's1',
      name: 'C leaves',
      createdAt: '2027-02-01T00:00:00Z',
    },
  );
  plan = ok(plan, {
    kind: 'scenario:update',
    scenarioId: 's1',
    change: { kind: 'member-leaves', memberId: 'c', from: '2027-04-19' },
  });

  it('the scenario keeps the plan’s pay rules', () => {
    expect(plan.scenarios[0]!.body.pay).toEqual(RULES);
  });

  it('prices both: c’s last week goes to a at 10 instead of 30, so the total falls by 3,360', () => {
    const cmp = comparePay(
      [
        { id: 'live', name: 'Live plan', plan },
        { id: 's1', name: 'C leaves', plan: scenarioPlan(plan, plan.scenarios[0]!) },
      ],
      RULES,
    );
    expect(cmp.currency).toBe('EUR');
    expect([cmp.from, cmp.to]).toEqual(['2027-04-05', '2027-04-26']);
    expect(cmp.total).toEqual({ values: [8400, 5040], deltas: [null, -3360], directions: [null, 'better'] });
    expect(cmp.hours).toEqual({ values: [504, 504], deltas: [null, 0], directions: [null, 'same'] });
    expect(cmp.members.map((m) => [m.id, m.values, m.deltas, m.directions])).toEqual([
      ['a', [1680, 3360], [null, 1680], [null, 'worse']],
      ['b', [1680, 1680], [null, 0], [null, 'same']],
      ['c', [5040, 0], [null, -5040], [null, 'better']],
    ]);
  });

  it('a window prices only its days: the first week alone', () => {
    const cmp = comparePay([{ id: 'live', name: 'Live plan', plan }], RULES, {
      from: '2027-04-05',
      to: '2027-04-11',
    });
    // 2027-04-05 00:00 to 04-12 00:00 holds a's shift from 09:00 on the 5th: 159 h at 10.
    expect(cmp.total.values).toEqual([1590]);
  });
});
