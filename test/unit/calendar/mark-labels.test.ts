import { shortHolidayName } from '../../../renderer/src/features/calendar/mark-labels';

describe('shortHolidayName', () => {
  it('uses the short form people say, marks substitute days, and cuts other long names at a word', () => {
    expect(shortHolidayName('Martin Luther King Jr. Day')).toBe('MLK Day');
    expect(shortHolidayName('Christmas Day (substitute day)')).toBe('Christmas (obs.)');
    expect(shortHolidayName('Labor Day')).toBe('Labor Day');
    expect(shortHolidayName('Washington-Lincoln Day')).toBe('Washington-Lincoln');
    expect(shortHolidayName('Victoria Day of the Queen')).toBe('Victoria Day');
  });
});
