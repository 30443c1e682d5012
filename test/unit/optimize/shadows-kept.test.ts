import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { optimizePlan } from '../../../shared/optimize/optimize-plan';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

describe('the optimiser and shadow shifts', () => {
  it.each(['optimal', 'round-robin'] as const)(
    'keeps every shadow as it is and never assigns the learner as coverage (%s)',
    async (strategy) => {
      const base = shadowPlan();
      // The test team owns no pipeline: no investor-week owner rule to meet.
      const investorWeek = { ...base.coverage.investorWeek, requireInvestorOwnerAsPrimary: false };
      const plan = {
        ...base,
        coverage: { ...base.coverage, investorWeek },
        shifts: scheduleShifts(base, {}, calendar).shifts,
      };
      const shadows = plan.shifts.filter((s) => s.shadow);
      expect(shadows).toHaveLength(3);
      const result = await optimizePlan(plan, { strategy, timeLimitSeconds: 30 }, solveWithHighs);
      expect(result.violations).toEqual([]);
      const proposed = result.proposal!.shifts;
      expect(proposed.filter((s) => s.shadow)).toEqual(shadows);
      expect(proposed.filter((s) => !s.shadow).map((s) => s.memberId)).not.toContain('d');
      expect(proposed.filter((s) => !s.shadow)).toHaveLength(4);
    },
  );
});
