import { analyzePlan } from '../../../shared/fairness/analyze';
import { buildLedger } from '../../../shared/fairness/ledger';
import { resolveWindow } from '../../../shared/fairness/window';
import { changed, cleanPlan, weeks } from './test-plans';

describe('the analysis window', () => {
  it('defaults to the rotation horizon, handoff to handoff', () => {
    expect(resolveWindow(cleanPlan())).toMatchObject({
      from: '2027-04-05',
      to: '2027-04-26',
      start: '2027-04-05T16:00:00.000Z',
      end: '2027-04-26T16:00:00.000Z',
      hours: 504,
    });
  });

  it('reads --from/--to as whole local days in the plan zone', () => {
    expect(resolveWindow(cleanPlan(), { from: '2027-04-10', to: '2027-04-11' })).toMatchObject({
      start: '2027-04-10T07:00:00.000Z',
      end: '2027-04-12T07:00:00.000Z',
      hours: 48,
    });
  });

  it('refuses a window that ends before it starts, naming both dates', () => {
    expect(() => resolveWindow(cleanPlan(), { from: '2027-04-12', to: '2027-04-10' })).toThrow(
      'the window ends (2027-04-10) before it starts (2027-04-12)',
    );
  });
});

describe('the ledger', () => {
  it('sums hours per member over a clipped window', () => {
    // Sat 2027-04-10 00:00 → Mon 2027-04-12 00:00 PDT: 48 h of a's week, all weekend; nights Fri 22:00 → … only
    // Sat 00:00–07:00 (7) + Sat 22:00 → Sun 07:00 (9) + Sun 22:00 → Mon 00:00 (2) = 18. Weighted 48 × 1.5 + 9 = 81.
    const a = analyzePlan(cleanPlan(), { from: '2027-04-10', to: '2027-04-11' });
    expect(a.members[0]).toMatchObject({
      id: 'a',
      onCallHours: 48,
      weekendHours: 48,
      nightHours: 18,
      weightedLoad: 81,
      shiftCount: 1,
    });
    expect(a.members[1]).toMatchObject({ id: 'b', onCallHours: 0, weightedLoad: 0, shiftCount: 0 });
  });

  it('fair share follows availability: away half the window, owe half', () => {
    // Two members, four weeks a, b, a, b from 2027-04-05; b takes 14 days off (2027-04-12 … 2027-04-25) of the
    // 28-day window → availability 0.5 vs 1. Fair shares split the total 2 : 1.
    const plan = changed((p) => {
      p.members = p.members.slice(0, 2);
      p.members[1]!.timeOff = [
        { id: 'off', start: '2027-04-12', end: '2027-04-25', kind: 'vacation', note: '' },
      ];
      p.rotation.layers[0]!.memberOrder = ['a', 'b'];
      p.rotation.endDate = '2027-05-03';
      p.shifts = weeks('primary', '2027-04-05', ['a', 'b', 'a', 'b']);
      p.ownership = [];
    });
    const ledger = buildLedger(plan, resolveWindow(plan));
    const [a, b] = ledger.members;
    expect(a!.availability).toBe(1);
    expect(b!.availability).toBe(0.5);
    const total = a!.weightedLoad + b!.weightedLoad;
    expect(a!.fairShare).toBeCloseTo((total * 2) / 3, 9);
    expect(b!.fairShare).toBeCloseTo(total / 3, 9);
  });

  it('judges 13 weeks among 4 against the best split (3 or 4 weeks each), not 3.25', () => {
    // Weights flattened to 1 per hour so every week weighs 168: the fair share is 13 × 168 / 4 = 546 and whole
    // weeks allow 3 × 168 = 504 … 4 × 168 = 672.
    const plan = changed((p) => {
      p.members.push({ ...p.members[0]!, id: 'd', name: 'D Person', email: 'd@example.com' });
      p.coverage.weights = {
        weekday: 1,
        weekend: 1,
        holiday: 1,
        nightBonus: 0,
        investorWeekBonus: 0,
        secondaryFactor: 0.5,
      };
      p.coverage.limits.unevenThreshold = 0;
      p.rotation.layers[0]!.memberOrder = ['a', 'b', 'c', 'd'];
      p.rotation.startDate = '2027-03-15';
      p.rotation.endDate = '2027-06-14';
      p.shifts = weeks('primary', '2027-03-15', 'abcdabcdabcda'.split(''));
    });
    const a = analyzePlan(plan);
    expect(a.members.map((m) => m.weightedLoad)).toEqual([672, 504, 504, 504]);
    expect(a.members.map((m) => m.fairShare)).toEqual([546, 546, 546, 546]);
    expect(a.members[0]!.fairShareRange).toEqual({ low: 504, high: 672 });
    expect(a.flags.filter((f) => f.kind === 'uneven-rotation')).toEqual([]);
    // Spread 672 − 504 = 168; balance: three pairs (a, x) at 504/672 = 0.75 and three equal pairs → 0.875.
    expect(a.fairness).toEqual({ gini: 0.0577, cv: 0.1332, balance: 0.875, maxMinSpread: 168 });
  });
});
