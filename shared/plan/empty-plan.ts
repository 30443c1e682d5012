import { addDays, isoWeekday, localDate } from '../time/zoned';
import { CURRENT_SCHEMA_VERSION, type HolidayRegion, type Plan } from './schema';
import { DEFAULT_LIMITS, DEFAULT_WEIGHTS } from './plan-defaults';

/** What a new plan needs to know about itself; everything else gets a working default. */
export type EmptyPlanOptions = {
  /** ISO instant that stamps created/updated and anchors the default start date (shared/ has no clock). */
  now: string;
  name: string;
  organisation: string;
  /** IANA zone of the rotation, the handoffs and the start date. */
  timeZone: string;
  /** The plan's holiday region (date-holidays names); defaults to the United States without a subdivision. */
  planRegion?: HolidayRegion;
};

/**
 * Weeks a new rotation covers by default: one year of weekly handoffs.
 * Why a year: fairness and holiday duty only read true over every season and twelve investor weeks.
 */
export const DEFAULT_HORIZON_WEEKS = 52;

/**
 * The Monday on or after the local date of `now` in `timeZone`.
 * Why Monday: a new rotation hands off on Monday by default, and a plan that starts on its handoff day opens with
 * a full first period instead of a short one.
 */
export function nextMonday(now: string, timeZone: string): string {
  const today = localDate(now, timeZone);
  return addDays(today, (8 - isoWeekday(today)) % 7);
}

/**
 * A valid plan with no members, pipelines, ownership or shifts, and sensible rotation and coverage defaults.
 * Why: "New plan" and the guided setup start from it and add the team, pipelines and ownership with the same pure
 * edits the editors use, so a half-finished setup is never a half-valid plan. Defaults follow the fairness model (docs/architecture.md) and
 * the seed: weekly shifts handing off Monday 09:00 local time, primary and secondary layers, a year from the next
 * Monday, the investor week as the last seven days of each month, Google SRE's 25 % on-call limit.
 */
export function createEmptyPlan(options: EmptyPlanOptions): Plan {
  const { now, timeZone } = options;
  const startDate = nextMonday(now, timeZone);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: {
      name: options.name.trim(),
      organisation: options.organisation.trim(),
      description: '',
      createdAt: now,
      updatedAt: now,
    },
    members: [],
    pipelines: [],
    ownership: [],
    rotation: {
      layers: [
        { id: 'primary', name: 'Primary', memberOrder: [] },
        { id: 'secondary', name: 'Secondary', memberOrder: [] },
      ],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      timeZone,
      startDate,
      endDate: addDays(startDate, DEFAULT_HORIZON_WEEKS * 7),
    },
    shifts: [],
    coverage: {
      holidays: {
        description:
          'On a public holiday the scheduled on-call person covers if it is a working day in their own region; otherwise the next person in the rotation covers and the two swap a later shift.',
        vacationCoverage:
          'Book time off early. The person away swaps their shift with the next person in the rotation who is free and takes that person’s next shift in return.',
        majorHolidays: [],
        history: [],
        customHolidays: [],
        planRegion: options.planRegion ? { ...options.planRegion } : { country: 'US' },
      },
      investorWeek: {
        rule: { kind: 'last-days-of-month', days: 7 },
        description: 'The last seven days of each month build the investor report; both layers are staffed.',
        requireBothLayers: true,
        requireInvestorOwnerAsPrimary: false,
        forbidTimeOffForInvestorOwners: false,
      },
      weights: { ...DEFAULT_WEIGHTS },
      limits: { ...DEFAULT_LIMITS },
    },
    escalation: [
      {
        level: 1,
        who: 'Primary on-call engineer',
        when: 'Any alert on a pipeline',
        responseTime: '15 minutes',
      },
      {
        level: 2,
        who: 'Secondary on-call engineer and the pipeline’s primary owner',
        when: 'No acknowledgement in 15 minutes or no fix path within 1 hour',
        responseTime: '30 minutes',
      },
      {
        level: 3,
        who: 'Team lead and the business stakeholder',
        when: 'SLA breached or published data wrong',
        responseTime: '1 hour',
      },
    ],
    communication: { daily: '', weekly: '', monthly: '' },
    successMetrics: [],
    scenarios: [],
  };
}
