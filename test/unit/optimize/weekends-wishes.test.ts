import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { checkPlanShifts } from '../../../shared/optimize/check-plan-shifts';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { optimizePlan, type OptimizeOptions } from '../../../shared/optimize/optimize-plan';
import { planToRoster } from '../../../shared/optimize/plan-to-roster';
import type { Plan, Wish } from '../../../shared/plan/schema';
import { hoursPlan, primaryOrder, weekShift } from './tiny-plans';

const run = (plan: Plan, options: OptimizeOptions = {}) =>
  optimizePlan(plan, { timeLimitSeconds: 30, ...options }, solveWithHighs);

/**
 * Two people, four weekly periods handed off on Saturday 09:00 (2027-04-03 → 2027-05-01), back-to-back allowed up
 * to 2, current schedule a, b, a, b. Each period touches two weekends: period k holds weekends k and k + 1 of the
 * five in the window (Saturdays 2027-04-03 … 2027-05-01, the first and last clipped to the window).
 */
function saturdayPlan(): Plan {
  const plan = hoursPlan(['a', 'b'], 4);
  plan.rotation.handoff.weekday = 6;
  plan.rotation.startDate = '2027-04-03';
  plan.rotation.endDate = '2027-05-01';
  plan.coverage.limits.allowBackToBack = true;
  plan.coverage.limits.maxConsecutiveShifts = 2;
  plan.shifts = ['2027-04-03', '2027-04-10', '2027-04-17', '2027-04-24'].map((date, k) =>
    weekShift('primary', k % 2 === 0 ? 'a' : 'b', date),
  );
  return plan;
}

const wish = (
  id: string,
  memberId: string,
  from: string,
  to: string,
  kind: Wish['kind'],
  weight: number,
) => ({
  id,
  memberId,
  from,
  to,
  kind,
  weight,
});

describe('max weekends per person', () => {
  it('the limit changes the optimum: alternating holds 4 weekends each, so two blocks of two are the best', async () => {
    const plan = saturdayPlan();
    // Without a limit the current schedule is already perfectly fair: nothing changes (mean share 336).
    const free = await run(plan, { changeWeight: 1 });
    expect(free.status).toBe('optimal');
    expect(free.objective).toBeCloseTo(336, 6);
    expect(free.changedShifts).toBe(0);

    plan.rotation.maxWeekendsPerMember = 3;
    const limited = await run(plan, { changeWeight: 1 });
    expect(limited.status).toBe('optimal');
    // a, a, b, b or b, b, a, a: still 336 h each, and two periods change (one per person) → 336 + 2.
    expect(limited.objective).toBeCloseTo(338, 6);
    expect(limited.changedShifts).toBe(2);
    expect([
      ['a', 'a', 'b', 'b'],
      ['b', 'b', 'a', 'a'],
    ]).toContainEqual(primaryOrder(limited.proposal!.plan));
    expect(limited.violations).toEqual([]);
    expect(checkPlanShifts(plan, limited.proposal!.plan)).toEqual([]);
  });

  it('the independent checks catch the alternating schedule, and round-robin lists the broken limit', async () => {
    const plan = saturdayPlan();
    plan.rotation.maxWeekendsPerMember = 3;
    const roster = planToRoster(plan);
    expect(roster.weekends.map((w) => w.saturday)).toEqual([
      '2027-04-03',
      '2027-04-10',
      '2027-04-17',
      '2027-04-24',
      '2027-05-01',
    ]);
    const alternating = [Int32Array.from([0, -1, 0, -1]), Int32Array.from([-1, 0, -1, 0])];
    expect(checkRoster(roster.model, alternating).violations).toEqual([
      'a: 4 weekends > 3',
      'b: 4 weekends > 3',
    ]);
    const blocks = [Int32Array.from([0, 0, -1, -1]), Int32Array.from([-1, -1, 0, 0])];
    expect(checkRoster(roster.model, blocks).violations).toEqual([]);

    const rr = await run(plan, { strategy: 'round-robin' });
    expect(rr.status).toBe('infeasible');
    expect(rr.violations).toEqual([
      'a is on call on 4 weekends (limit 3): 2027-04-03, 2027-04-10, 2027-04-17, 2027-04-24',
      'b is on call on 4 weekends (limit 3): 2027-04-10, 2027-04-17, 2027-04-24, 2027-05-01',
    ]);
  });

  it('options override the plan: null lifts the limit', async () => {
    const plan = saturdayPlan();
    plan.rotation.maxWeekendsPerMember = 3;
    const r = await run(plan, { changeWeight: 1, maxWeekends: null });
    expect(r.changedShifts).toBe(0);
    expect(r.objective).toBeCloseTo(336, 6);
  });

  it('an impossible limit is infeasible, and the explanation names the weekend limit with dates', async () => {
    // Three Monday-to-Monday weeks hold the weekends of 2027-04-10, 04-17 and 04-24; two people, one each at most.
    const plan = hoursPlan(['a', 'b'], 3);
    plan.rotation.maxWeekendsPerMember = 1;
    const r = await run(plan);
    expect(r.status).toBe('infeasible');
    expect(r.proposal).toBeNull();
    expect(r.explanation).toMatch(/^No schedule satisfies every rule\./);
    expect(r.explanation).toContain('Relaxing the limit of weekends per person makes one possible');
    // Without back-to-back the relaxed schedule is a, b, a or b, a, b: the middle-free person needs two weekends.
    expect(r.explanation).toMatch(
      /max 1 weekend per person: (A|B) Person would need 2 \(2027-04-10, 2027-04-24\)/,
    );
    expect(r.conflicts!.map((c) => c.rule)).toEqual(['max-weekends']);
  });
});

describe('wishes', () => {
  it('an avoid wish is honoured when it costs nothing in fairness (read from the plan)', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    // Current a, b, a, b; a avoids the first week: b, a, b, a is just as fair.
    plan.wishes = [wish('w1', 'a', '2027-04-05', '2027-04-11', 'avoid', 10)];
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    expect(primaryOrder(r.proposal!.plan)).toEqual(['b', 'a', 'b', 'a']);
    expect(r.objective).toBeCloseTo(336, 6);
  });

  it('an avoid wish that fairness overrules is paid for, per period', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    // a avoids the whole window: still two weeks each (fairness costs far more), 2 × 5 paid.
    plan.wishes = [wish('w1', 'a', '2027-04-05', '2027-05-02', 'avoid', 5)];
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(346, 6);
    expect(r.members.map((m) => m.weightedLoad)).toEqual([336, 336]);
  });

  it('prefer wishes are honoured: each gets the week they asked for', async () => {
    const plan = hoursPlan(['a', 'b', 'c'], 3);
    plan.wishes = [
      wish('w1', 'c', '2027-04-06', '2027-04-06', 'prefer', 20),
      wish('w2', 'a', '2027-04-20', '2027-04-21', 'prefer', 20),
    ];
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    expect(primaryOrder(r.proposal!.plan)).toEqual(['c', 'b', 'a']);
    expect(r.objective).toBeCloseTo(168, 6);
  });

  it('options.wishes replace the plan wishes', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    plan.wishes = [wish('w1', 'a', '2027-04-05', '2027-04-11', 'avoid', 10)];
    const r = await run(plan, {
      wishes: [
        {
          memberId: 'b',
          start: '2027-04-05T16:00:00Z',
          end: '2027-04-12T16:00:00Z',
          kind: 'off',
          weight: 10,
        },
      ],
    });
    expect(primaryOrder(r.proposal!.plan)).toEqual(['a', 'b', 'a', 'b']);
  });
});
