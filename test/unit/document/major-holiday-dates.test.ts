import { majorHolidayDate } from '../../../shared/document/major-holiday-dates';

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
    expect(majorHolidayDate({ id: 'h', name, rule }, year, US_CA)).toEqual(expected);
  });

  it('falls back to a name match in the plan region when date-holidays cannot read the rule', () => {
    // date-holidays reports an unreadable rule on the console; keep the test output clean and prove it was tried.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(
        majorHolidayDate({ id: 'h', name: 'Independence Day', rule: 'the usual day' }, 2027, US_CA),
      ).toEqual({
        date: '2027-07-04',
        via: 'name',
      });
      expect(
        majorHolidayDate({ id: 'h', name: 'Founders Festival', rule: 'whenever we like' }, 2027, US_CA),
      ).toBe(null);
      expect(spy).toHaveBeenCalledWith('could not parse rule: the usual day');
    } finally {
      spy.mockRestore();
    }
  });
});
