import {
  memberHoursInRange,
  shiftEvents,
  type ShiftEventProps,
} from '../../../renderer/src/features/calendar/calendar-events';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

describe('shadow shifts on the calendar', () => {
  const plan = { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts };

  it('marks a shadow event as shadow, not draggable, with the learner’s colour as its outline', () => {
    const events = shiftEvents(plan, { hiddenMembers: [], hiddenLayers: [] }, null, 'span');
    const shadow = events.find((e) => e.id === 'primary-shadow-d-2027-01-11T09:00')!;
    expect((shadow.extendedProps as ShiftEventProps).shadow).toBe(true);
    expect(shadow.editable).toBe(false);
    expect(shadow.borderColor).toBe('#336699');
    const onCall = events.find((e) => e.id === 'primary-2027-01-11')!;
    expect((onCall.extendedProps as ShiftEventProps).shadow).toBe(false);
    expect(onCall.editable).toBe(true);
  });

  it('leaves shadow hours out of the palette’s on-call hours', () => {
    const hours = memberHoursInRange(plan, '2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z');
    expect(hours.get('d')).toEqual({ memberId: 'd', byLayer: {}, total: 0 });
    expect(hours.get('b')).toEqual({ memberId: 'b', byLayer: { primary: 168 }, total: 168 });
  });
});
