import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { analyzePlan } from '../../../shared/fairness/analyze';
import { checkPlanShifts } from '../../../shared/optimize/check-plan-shifts';
import { checkRoster } from '../../../shared/optimize/check-roster';
import {
  createOptimizeMemo,
  optimizePlan,
  type OptimizeOptions,
} from '../../../shared/optimize/optimize-plan';
import { planToRoster } from '../../../shared/optimize/plan-to-roster';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { hoursPlan, primaryOrder } from './tiny-plans';

const run = (plan: Plan, options: OptimizeOptions = {}) =>
  optimizePlan(plan, { timeLimitSeconds: 30, ...options }, solveWithHighs);

/** Every hard rule checked by code that shares nothing with the MILP. */
function expectValid(before: Plan, after: Plan, window: { from?: string; to?: string } = {}) {
  expect(checkPlanShifts(before, after, window)).toEqual([]);
}

describe('optimizePlan on plans whose optimum is known by hand', () => {
  it('two people without back-to-back alternate; each carries 336 h, which is the proven optimum', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    // Objective = mean fair share 336 + max deviation 0 + ¼ × spread 0.
    expect(r.objective).toBeCloseTo(336, 6);
    expect(r.bound).toBeCloseTo(336, 3);
    expect(r.members.map((m) => [m.id, m.weightedLoad])).toEqual([
      ['a', 336],
      ['b', 336],
    ]);
    const order = primaryOrder(r.proposal!.plan);
    expect([
      ['a', 'b', 'a', 'b'],
      ['b', 'a', 'b', 'a'],
    ]).toContainEqual(order);
    expectValid(plan, r.proposal!.plan);
  });

  it('keeps the current schedule when changes cost more than they gain', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    const r = await run(plan, { changeWeight: 1000 });
    expect(r.status).toBe('optimal');
    expect(r.changedShifts).toBe(0);
    expect(primaryOrder(r.proposal!.plan)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('time off: the away person takes none of that week, and everyone one week (availability-adjusted share)', async () => {
    // c is away Tue 2027-04-13 – Wed 2027-04-14, inside the second week (2027-04-12 09:00 – 2027-04-19 09:00).
    const plan = hoursPlan(['a', 'b', 'c'], 3, { c: [['2027-04-13', '2027-04-14']] });
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    const order = primaryOrder(r.proposal!.plan);
    expect(order[1]).not.toBe('c');
    expect([...order].sort()).toEqual(['a', 'b', 'c']);
    // Window 504 h; c is away 48 h, so c owes 504 × (456/504) / (2 + 456/504) = 156.984 h, a and b 173.508 h each.
    // Deviations: c +11.016, a and b −5.508 → 168 + 11.016 + ¼ × 16.525 = 183.148.
    expect(r.objective).toBeCloseTo(183.148, 2);
    expect(r.members.find((m) => m.id === 'c')!.fairShare).toBeCloseTo(156.984, 2);
    expectValid(plan, r.proposal!.plan);
  });

  it('reports the current schedule’s max-min spread as the Fairness analysis does for the same window', async () => {
    // As above: a, b, c one week each, c away two days of the second week. Raw loads 168 h each (raw spread 0);
    // adjusted for availability, c carries 168 × 168 / 156.984 = 179.789 and a, b 168 × 168 / 173.508 = 162.667.
    const plan = hoursPlan(['a', 'b', 'c'], 3, { c: [['2027-04-13', '2027-04-14']] });
    const r = await run(plan);
    expect(r.members.map((m) => m.weightedLoadBefore)).toEqual([168, 168, 168]);
    expect(r.fairnessBefore!.maxMinSpread).toBeCloseTo(17.122, 2);
    expect(r.fairnessBefore!.maxMinSpread).toBeCloseTo(analyzePlan(plan).fairness.maxMinSpread, 2);
  });

  it('a pinned shift stays and the rest is rebuilt around it; changed shifts are marked generated', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    plan.shifts[0] = { ...plan.shifts[0]!, memberId: 'b', pinned: true, source: 'manual' };
    plan.shifts[1] = { ...plan.shifts[1]!, memberId: 'b' };
    plan.shifts[3] = { ...plan.shifts[3]!, memberId: 'b' };
    // Current: b (pinned), b, a, b — the only valid schedule is b, a, b, a.
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    expect(primaryOrder(r.proposal!.plan)).toEqual(['b', 'a', 'b', 'a']);
    expect(r.changedShifts).toBe(3);
    const shifts = r.proposal!.plan.shifts;
    expect(shifts.find((s) => s.id === 'primary-2027-04-05')).toMatchObject({
      memberId: 'b',
      pinned: true,
      source: 'manual',
    });
    expect(shifts.find((s) => s.id === 'primary-2027-04-12')).toMatchObject({
      memberId: 'a',
      source: 'generated',
    });
    expect(shifts.find((s) => s.id === 'primary-2027-04-26')).toMatchObject({
      memberId: 'a',
      source: 'generated',
    });
    expectValid(plan, r.proposal!.plan);
  });

  it('rotates a major holiday away from last year’s holder', async () => {
    const plan = hoursPlan(['a', 'b'], 4);
    plan.coverage.holidays.majorHolidays = [{ id: 'founders', name: 'Founders Day', rule: '04-21' }];
    plan.coverage.holidays.history = [{ holidayId: 'founders', year: 2026, memberId: 'a' }];
    const r = await run(plan);
    expect(r.status).toBe('optimal');
    // 2027-04-21 is in the third week (from 2027-04-19): b must hold it, so the alternation starts with b.
    expect(primaryOrder(r.proposal!.plan)).toEqual(['b', 'a', 'b', 'a']);
    expect(r.objective).toBeCloseTo(336, 6);
  });
});

