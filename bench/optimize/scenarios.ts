// Plans for the optimiser benchmark, built from the sample plan so every section stays valid:
//   small   4 people × 52 weeks, one weekly layer, one region, a few weeks of vacation;
//   medium  12 people × 365 days × 2 layers (daily handoff), two regions;
//   large   25 people × 365 days × 2 layers, about 10 % of everyone's time off, holidays from three regions.
import { mulberry32 } from '../../shared/simulation/prng';
import { generateRotationShifts } from '../../shared/rotation/generate-shifts';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { HolidayRegion, Member, Plan } from '../../shared/plan/schema';
import { addDays } from '../../shared/time/zoned';

export type Scenario = { id: string; title: string; plan: Plan; timeLimitSeconds: number };

const REGIONS: { zone: string; region: HolidayRegion }[] = [
  { zone: 'America/Los_Angeles', region: { country: 'US', subdivision: 'CA' } },
  { zone: 'America/Vancouver', region: { country: 'CA', subdivision: 'BC' } },
  { zone: 'Europe/London', region: { country: 'GB', subdivision: 'ENG' } },
];

function teamMember(i: number, regionIndex: number): Member {
  const { zone, region } = REGIONS[regionIndex]!;
  const id = `m${String(i + 1).padStart(2, '0')}`;
  return {
    id,
    name: `Member ${i + 1}`,
    email: `${id}@example.com`,
    role: 'Data Engineer',
    seniority: 'mid',
    timeZone: zone,
    holidayRegion: region,
    color: '#336699',
    skills: [],
    timeOff: [],
  };
}

/** Blocks of 3–10 days off per person until about `share` of the year is off, placed by a seeded RNG. */
function addTimeOff(members: Member[], year: number, share: number, seed: number): void {
  const rng = mulberry32(seed);
  for (const m of members) {
    let days = 0;
    let k = 0;
    while (days < 365 * share) {
      const length = 3 + Math.floor(rng() * 8);
      const start = addDays(`${year}-01-04`, Math.floor(rng() * (360 - length)));
      m.timeOff.push({
        id: `off-${m.id}-${k++}`,
        start,
        end: addDays(start, length - 1),
        kind: 'vacation',
        note: '',
      });
      days += length;
    }
  }
}

function teamPlan(options: {
  people: number;
  regions: number;
  layers: 1 | 2;
  shiftLengthDays: number;
  timeOffShare: number;
}): Plan {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const members = Array.from({ length: options.people }, (_, i) => teamMember(i, i % options.regions));
  if (options.timeOffShare > 0) addTimeOff(members, 2027, options.timeOffShare, 7);
  const ids = members.map((m) => m.id);
  plan.members = members;
  // Four pipelines report to investors, each with two distinct owners: eight people may be primary in an investor
  // week, enough that the rule does not force anyone far above their share. The last pipeline goes to the rest.
  plan.pipelines = plan.pipelines.map((p, k) => ({ ...p, reportsToInvestors: k < 4 }));
  const investor = plan.pipelines.filter((p) => p.reportsToInvestors).map((p) => p.id);
  let next = 8;
  plan.ownership = plan.pipelines.map((p) => {
    const k = investor.indexOf(p.id);
    const pair =
      k >= 0
        ? [ids[(2 * k) % ids.length]!, ids[(2 * k + 1) % ids.length]!]
        : [ids[next++ % ids.length]!, ids[next++ % ids.length]!];
    return { pipelineId: p.id, primaryMemberId: pair[0]!, secondaryMemberId: pair[1]!, stakeholder: '' };
  });
  // Owners of investor pipelines take no time off in the last seven days of a month (the plan's own rule).
  for (const m of members.slice(0, 8)) {
    m.timeOff = m.timeOff.filter(
      (t) => Number(t.end.slice(8, 10)) < 24 && t.start.slice(0, 7) === t.end.slice(0, 7),
    );
  }
  plan.coverage.holidays.history = [];
  plan.coverage.holidays.planRegion = REGIONS[0]!.region;
  plan.rotation = {
    ...plan.rotation,
    shiftLengthDays: options.shiftLengthDays,
    layers: [
      { id: 'primary', name: 'Primary', memberOrder: ids },
      ...(options.layers === 2
        ? [{ id: 'secondary', name: 'Secondary', memberOrder: [...ids.slice(1), ids[0]!] }]
        : []),
    ],
  };
  plan.shifts = generateRotationShifts(plan.rotation);
  return plan;
}

/** The three benchmark scenarios, in increasing size. */
export function scenarios(): Scenario[] {
  const small = teamPlan({
    people: 4,
    regions: 1,
    layers: 1,
    shiftLengthDays: 7,
    timeOffShare: 0,
  });
  small.members[1]!.timeOff = [
    { id: 'off-m02-0', start: '2027-07-26', end: '2027-08-06', kind: 'vacation', note: '' },
  ];
  small.members[3]!.timeOff = [
    { id: 'off-m04-0', start: '2027-12-20', end: '2027-12-31', kind: 'vacation', note: '' },
  ];
  return [
    { id: 'small', title: '4 people × 52 weeks, 1 layer', plan: small, timeLimitSeconds: 10 },
    {
      id: 'medium',
      title: '12 people × 365 days × 2 layers',
      plan: teamPlan({
        people: 12,
        regions: 2,
        layers: 2,
        shiftLengthDays: 1,
        timeOffShare: 0.05,
      }),
      timeLimitSeconds: 60,
    },
    {
      id: 'large',
      title: '25 people × 365 days × 2 layers, 10 % time off, 3 regions',
      plan: teamPlan({
        people: 25,
        regions: 3,
        layers: 2,
        shiftLengthDays: 1,
        timeOffShare: 0.1,
      }),
      timeLimitSeconds: 60,
    },
  ];
}
