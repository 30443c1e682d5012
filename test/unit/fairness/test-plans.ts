import { CURRENT_SCHEMA_VERSION, type Member, type Plan, type Shift } from '../../../shared/plan/schema';
import { zonedToInstant, addDays } from '../../../shared/time/zoned';

const ZONE = 'America/Los_Angeles';

/** A member in Los Angeles (US-CA holidays) who knows pipeline p1. */
export function member(id: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    name: `${id.toUpperCase()} Person`,
    email: `${id}@example.com`,
    role: 'Data Engineer',
    seniority: 'mid',
    timeZone: ZONE,
    holidayRegion: { country: 'US', subdivision: 'CA' },
    color: '#336699',
    skills: ['p1'],
    timeOff: [],
    ...extra,
  };
}

/** A weekly shift starting Monday 09:00 Los Angeles time on `date`. */
export function week(layerId: string, memberId: string, date: string, days = 7): Shift {
  return {
    id: `${layerId}-${date}`,
    layerId,
    memberId,
    start: zonedToInstant(date, '09:00', ZONE),
    end: zonedToInstant(addDays(date, days), '09:00', ZONE),
    source: 'generated',
    pinned: false,
  };
}

/** Weekly shifts on one layer from `start`, one per member id in `order`. */
export function weeks(layerId: string, start: string, order: string[]): Shift[] {
  return order.map((id, i) => week(layerId, id, addDays(start, 7 * i)));
}

/**
 * A small plan that raises no flag: three members in Los Angeles, one primary layer, three weekly shifts from
 * Monday 2027-04-05 09:00 to Monday 2027-04-26 09:00 (no US-CA holiday, no DST change, no month end: the investor
 * rule is the last day of each month), one non-investor critical pipeline everyone knows, owned by a and b,
 * on-call limit 50 % (each holds 33 %), team of three for one layer (needs 2).
 */
export function cleanPlan(): Plan {
  const now = '2027-01-01T00:00:00Z';
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { name: 'Test plan', organisation: 'Test', description: '', createdAt: now, updatedAt: now },
    members: [member('a'), member('b'), member('c')],
    pipelines: [
      {
        id: 'p1',
        name: 'Pipeline One',
        description: '',
        schedule: { kind: 'text', expression: 'continuous', timeZone: ZONE, expectedDurationMinutes: 60 },
        criticality: 'critical',
        reportsToInvestors: false,
        dataTypes: [],
        sla: { dataFreshness: '', issueResolution: '', freshnessHours: 24, resolutionHours: 4 },
        monitoring: [],
        commonIssues: [],
        incidents: { ratePerWeek: 1, meanDurationMinutes: 60, investorWeekFactor: 1 },
      },
    ],
    ownership: [{ pipelineId: 'p1', primaryMemberId: 'a', secondaryMemberId: 'b', stakeholder: '' }],
    rotation: {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c'] }],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      timeZone: ZONE,
      startDate: '2027-04-05',
      endDate: '2027-04-26',
    },
    shifts: weeks('primary', '2027-04-05', ['a', 'b', 'c']),
    coverage: {
      holidays: {
        description: '',
        vacationCoverage: '',
        majorHolidays: [],
        history: [],
        customHolidays: [],
        planRegion: { country: 'US', subdivision: 'CA' },
      },
      investorWeek: {
        rule: { kind: 'last-days-of-month', days: 1 },
        description: '',
        requireBothLayers: false,
        requireInvestorOwnerAsPrimary: false,
        forbidTimeOffForInvestorOwners: false,
      },
      weights: {
        weekday: 1,
        weekend: 1.5,
        holiday: 2,
        nightBonus: 0.5,
        investorWeekBonus: 0.5,
        secondaryFactor: 0.5,
      },
      limits: {
        maxOnCallShare: 0.5,
        allowBackToBack: false,
        unevenThreshold: 0.1,
        maxConsecutiveShifts: 1,
        maxOwnershipLoad: 8,
      },
    },
    escalation: [],
    communication: { daily: '', weekly: '', monthly: '' },
    successMetrics: [],
    scenarios: [],
  };
}

/** A deep copy of the clean plan with one change. */
export function changed(change: (plan: Plan) => void): Plan {
  const plan = structuredClone(cleanPlan());
  change(plan);
  return plan;
}
