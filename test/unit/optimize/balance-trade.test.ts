import { scenarios } from '../../../bench/optimize/scenarios';
import { leastRecentAssignment } from '../../../shared/optimize/baselines';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { planToRoster } from '../../../shared/optimize/plan-to-roster';
import { balanceTrade } from '../../../shared/optimize/search-moves';
import { SearchState, searchModel } from '../../../shared/optimize/search-state';

describe('balanceTrade', () => {
  it('trades a period of the most loaded person for one the least loaded holds on a day the first may take', () => {
    // Twelve people, two daily layers, four weeks: the least-recent schedule leaves loads uneven.
    const medium = scenarios().find((s) => s.id === 'medium')!;
    const roster = planToRoster(medium.plan, { from: '2027-01-04', to: '2027-01-31' });
    const st = new SearchState(searchModel(roster.model), leastRecentAssignment(roster));
    const devs = st.deviations(new Float64Array(st.who.length));
    const hi = devs.indexOf(Math.max(...devs));
    const lo = devs.indexOf(Math.min(...devs));
    const held = (s: number) => [...st.asg[s]!].flatMap((t, d) => (t >= 0 ? [d] : []));
    expect([hi, lo, Number(devs[hi]!.toFixed(3)), Number(devs[lo]!.toFixed(3))]).toEqual([
      1, 9, 42.845, -54.905,
    ]);
    expect(held(hi)).toEqual([0, 6, 11, 18, 23, 26]);
    expect(held(lo)).toEqual([4, 9, 15, 27]);
    balanceTrade(st, hi, 0, lo, devs[hi]! - devs[lo]!, () => true);
    // Day 1 of the first goes to the second, who gives day 16 back: neither holds two days in a row.
    expect(held(hi)).toEqual([6, 11, 15, 18, 23, 26]);
    expect(held(lo)).toEqual([0, 4, 9, 27]);
    expect(checkRoster(roster.model, st.snapshot()).violations).toEqual([]);
  });

  it('leaves the schedule as it is when the first holds nothing that day', () => {
    const medium = scenarios().find((s) => s.id === 'medium')!;
    const roster = planToRoster(medium.plan, { from: '2027-01-04', to: '2027-01-31' });
    const st = new SearchState(searchModel(roster.model), leastRecentAssignment(roster));
    const before = st.snapshot();
    // Person 9 is not on call on day 1: there is nothing to trade.
    balanceTrade(st, 9, 0, 1, 10, () => true);
    expect(st.snapshot()).toEqual(before);
  });
});
