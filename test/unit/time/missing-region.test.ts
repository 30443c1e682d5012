import { missingRegionNotices, regionalHolidayExample } from '../../../shared/time/missing-region';
import { changed, member } from '../fairness/test-plans';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

// One calendar for the file, as a caller holds one: its lists stay warm between tests.
const calendar = new HolidayCalendar();

describe('members whose regional holidays are not counted', () => {
  it('names England’s 2027-08-30 bank holiday for a GB member without a region', () => {
    const plan = changed((p) => {
      p.members = [
        member('a', { name: 'Alex', timeZone: 'Europe/London', holidayRegion: { country: 'GB' } }),
        member('b', {
          name: 'Bea',
          timeZone: 'Europe/London',
          holidayRegion: { country: 'GB', subdivision: 'ENG' },
        }),
        member('c', { name: 'Chi', timeZone: 'Asia/Tokyo', holidayRegion: { country: 'JP' } }),
      ];
    });
    expect(missingRegionNotices(calendar, plan, '2027-01-01', '2027-12-31')).toEqual([
      {
        memberId: 'a',
        country: 'GB',
        example: {
          date: '2027-08-30',
          name: 'Summer bank holiday',
          subdivision: 'ENG',
          subdivisionName: 'England',
          keptBy: 3,
        },
        message:
          "Alex (GB) has no region: regional holidays such as England's 2027-08-30 Summer bank holiday are not counted",
      },
    ]);
  });

  it('says nothing when the window holds no regional holiday', () => {
    // GB's regional days in 2027: St Patrick's Day (03-17, Northern Ireland), 08-02 (Scotland), 08-30, 11-30
    // (St Andrew's Day, Scotland). Nothing between 2027-09-01 and 2027-11-29.
    expect(regionalHolidayExample(calendar, 'GB', '2027-09-01', '2027-11-29')).toBeNull();
    expect(regionalHolidayExample(calendar, 'GB', '2027-09-01', '2027-11-30')).toMatchObject({
      date: '2027-11-30',
      subdivision: 'SCT',
      keptBy: 1,
    });
  });

  it('finds the regional days of countries whose holidays are mostly regional', () => {
    expect(regionalHolidayExample(calendar, 'DE', '2027-01-01', '2027-01-31')).toMatchObject({
      date: '2027-01-06',
      name: 'Epiphany',
      keptBy: 3,
    });
    expect(regionalHolidayExample(calendar, 'AU', '2027-06-01', '2027-06-30')).toMatchObject({
      date: '2027-06-14',
      name: "King's Birthday",
    });
    // Japan has prefectures in date-holidays but no prefecture adds a day.
    expect(regionalHolidayExample(calendar, 'JP', '2027-01-01', '2027-12-31')).toBeNull();
  });
});
