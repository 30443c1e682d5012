import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { checkPlanShifts } from '../../../shared/optimize/check-plan-shifts';
import { optimizePlan } from '../../../shared/optimize/optimize-plan';
import type { Plan } from '../../../shared/plan/schema';
import { hoursPlan, primaryOrder } from './tiny-plans';

/**
 * Two weeks from Monday 2027-04-05 09:00 (Los Angeles), b then a now, back-to-back forbidden: a-b and b-a are the
 * only rosters and equally fair (168 h each). Pay: 10 EUR an hour, but b's contract pays 30 in the launch week
 * (local dates 2027-04-05 to 2027-04-11). b in week 1: 159 h × 30 + 9 h × 10 = 4860, plus a's 1680 = 6540;
 * a in week 1: 1680 + 1680 = 3360.
 */
function pricedPlan(): Plan {
  const plan = hoursPlan(['b', 'a'], 2);
  return {
    ...plan,
    pay: {
      currency: 'EUR',
      rules: [{ name: 'base', when: {}, hourly: 10 }],
      groups: [
        {
          name: 'b contract',
          memberIds: ['b'],
          rules: [{ name: 'base', when: {}, hourly: 10 }],
          oneOff: [{ name: 'launch week', from: '2027-04-05', to: '2027-04-11', hourly: 30 }],
        },
      ],
    },
  };
}

describe('optimizePlan with a cost weight', () => {
  it('chooses the cheaper of two equally fair rosters, and reports its pay', async () => {
    const plan = pricedPlan();
    const r = await optimizePlan(plan, { costWeight: 0.001, timeLimitSeconds: 30 }, solveWithHighs);
    expect(r.status).toBe('optimal');
    expect(primaryOrder(r.proposal!.plan)).toEqual(['a', 'b']);
    expect(r.cost).toEqual({ currency: 'EUR', total: 3360 });
    // Mean share 168 + deviation 0 + spread 0 + 0.001 × 3360.
    expect(r.objective).toBeCloseTo(171.36, 6);
    expect(r.bound).toBeCloseTo(171.36, 3);
    expect(checkPlanShifts(plan, r.proposal!.plan)).toEqual([]);
  });

  it('without the weight pay is reported but not weighed: the objective is fairness alone', async () => {
    const plan = pricedPlan();
    const r = await optimizePlan(plan, { timeLimitSeconds: 30 }, solveWithHighs);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(168, 6);
    const total = primaryOrder(r.proposal!.plan)[0] === 'a' ? 3360 : 6540;
    expect(r.cost).toEqual({ currency: 'EUR', total });
  });

  it('the round-robin baseline keeps the expensive order and shows its cost in the comparison', async () => {
    const r = await optimizePlan(pricedPlan(), { strategy: 'round-robin' }, () =>
      Promise.reject(new Error('a baseline needs no solver')),
    );
    expect(primaryOrder(r.proposal!.plan)).toEqual(['b', 'a']);
    expect(r.cost).toEqual({ currency: 'EUR', total: 6540 });
  });
});
