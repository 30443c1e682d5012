import {
  holidayRuleProblem,
  majorHolidayDate,
  resolveHolidayRule,
} from '../../../shared/time/major-holidays';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

// One calendar for the file, as a caller holds one: its lists stay warm between tests.
const calendar = new HolidayCalendar();

const US_CA = { country: 'US', subdivision: 'CA' };

describe('majorHolidayDate', () => {
  it.each([
    ['New Year’s Day', '01-01', 2028, { date: '2028-01-01', via: 'fixed' }],
    ['Christmas Day', '12-25', 2027, { date: '2027-12-25', via: 'fixed' }],
    ['Thanksgiving (US)', '4th thursday in November', 2027, { date: '2027-11-25', via: 'rule' }],
    ['Thanksgiving (US)', '4th thursday in November', 2028, { date: '2028-11-23', via: 'rule' }],
    ['Labor Day', '1st monday in September', 2027, { date: '2027-09-06', via: 'rule' }],
    ['Leap day', '02-29', 2027, null],
    ['Leap day', '02-29', 2028, { date: '2028-02-29', via: 'fixed' }],
  ])('%s (%s) in %i → %j', (name, rule, year, expected) => {
    expect(majorHolidayDate(calendar, { id: 'h', name, rule }, year, US_CA)).toEqual(expected);
  });

  it('falls back to a name match in the plan region when date-holidays cannot read the rule', () => {
    // date-holidays reports an unreadable rule on the console; keep the test output clean and prove it was tried.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(
        majorHolidayDate(calendar, { id: 'h', name: 'Independence Day', rule: 'the usual day' }, 2027, US_CA),
      ).toEqual({
        date: '2027-07-04',
        via: 'name',
      });
      expect(
        majorHolidayDate(
          calendar,
          { id: 'h', name: 'Founders Festival', rule: 'whenever we like' },
          2027,
          US_CA,
        ),
      ).toBe(null);
      expect(spy).toHaveBeenCalledWith('could not parse rule: the usual day');
    } finally {
      spy.mockRestore();
    }
  });

  it('gives the rotation, the analysis and the document one answer for a leap day and a padded rule', () => {
    // date-holidays alone would roll 02-29 over to 2027-03-01; a fixed date that does not exist has no day.
    expect(resolveHolidayRule(calendar, '02-29', 2027)).toBeNull();
    expect(resolveHolidayRule(calendar, '02-29', 2028)).toBe('2028-02-29');
    expect(resolveHolidayRule(calendar, ' 12-25 ', 2027)).toBe('2027-12-25');
    expect(holidayRuleProblem(calendar, '02-29')).toBeNull();
    expect(holidayRuleProblem(calendar, '02-30')).toBe(
      'date-holidays cannot read the rule "02-30"; use MM-DD (12-25) or a phrase such as "4th thursday in November"',
    );
    for (const [rule, year] of [
      ['12-25', 2027],
      ['4th thursday in November', 2027],
      ['02-29', 2027],
      ['02-29', 2028],
    ] as const) {
      expect(majorHolidayDate(calendar, { id: 'h', name: 'x', rule }, year, US_CA)?.date ?? null).toBe(
        resolveHolidayRule(calendar, rule, year),
      );
    }
  });
});