describe('infeasible plans are explained with the rules and dates that conflict', () => {
  it('names the week nobody can take and why', async () => {
    const plan = hoursPlan(['a', 'b'], 2, {
      a: [['2027-04-13', '2027-04-14']],
      b: [['2027-04-15', '2027-04-15']],
    });
    const r = await run(plan);
    expect(r.status).toBe('infeasible');
    expect(r.proposal).toBeNull();
    expect(r.explanation).toContain('nobody can take Primary 2027-04-12');
    expect(r.explanation).toContain('a is away 2027-04-13 – 2027-04-14 (vacation)');
    expect(r.explanation).toContain('b is away 2027-04-15 – 2027-04-15 (vacation)');
    expect(r.conflicts!.map((c) => c.rule)).toEqual(['coverage']);
  });

  it('back-to-back against time off: both relaxations are offered, each with its dates', async () => {
    // a is away for weeks 2 and 3, so b would hold them back to back.
    const plan = hoursPlan(['a', 'b'], 3, { a: [['2027-04-13', '2027-04-20']] });
    const r = await run(plan);
    expect(r.status).toBe('infeasible');
    expect(r.explanation).toMatch(/^No schedule satisfies every rule\./);
    expect(r.explanation).toContain('Relaxing time off makes one possible');
    expect(r.explanation).toContain('Relaxing the back-to-back limit makes one possible');
    expect(r.explanation).toContain('Primary 2027-04-19: b would hold 2 periods in a row (limit 1)');
    const rules = new Set(r.conflicts!.map((c) => c.rule));
    expect(rules).toEqual(new Set(['time-off', 'back-to-back']));
  });

  it('investor week: only one owner for two periods touching it, without back-to-back', async () => {
    // Investor week 2027-04-24 – 2027-04-30 touches the periods from 2027-04-19 and 2027-04-26; only a owns p1.
    const plan = hoursPlan(['a', 'b'], 4);
    plan.coverage.investorWeek.requireInvestorOwnerAsPrimary = true;
    const r = await run(plan);
    expect(r.status).toBe('infeasible');
    expect(r.explanation).toContain('Relaxing the investor-week owner rule makes one possible');
    expect(r.explanation).toContain(
      'the investor week 2027-04-24 – 2027-04-30 needs an owner of an investor pipeline',
    );
    expect(r.explanation).toContain('Relaxing the back-to-back limit makes one possible');
    expect(r.conflicts!.some((c) => c.rule === 'investor-owner' && c.memberId === 'b')).toBe(true);
  });
});

describe('baselines', () => {
  it('round-robin follows the member order and breaks time off; least-recent skips the away person', async () => {
    const plan = hoursPlan(['a', 'b', 'c'], 3, { b: [['2027-04-13', '2027-04-14']] });
    const rr = await run(plan, { strategy: 'round-robin' });
    expect(primaryOrder(rr.proposal!.plan)).toEqual(['a', 'b', 'c']);
    expect(rr.status).toBe('infeasible');
    expect(rr.violations).toEqual([
      'primary 2027-04-12: b is on call during time off 2027-04-13 – 2027-04-14',
    ]);
    const lr = await run(plan, { strategy: 'least-recent' });
    expect(lr.status).toBe('feasible');
    expect(lr.violations).toEqual([]);
    // History before the window is empty, so a (first in order) starts; b is away in week 2, c takes it; then b.
    expect(primaryOrder(lr.proposal!.plan)).toEqual(['a', 'c', 'b']);
  });
});

