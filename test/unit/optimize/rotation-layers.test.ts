import { optimizePlan } from '../../../shared/optimize/optimize-plan';
import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';

describe('optimizePlan on layers of regional rotations', () => {
  it('refuses with a reason instead of proposing plain periods over regional turns', async () => {
    const plan = createFollowTheSunPlan('2026-12-06T00:00:00.000Z');
    const result = await optimizePlan(plan, { strategy: 'optimal' }, () => {
      throw new Error('the solver must not be asked');
    });
    expect(result.status).toBe('infeasible');
    expect(result.proposal).toBeNull();
    expect(result.explanation).toBe(
      'The optimiser works on plain rotations only; Primary, Secondary have rotations of their own (regions, windows or cadences): build the shifts with Regenerate or rotaplan generate.',
    );
  });
});
