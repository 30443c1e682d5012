import { holidayDuties, majorHolidayDates } from '../../../shared/rotation/holiday-duty';
import { sample } from './plan-fixtures';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

// One calendar for the file, as a caller holds one: its lists stay warm between tests.
const calendar = new HolidayCalendar();

describe('major holidays', () => {
  it('resolves the policy’s rules to dates through date-holidays', () => {
    expect(majorHolidayDates(calendar, sample(), '2027-01-01', '2028-12-31')).toEqual([
      { holidayId: 'new-year', name: 'New Year’s Day', year: 2027, date: '2027-01-01' },
      { holidayId: 'thanksgiving', name: 'Thanksgiving (US)', year: 2027, date: '2027-11-25' },
      { holidayId: 'christmas', name: 'Christmas Day', year: 2027, date: '2027-12-25' },
      { holidayId: 'new-year', name: 'New Year’s Day', year: 2028, date: '2028-01-01' },
      { holidayId: 'thanksgiving', name: 'Thanksgiving (US)', year: 2028, date: '2028-11-23' },
      { holidayId: 'christmas', name: 'Christmas Day', year: 2028, date: '2028-12-25' },
    ]);
  });

  it('proposes duty that rotates across years, using the history the plan keeps', () => {
    const duties = holidayDuties(calendar, sample()).map((d) => ({
      id: `${d.holidayId}-${d.year}`,
      coveredBy: d.coveredBy,
      lastCovered: d.lastCovered,
      repeat: d.repeat,
      proposed: d.proposedMemberId,
      swap: d.swap,
    }));
    expect(duties).toEqual([
      {
        // Nobody has covered Thanksgiving less recently than Priya (never), so she keeps it.
        id: 'thanksgiving-2027',
        coveredBy: 'priya',
        lastCovered: { year: 2026, memberId: 'diego' },
        repeat: false,
        proposed: 'priya',
        swap: null,
      },
      {
        // Diego is away; Maya had Christmas 2026; Priya already takes Thanksgiving: Sam, by swapping weeks.
        id: 'christmas-2027',
        coveredBy: 'priya',
        lastCovered: { year: 2026, memberId: 'maya' },
        repeat: false,
        proposed: 'sam',
        swap: { shiftId: 'primary-2027-12-20', withShiftId: 'primary-2027-12-13' },
      },
      {
        // Sam had New Year 2027 and is on call again for 2028: flagged, and Maya (never) is proposed.
        id: 'new-year-2028',
        coveredBy: 'sam',
        lastCovered: { year: 2027, memberId: 'sam' },
        repeat: true,
        proposed: 'maya',
        swap: { shiftId: 'primary-2027-12-27', withShiftId: 'primary-2027-12-06' },
      },
    ]);
  });

  it('keeps a recorded decision, and lets it count for the years after', () => {
    const base = sample();
    const plan = {
      ...base,
      coverage: {
        ...base.coverage,
        holidays: {
          ...base.coverage.holidays,
          history: [
            ...base.coverage.holidays.history,
            { holidayId: 'new-year', year: 2028, memberId: 'diego' },
          ],
        },
      },
    };
    const [newYear] = holidayDuties(calendar, plan, { from: '2028-01-01', to: '2028-01-01' });
    expect(newYear).toMatchObject({
      recorded: 'diego',
      proposedMemberId: 'diego',
      coveredBy: 'sam',
      repeat: true,
    });
  });
});
