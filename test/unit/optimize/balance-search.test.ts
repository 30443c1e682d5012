import { scenarios } from '../../../bench/optimize/scenarios';
import { leastRecentAssignment } from '../../../shared/optimize/baselines';
import { polishBalance } from '../../../shared/optimize/balance-search';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { planToRoster } from '../../../shared/optimize/plan-to-roster';

describe('polishBalance', () => {
  // Twelve people, two daily layers, four weeks: the least-recent schedule leaves loads uneven.
  const medium = () => scenarios().find((s) => s.id === 'medium')!;

  it('evens the least-recent schedule out move by move, keeping every hard rule', () => {
    const roster = planToRoster(medium().plan, { from: '2027-01-04', to: '2027-01-31' });
    const start = leastRecentAssignment(roster);
    const before = checkRoster(roster.model, start);
    const one = checkRoster(roster.model, polishBalance(roster.model, start, { maxMoves: 1 }));
    const all = checkRoster(roster.model, polishBalance(roster.model, start, { maxMoves: 10_000 }));
    // One move (the best trade of the most or least loaded person), then the descent to its end.
    expect([before.objective, one.objective, all.objective].map((v) => Number(v.toFixed(4)))).toEqual([
      201.2801, 171.3509, 122.7449,
    ]);
    expect(all.violations).toEqual([]);
    expect(one.violations).toEqual([]);
  });

  it('with keepLinear, never raises the team total or the penalties', () => {
    const roster = planToRoster(medium().plan, { from: '2027-01-04', to: '2027-01-31' });
    const start = leastRecentAssignment(roster);
    const before = checkRoster(roster.model, start);
    const after = checkRoster(
      roster.model,
      polishBalance(roster.model, start, { maxMoves: 10_000, keepLinear: true }),
    );
    expect(after.violations).toEqual([]);
    expect(after.fairness!.meanShare).toBeLessThanOrEqual(before.fairness!.meanShare + 1e-9);
    expect(
      [before.fairness!.maxDeviation, after.fairness!.maxDeviation].map((v) => Number(v.toFixed(4))),
    ).toEqual([54.9051, 1.1408]);
  });
});