describe('the memo kept between calls', () => {
  it('reuses the roster for every strategy on one plan and window, and rebuilds when the window changes', async () => {
    const plan = hoursPlan(['a', 'b', 'c'], 3, { b: [['2027-04-13', '2027-04-14']] });
    const memo = createOptimizeMemo();
    const rr = await run(plan, { strategy: 'round-robin', memo });
    const roster = memo.roster;
    expect(roster).toEqual(expect.objectContaining({ members: expect.any(Array) }));
    const lr = await run(plan, { strategy: 'least-recent', memo });
    const optimal = await run(plan, { memo });
    expect(memo.roster).toBe(roster);
    // The same results as without the memo.
    expect(rr).toEqual({ ...(await run(plan, { strategy: 'round-robin' })), elapsedMs: rr.elapsedMs });
    expect(primaryOrder(lr.proposal!.plan)).toEqual(['a', 'c', 'b']);
    expect(optimal.status).toBe('optimal');
    expect(optimal.violations).toEqual([]);
    expect(optimal.members.map((m) => m.weightedLoadBefore)).toEqual(
      rr.members.map((m) => m.weightedLoadBefore),
    );
    // Another window (or weight) is another roster.
    await run(plan, { strategy: 'round-robin', memo, from: '2027-04-19' });
    expect(memo.roster).not.toBe(roster);
    const shorter = memo.roster;
    await run(plan, { strategy: 'round-robin', memo, from: '2027-04-19', changeWeight: 1 });
    expect(memo.roster).not.toBe(shorter);
  });
});

describe('cancel and bounds', () => {
  it('a cancelled solve keeps the local-search schedule and the assignment and granularity bound', async () => {
    const plan = createSamplePlan('2026-11-27T00:00:00Z');
    let progress = 0;
    const r = await run(plan, { shouldStop: () => true, onProgress: () => progress++ });
    expect(r.status).toBe('feasible');
    // Every period to its cheapest allowed person, weighed by the mean share: 4817.125 weighted hours; plus the
    // least max |deviation| and spread that quarter-hour loads allow against the four fair shares: 0.1355….
    expect(r.bound).toBeCloseTo(4817.2605403, 6);
    expect(r.objective!).toBeGreaterThan(r.bound!);
    expect(r.gap!).toBeLessThan(0.01);
    expect(r.violations).toEqual([]);
    expect(progress).toBeLessThanOrEqual(1);
  }, 60_000);
});

describe('the sample plan', () => {
  it('the optimum (first quarter) beats both baselines on spread and passes the independent checks', async () => {
    const plan = createSamplePlan('2026-11-27T00:00:00Z');
    const window = { from: '2027-01-04', to: '2027-04-04' };
    const optimal = await run(plan, { ...window, timeLimitSeconds: 60 });
    const rr = await run(plan, { ...window, strategy: 'round-robin' });
    const lr = await run(plan, { ...window, strategy: 'least-recent' });
    expect(['optimal', 'feasible']).toContain(optimal.status);
    expect(optimal.violations).toEqual([]);
    expect(optimal.fairness!.maxMinSpread).toBeLessThan(rr.fairness!.maxMinSpread);
    expect(optimal.fairness!.maxMinSpread).toBeLessThan(lr.fairness!.maxMinSpread);
    expect(optimal.objective!).toBeLessThan(lr.objective!);
    expectValid(plan, optimal.proposal!.plan, window);
    // The solver's objective is what the independent checker computes for its schedule.
    const roster = planToRoster(plan, window);
    const order = new Map(roster.members.map((m, s) => [m.id, s]));
    const assignment = roster.members.map(() => new Int32Array(roster.model.days).fill(-1));
    for (const s of optimal.proposal!.plan.shifts) {
      const d = roster.slots.findIndex((slot) => slot.start === s.start);
      const t = roster.layers.findIndex((l) => l.id === s.layerId);
      if (d >= 0 && t >= 0) assignment[order.get(s.memberId)!]![d] = t;
    }
    const check = checkRoster(roster.model, assignment);
    expect(check.violations).toEqual([]);
    expect(check.objective).toBeCloseTo(optimal.objective!, 4);
  }, 120_000);
});
