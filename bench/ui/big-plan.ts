import { MEMBER_PALETTE } from '../../shared/plan/member-colors';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Member, Plan, Rotation, Shift } from '../../shared/plan/schema';
import { generateRotationShifts } from '../../shared/rotation/generate-shifts';
import { addDays, instantMs, msToInstant } from '../../shared/time/zoned';

/** The first day of the generated plan's rotation (a Monday in the plan's zone). */
export const BIG_PLAN_START = '2027-01-04';
const DAYS = 730;
const MEMBERS = 25;

const PLACES: Pick<Member, 'timeZone' | 'holidayRegion'>[] = [
  { timeZone: 'America/Los_Angeles', holidayRegion: { country: 'US', subdivision: 'CA' } },
  { timeZone: 'America/Denver', holidayRegion: { country: 'US', subdivision: 'CO' } },
  { timeZone: 'America/Vancouver', holidayRegion: { country: 'CA', subdivision: 'BC' } },
  { timeZone: 'Europe/Berlin', holidayRegion: { country: 'DE', subdivision: 'BE' } },
];

function team(pipelineIds: string[]): Member[] {
  return Array.from({ length: MEMBERS }, (_, i) => ({
    id: `m${String(i + 1).padStart(2, '0')}`,
    name: `Member ${String(i + 1).padStart(2, '0')}`,
    email: `member${i + 1}@example.com`,
    role: 'Data Engineer',
    seniority: 'mid',
    ...PLACES[i % PLACES.length]!,
    color: MEMBER_PALETTE[i % MEMBER_PALETTE.length]!,
    skills: pipelineIds,
    // Two weeks off a year each, in the summers, away from the weeks the bench drags in (March 2027).
    timeOff: [0, 1].map((year) => {
      const start = addDays(BIG_PLAN_START, year * 365 + 160 + ((i * 5) % 70));
      return { id: `off-${i}-${year}`, start, end: addDays(start, 13), kind: 'vacation' as const, note: '' };
    }),
  }));
}

/**
 * Cuts each daily rotation shift into `perDay` equal slices handed to successive members, so a stress plan keeps the
 * rotation's handoffs (and its DST days) while holding `perDay` times as many shifts.
 */
function slice(daily: Shift[], perDay: number, order: string[]): Shift[] {
  if (perDay === 1) return daily;
  const out: Shift[] = [];
  daily.forEach((shift, n) => {
    const start = instantMs(shift.start);
    const length = (instantMs(shift.end) - start) / perDay;
    for (let k = 0; k < perDay; k++) {
      out.push({
        ...shift,
        id: `${shift.id}-${String(k).padStart(2, '0')}`,
        memberId: order[(n * perDay + k) % order.length]!,
        start: msToInstant(Math.round(start + k * length)),
        end: k === perDay - 1 ? shift.end : msToInstant(Math.round(start + (k + 1) * length)),
      });
    }
  });
  return out;
}

/**
 * The big plan the UI benchmark drives: the sample plan's policies with 25 members in four zones, a two-year daily
 * rotation on two layers (the shared rotation generator), each day optionally cut into `perDay` shifts (24 gives
 * 35,040 shifts).
 */
export function bigPlan(perDay: number, nowIso = '2026-11-27T00:00:00.000Z'): Plan {
  const sample = createSamplePlan(nowIso);
  const members = team(sample.pipelines.map((p) => p.id));
  const order = members.map((m) => m.id);
  const rotation: Rotation = {
    ...sample.rotation,
    layers: [
      { id: 'primary', name: 'Primary', memberOrder: order },
      // The secondary runs half the team behind, so nobody holds both layers at once.
      { id: 'secondary', name: 'Secondary', memberOrder: [...order.slice(12), ...order.slice(0, 12)] },
    ],
    shiftLengthDays: 1,
    startDate: BIG_PLAN_START,
    endDate: addDays(BIG_PLAN_START, DAYS),
  };
  const daily = generateRotationShifts(rotation);
  const shifts = rotation.layers.flatMap((layer) =>
    slice(
      daily.filter((s) => s.layerId === layer.id),
      perDay,
      layer.memberOrder,
    ),
  );
  return {
    ...sample,
    meta: { ...sample.meta, name: `Big plan: ${MEMBERS} members, ${shifts.length} shifts` },
    members,
    ownership: sample.ownership.map((o, i) => ({
      ...o,
      primaryMemberId: order[i]!,
      secondaryMemberId: order[i + 5]!,
    })),
    rotation,
    shifts,
    coverage: { ...sample.coverage, holidays: { ...sample.coverage.holidays, history: [] } },
    scenarios: [],
  };
}
