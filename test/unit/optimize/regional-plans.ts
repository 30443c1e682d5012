import { generateShifts } from '../../../shared/rotation/schedule-shifts';
import type { Plan } from '../../../shared/plan/schema';
import { hoursPlan } from './tiny-plans';

/**
 * A business-hours + after-hours plan in plain hours (every weight 1; see `hoursPlan`): one Primary layer of two
 * weekly rotations handing over on Monday 09:00 Los Angeles time — `business` (a, b) on call Monday to Friday
 * 09:00-17:00 (40 h a week) and `after` (b, c) the rest of the week (128 h) — over `weeks` weeks from Monday
 * 2027-04-05, back-to-back allowed up to two periods in a row on the layer. The current shifts are the engine's.
 */
export function businessAfterHoursPlan(weeks: number): Plan {
  const base = hoursPlan(['a', 'b', 'c'], weeks);
  const plan: Plan = {
    ...base,
    rotation: {
      ...base.rotation,
      layers: [
        {
          id: 'primary',
          name: 'Primary',
          memberOrder: ['a', 'b', 'c'],
          rotations: [
            {
              id: 'business',
              name: 'Business hours',
              members: ['a', 'b'],
              cadence: { kind: 'weeks', every: 1, weekday: 1 },
              handoffTime: '09:00',
              timeZone: 'America/Los_Angeles',
              windows: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
              allowNight: true,
            },
            {
              id: 'after',
              name: 'After hours',
              members: ['b', 'c'],
              cadence: { kind: 'weeks', every: 1, weekday: 1 },
              handoffTime: '09:00',
              timeZone: 'America/Los_Angeles',
              windows: [
                { weekdays: [1, 2, 3, 4, 5], start: '17:00' },
                { weekdays: [6, 7], start: '09:00' },
              ],
              allowNight: true,
            },
          ],
        },
      ],
    },
    coverage: {
      ...base.coverage,
      limits: { ...base.coverage.limits, allowBackToBack: true, maxConsecutiveShifts: 2 },
    },
    shifts: [],
  };
  return { ...plan, shifts: generateShifts(plan) };
}
