import {
  CURRENT_SCHEMA_VERSION,
  type Member,
  type Plan,
  type Shift,
  type TimeOff,
} from '../../../shared/plan/schema';
import { addDays, zonedToInstant } from '../../../shared/time/zoned';

const ZONE = 'America/Los_Angeles';

/** A member in Los Angeles (US-CA holidays), with optional time off (local dates, both inclusive). */
export function person(id: string, away: [string, string][] = []): Member {
  return {
    id,
    name: `${id.toUpperCase()} Person`,
    email: `${id}@example.com`,
    role: 'Data Engineer',
    seniority: 'mid',
    timeZone: ZONE,
    holidayRegion: { country: 'US', subdivision: 'CA' },
    color: '#336699',
    skills: [],
    timeOff: away.map(([start, end], i): TimeOff => ({
      id: `off-${id}-${i}`,
      start,
      end,
      kind: 'vacation',
      note: '',
    })),
  };
}

/** A weekly shift from Monday 09:00 Los Angeles time on `date`. */
export function weekShift(layerId: string, memberId: string, date: string): Shift {
  return {
    id: `${layerId}-${date}`,
    layerId,
    memberId,
    start: zonedToInstant(date, '09:00', ZONE),
    end: zonedToInstant(addDays(date, 7), '09:00', ZONE),
    source: 'generated',
    pinned: false,
  };
}

/**
 * A plan whose weighted load is plain hours (every weight 1, no bonus, no holidays): `weeks` weekly periods from
 * Monday 2027-04-05 09:00 (no DST change, no US-CA holiday until Memorial Day), one primary layer in member
 * order, current shifts round-robin, back-to-back forbidden, no investor rule. A week weighs 168.
 */
export function hoursPlan(
  memberIds: string[],
  weeks: number,
  away: Record<string, [string, string][]> = {},
): Plan {
  const now = '2027-01-01T00:00:00Z';
  const start = '2027-04-05';
  const members = memberIds.map((id) => person(id, away[id] ?? []));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { name: 'Tiny plan', organisation: 'Test', description: '', createdAt: now, updatedAt: now },
    members,
    pipelines: [
      {
        id: 'p1',
        name: 'Pipeline One',
        description: '',
        schedule: { kind: 'text', expression: 'continuous', timeZone: ZONE, expectedDurationMinutes: 60 },
        criticality: 'critical',
        reportsToInvestors: true,
        dataTypes: [],
        sla: { dataFreshness: '', issueResolution: '', freshnessHours: 24, resolutionHours: 4 },
        monitoring: [],
        commonIssues: [],
        incidents: { ratePerWeek: 1, meanDurationMinutes: 60, investorWeekFactor: 1 },
      },
    ],
    ownership: [
      { pipelineId: 'p1', primaryMemberId: memberIds[0]!, secondaryMemberId: null, stakeholder: '' },
    ],
    rotation: {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: memberIds }],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      timeZone: ZONE,
      startDate: start,
      endDate: addDays(start, 7 * weeks),
    },
    shifts: Array.from({ length: weeks }, (_, k) =>
      weekShift('primary', memberIds[k % memberIds.length]!, addDays(start, 7 * k)),
    ),
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
        rule: { kind: 'last-days-of-month', days: 7 },
        description: '',
        requireBothLayers: false,
        requireInvestorOwnerAsPrimary: false,
        forbidTimeOffForInvestorOwners: false,
      },
      weights: {
        weekday: 1,
        weekend: 1,
        holiday: 1,
        nightBonus: 0,
        investorWeekBonus: 0,
        secondaryFactor: 0.5,
      },
      limits: {
        maxOnCallShare: 1,
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

/** The member id holding each primary week, in time order. */
export function primaryOrder(plan: Plan): string[] {
  return plan.shifts
    .filter((s) => s.layerId === 'primary')
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((s) => s.memberId);
}
