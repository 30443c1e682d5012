import type { Plan } from '../../../shared/plan/schema';
import { away, member, planWith } from './plan-fixtures';

/**
 * Primary a, b, c weekly from Monday 2027-01-04 09:00 Los Angeles; d learns from 2027-01-11 until 2027-01-25
 * (b's and c's turns), is away Wed 13 – Thu 14 January, and has Martin Luther King Jr. Day (Mon 18 January, US-CA)
 * off.
 */
export function shadowPlan(): Plan {
  return planWith(
    [member('a'), member('b'), member('c'), member('d', [away('d-1', '2027-01-13', '2027-01-14')])],
    {
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      timeZone: 'America/Los_Angeles',
      startDate: '2027-01-04',
      endDate: '2027-02-01',
      layers: [
        {
          id: 'primary',
          name: 'Primary',
          memberOrder: ['a', 'b', 'c'],
          shadows: [{ id: 'learn-d', memberId: 'd', from: '2027-01-11', until: '2027-01-25' }],
        },
      ],
    },
  );
}
