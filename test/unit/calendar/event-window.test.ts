import { createSamplePlan } from '../../../shared/plan/sample-plan';
import {
  eventWindow,
  monthGridDates,
  shiftEvents,
  type ShiftEventProps,
} from '../../../renderer/src/features/calendar/calendar-events';

const ZONE = 'America/Los_Angeles';
const ALL = { hiddenMembers: [], hiddenLayers: [] };

describe('eventWindow: the shifts FullCalendar is given', () => {
  it('widens the reported range by one plan-local day on each side, across the March DST change', () => {
    // The March 2027 month grid in Los Angeles: Sunday 28 February to Sunday 11 April (exclusive).
    const range = { start: '2027-02-28T08:00:00Z', end: '2027-04-11T07:00:00Z' };
    expect(eventWindow(range, '2027-03-10', ZONE)).toEqual({
      start: '2027-02-27T08:00:00Z',
      end: '2027-04-12T07:00:00Z',
    });
  });

  it('takes the given margin', () => {
    const range = { start: '2027-03-08T08:00:00Z', end: '2027-03-15T07:00:00Z' };
    expect(eventWindow(range, '2027-03-10', ZONE, 0)).toEqual(range);
    expect(eventWindow(range, '2027-03-10', ZONE, 1)).toEqual({
      start: '2027-03-07T08:00:00Z',
      end: '2027-03-16T07:00:00Z',
    });
  });

  it('before FullCalendar reports a range, covers the month grid it opens on and the margin', () => {
    // March 2027 with weeks from Sunday: 28 February to 11 April (exclusive), as the range test above reports it.
    expect(eventWindow(null, '2027-03-10', ZONE)).toEqual({
      start: '2027-02-27T08:00:00Z',
      end: '2027-04-12T07:00:00Z',
    });
  });

  it('lays out the month grid from the week start on or before the first, six weeks', () => {
    expect(monthGridDates('2027-03-10', 0)).toEqual({ from: '2027-02-28', to: '2027-04-11' });
    // 1 March 2027 is a Monday: a Monday grid starts on it.
    expect(monthGridDates('2027-03-31', 1)).toEqual({ from: '2027-03-01', to: '2027-04-12' });
    // August 2027 starts on a Sunday; a Saturday grid goes back one day.
    expect(monthGridDates('2027-08-15', 6)).toEqual({ from: '2027-07-31', to: '2027-09-11' });
  });

  it('keeps only the shifts overlapping the window, a shift touching an edge excluded', () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    const events = shiftEvents(
      plan,
      ALL,
      'primary-2027-03-08',
      'span',
      '2027-03-10T08:00:00Z',
      '2027-03-12T08:00:00Z',
    );
    expect(events.map((e) => e.id).sort()).toEqual(['primary-2027-03-08', 'secondary-2027-03-08']);
    expect(
      (events.find((e) => e.id === 'primary-2027-03-08')!.extendedProps as ShiftEventProps).highlighted,
    ).toBe(true);
    const march8 = plan.shifts.find((s) => s.id === 'primary-2027-03-08')!;
    // A window that ends where the shift starts, or starts where it ends, does not hold it.
    expect(
      shiftEvents(plan, ALL, null, 'span', '2027-03-01T00:00:00Z', march8.start).map((e) => e.id),
    ).not.toContain(march8.id);
    expect(
      shiftEvents(plan, ALL, null, 'span', march8.end, '2027-03-30T00:00:00Z').map((e) => e.id),
    ).not.toContain(march8.id);
  });
});
