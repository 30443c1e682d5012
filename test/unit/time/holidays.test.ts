import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { calendarHolidays, inPlanRegion, planHolidays } from '../../../shared/time/holidays';
import { holidayRuleProblem, resolveHolidayRule } from '../../../shared/time/major-holidays';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

// One calendar for the file, as a caller holds one: its lists stay warm between tests.
const calendar = new HolidayCalendar();

const plan = createSamplePlan('2026-06-01T12:00:00Z');

describe('holidays for the calendar', () => {
  it('lists each region’s holidays with the members who have the day off', () => {
    expect(calendarHolidays(calendar, plan, '2027-06-28', '2027-07-06')).toEqual([
      { date: '2027-07-01', name: 'Canada Day', source: 'region', memberIds: ['priya'], planRegion: false },
      {
        date: '2027-07-04',
        name: 'Independence Day',
        source: 'region',
        memberIds: ['maya', 'diego', 'sam'],
        planRegion: true,
      },
      {
        date: '2027-07-05',
        name: 'Independence Day (substitute day)',
        source: 'region',
        memberIds: ['maya', 'diego', 'sam'],
        planRegion: true,
      },
    ]);
  });

  it('gives the custom company day to those whose region does not already have a holiday then', () => {
    expect(calendarHolidays(calendar, plan, '2027-11-26', '2027-11-26')).toEqual([
      {
        date: '2027-11-26',
        name: 'Company day off after Thanksgiving',
        source: 'custom',
        memberIds: ['priya', 'sam'],
        planRegion: false,
      },
      {
        date: '2027-11-26',
        name: 'Day after Thanksgiving Day',
        source: 'region',
        memberIds: ['maya', 'diego'],
        planRegion: true,
      },
    ]);
    // Christmas and New Year fall on Saturdays in 2027, so the Fridays before are the days off.
    expect(planHolidays(calendar, plan, '2027-12-24', '2028-01-01')).toEqual([
      { date: '2027-12-24', name: 'Christmas Day (substitute day)', source: 'region' },
      { date: '2027-12-25', name: 'Christmas Day', source: 'region' },
      { date: '2027-12-31', name: "New Year's Day (substitute day)", source: 'region' },
      { date: '2028-01-01', name: "New Year's Day", source: 'region' },
    ]);
  });

  it('knows who lives in the plan’s region (US-CA)', () => {
    expect(plan.members.map((m) => [m.id, inPlanRegion(plan, m)])).toEqual([
      ['maya', true],
      ['diego', true],
      ['priya', false],
      ['sam', false],
    ]);
  });
});

describe('major-holiday rules', () => {
  it.each([
    ['12-25', 2027, '2027-12-25'],
    ['01-01', 2028, '2028-01-01'],
    ['4th thursday in November', 2027, '2027-11-25'],
    ['4th thursday in November', 2028, '2028-11-23'],
    ['1st monday in September', 2027, '2027-09-06'],
  ])('%s in %i is %s', (rule, year, date) => {
    expect(resolveHolidayRule(calendar, rule, year)).toBe(date);
  });

  it('explains a rule date-holidays cannot read', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(resolveHolidayRule(calendar, '4th thurs in Nov', 2027)).toBeNull();
    expect(holidayRuleProblem(calendar, '4th thurs in Nov')).toBe(
      'date-holidays cannot read the rule "4th thurs in Nov"; use MM-DD (12-25) or a phrase such as "4th thursday in November"',
    );
    expect(holidayRuleProblem(calendar, '12-25')).toBeNull();
    quiet.mockRestore();
  });
});
