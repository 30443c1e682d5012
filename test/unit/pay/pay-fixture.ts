import type { PayRules, Plan, Shift } from '../../../shared/plan/schema';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

/** The rules of the example, with a per-day allowance and a US group whose night rule comes first. */
export const handRules: PayRules = {
  currency: 'EUR',
  rules: [
    { name: 'holiday', when: { holiday: true }, hourly: 30 },
    { name: 'weekend', when: { weekdays: [6, 7] }, hourly: 20 },
    { name: 'night', when: { from: '22:00', to: '07:00' }, hourly: 15 },
    { name: 'base', when: {}, hourly: 10 },
  ],
  oneOff: [{ name: 'year end', from: '2027-12-24', to: '2027-12-31', hourly: 40 }],
  allowances: [{ name: 'standby day', per: 'day', amount: 5 }],
  secondaryFactor: 0.5,
  groups: [
    {
      name: 'US contract',
      countries: ['US'],
      rules: [
        { name: 'night', when: { from: '22:00', to: '06:00' }, hourly: 12 },
        { name: 'holiday', when: { holiday: true }, hourly: 25 },
        { name: 'base', when: {}, hourly: 8 },
      ],
    },
  ],
};

const shift = (id: string, layerId: string, memberId: string, start: string, end: string): Shift => ({
  id,
  layerId,
  memberId,
  start,
  end,
  source: 'manual',
  pinned: false,
});

/**
 * The sample plan cut down to five hand-made shifts: Maya in Berlin (DE), Diego in New York (US, no subdivision).
 * Each shift's expected price is worked out by hand in pay-engine.test.ts.
 */
export function handPlan(): Plan {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const [maya, diego] = plan.members;
  maya!.timeZone = 'Europe/Berlin';
  maya!.holidayRegion = { country: 'DE' };
  maya!.timeOff = [];
  diego!.timeZone = 'America/New_York';
  diego!.holidayRegion = { country: 'US' };
  diego!.timeOff = [];
  plan.shifts = [
    // Sat 27 Mar 18:00 CET → Sun 28 Mar 10:00 CEST: 15 h across the spring-forward night.
    shift('m1', 'primary', 'maya', '2027-03-27T17:00:00Z', '2027-03-28T08:00:00Z'),
    // Sat 13 Mar 20:30 EST → Sun 14 Mar 08:00 EDT: 10.5 h across the spring-forward night.
    shift('d1', 'primary', 'diego', '2027-03-14T01:30:00Z', '2027-03-14T12:00:00Z'),
    // Fri 30 Apr 20:00 → Sat 1 May 12:00 CEST: Labour Day falls on a Saturday.
    shift('m2', 'primary', 'maya', '2027-04-30T18:00:00Z', '2027-05-01T10:00:00Z'),
    // Sat 19 Jun 00:00 → 12:00 EDT on the secondary layer: Juneteenth on a Saturday.
    shift('d2', 'secondary', 'diego', '2027-06-19T04:00:00Z', '2027-06-19T16:00:00Z'),
    // Thu 23 Dec 22:00 → Sat 25 Dec 00:00 CET on the secondary layer: the one-off period starts on the 24th.
    shift('m3', 'secondary', 'maya', '2027-12-23T21:00:00Z', '2027-12-24T23:00:00Z'),
  ];
  plan.pay = handRules;
  return plan;
}
