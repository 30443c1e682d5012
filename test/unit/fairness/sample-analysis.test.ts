import { Temporal } from 'temporal-polyfill';
import { analyzePlan } from '../../../shared/fairness/analyze';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { investorWeeks } from '../../../shared/rotation/investor-weeks';
import { memberHolidays } from '../../../shared/time/holidays';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

// One calendar for the file, as a caller holds one: its lists stay warm between tests.
const calendar = new HolidayCalendar();

const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
const analysis = analyzePlan(plan);

/**
 * An independent count, hour by hour with Temporal (slow, obvious): for each hour of each shift, the member's local
 * weekday, hour and date, and the plan-zone date for investor weeks. The sample's shifts start and end on whole
 * hours, so counting hours counts them exactly.
 */
function countByHour(memberId: string) {
  const member = plan.members.find((m) => m.id === memberId)!;
  const holidays = new Set(
    memberHolidays(calendar, plan, member, '2026-12-01', '2028-01-31').map((h) => h.date),
  );
  const investor = investorWeeks(plan.coverage.investorWeek.rule, '2026-12-01', '2028-01-31');
  const out = { onCallHours: 0, weekendHours: 0, holidayHours: 0, nightHours: 0, investorWeekHours: 0 };
  for (const s of plan.shifts.filter((x) => x.memberId === memberId)) {
    let t = Temporal.Instant.from(s.start);
    const end = Temporal.Instant.from(s.end);
    while (Temporal.Instant.compare(t, end) < 0) {
      const local = t.toZonedDateTimeISO(member.timeZone);
      const planDate = t.toZonedDateTimeISO(plan.rotation.timeZone).toPlainDate().toString();
      out.onCallHours++;
      if (local.dayOfWeek >= 6) out.weekendHours++;
      if (holidays.has(local.toPlainDate().toString())) out.holidayHours++;
      if (local.hour >= 22 || local.hour < 7) out.nightHours++;
      if (investor.some((w) => planDate >= w.start && planDate <= w.end)) out.investorWeekHours++;
      t = t.add({ hours: 1 });
    }
  }
  return out;
}

describe('the sample plan, analysed', () => {
  it('covers the rotation horizon by default', () => {
    expect([analysis.from, analysis.to]).toEqual(['2027-01-04', '2028-01-03']);
    expect([analysis.windowStart, analysis.windowEnd]).toEqual([
      '2027-01-04T17:00:00Z',
      '2028-01-03T17:00:00Z',
    ]);
  });

  it.each(plan.members.map((m) => [m.id]))('reports the hours of %s’s shifts, counted hour by hour', (id) => {
    const m = analysis.members.find((x) => x.id === id)!;
    expect({
      onCallHours: m.onCallHours,
      weekendHours: m.weekendHours,
      holidayHours: m.holidayHours,
      nightHours: m.nightHours,
      investorWeekHours: m.investorWeekHours,
    }).toEqual(countByHour(id));
    expect(m.shiftCount).toBe(plan.shifts.filter((s) => s.memberId === id).length);
  });

  it('says plainly that four people cannot stay under 25 % on call', () => {
    const share = analysis.flags.filter((f) => f.kind === 'on-call-share');
    expect(share.map((f) => f.memberId).sort()).toEqual(['diego', 'maya', 'priya', 'sam']);
    expect(share.every((f) => f.severity === 'warning' && f.message.includes('above the 25 % limit'))).toBe(
      true,
    );
    expect(share[0]!.fix).toBe('a rotation of 8 people keeps everyone at or under 25 % (it has 4)');
    const team = analysis.flags.filter((f) => f.kind === 'team-size');
    expect(team).toHaveLength(1);
    expect(team[0]!.message).toMatch(
      /^4 people run a continuous Primary \+ Secondary rotation, which needs at least 8 to keep everyone at or under 25 % on call/,
    );
  });

  it('counts primary and secondary time: a four-person weekly rotation on two layers is about 50 % each', () => {
    const total = analysis.members.reduce((s, m) => s + m.onCallShare, 0);
    // Two layers cover the whole window: the shares add up to 2.
    expect(total).toBeCloseTo(2, 3);
  });

  it('keeps the analyze --json shape of the CLI contract', () => {
    expect(Object.keys(analysis)).toEqual(
      expect.arrayContaining(['from', 'to', 'members', 'fairness', 'flags']),
    );
    expect(Object.keys(analysis.fairness).sort()).toEqual(['balance', 'cv', 'gini', 'maxMinSpread']);
    for (const m of analysis.members) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'onCallHours',
          'weekendHours',
          'holidayHours',
          'nightHours',
          'investorWeekHours',
          'weightedLoad',
          'fairShare',
          'shiftCount',
        ]),
      );
    }
    for (const f of analysis.flags) {
      expect(['info', 'warning', 'error']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(10);
    }
  });
});
