import { scenarios } from '../../../bench/optimize/scenarios';
import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { leastRecentAssignment } from '../../../shared/optimize/baselines';
import { balanceLns } from '../../../shared/optimize/balance-lns';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { planToRoster } from '../../../shared/optimize/plan-to-roster';
import { buildRosterMilp } from '../../../shared/optimize/roster-milp';

/** A clock that moves one second per reading, so the number of rounds does not depend on the machine. */
function tickingClock() {
  let t = 0;
  return () => (t += 1000);
}

describe('balanceLns', () => {
  it('re-deals the extremes’ periods to a fairer roster the independent checker accepts', async () => {
    // Twelve people, two daily layers, four weeks: the least-recent schedule leaves loads uneven.
    const medium = scenarios().find((s) => s.id === 'medium')!;
    const roster = planToRoster(medium.plan, { from: '2027-01-04', to: '2027-01-31' });
    const start = leastRecentAssignment(roster);
    const milp = buildRosterMilp(roster.model);
    const now = tickingClock();
    const result = await balanceLns(roster.model, milp, start, {
      solve: solveWithHighs,
      now,
      deadline: now() + 12_000,
      seed: 1,
    });
    const before = checkRoster(roster.model, start);
    const after = checkRoster(roster.model, result);
    expect(after.violations).toEqual([]);
    expect(Number(before.fairness!.maxDeviation.toFixed(3))).toBe(54.905);
    // Each round frees the most and the least loaded person: in the few rounds the clock allows, the worst
    // deviation halves at least.
    expect(after.fairness!.maxDeviation).toBeLessThan(54.905 / 2);
    expect(after.objective).toBeLessThan(before.objective - 20);
  }, 60_000);
});
