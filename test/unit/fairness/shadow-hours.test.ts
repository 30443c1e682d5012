import { analyzePlan } from '../../../shared/fairness/analyze';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

describe('shadow hours in the analysis', () => {
  it('counts a learner’s shadow hours on their own, never as on-call hours or weighted load', () => {
    const plan = { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts };
    const analysis = analyzePlan(plan);
    const d = analysis.members.find((m) => m.id === 'd')!;
    // 11 Jan 17:00Z – 13 Jan 08:00Z (39 h), 15 Jan 08:00Z – 18 Jan 08:00Z (72 h), 19 Jan 08:00Z – 25 Jan 17:00Z (153 h)
    expect([d.shadowHours, d.onCallHours, d.weightedLoad, d.shiftCount]).toEqual([264, 0, 0, 0]);
    expect(analysis.members.map((m) => [m.id, m.onCallHours, m.shadowHours])).toEqual([
      ['a', 336, 0],
      ['b', 168, 0],
      ['c', 168, 0],
      ['d', 0, 264],
    ]);
    expect(analysis.flags.filter((f) => f.kind === 'overlap' || f.kind === 'coverage-gap')).toEqual([]);
  });

  it('is the same analysis for everyone else as the plan without its shadows', () => {
    const plan = { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts };
    const without = { ...plan, shifts: plan.shifts.filter((s) => !s.shadow) };
    const strip = (a: ReturnType<typeof analyzePlan>) => ({
      ...a,
      members: a.members.map((m) => ({ ...m, shadowHours: 0 })),
    });
    expect(strip(analyzePlan(plan))).toEqual(strip(analyzePlan(without)));
  });
});
