import { generateShifts } from '../rotation/schedule-shifts';
import { MEMBER_PALETTE } from './member-colors';
import { createSamplePlan } from './sample-plan';
import type { Layer, LayerRotation, Member, Plan, TimeOff } from './schema';

/**
 * One region of the follow-the-sun sample: its zone, holiday region and the local time its window (and its weekly
 * handoff) starts. Each window runs until the next region's starts, so the three meet exactly as instants:
 * Kolkata 07:00 → Berlin 11:00 → New York 12:00 → Kolkata 07:00, which keeps everyone inside 07:00-22:00 local
 * through every DST combination (New York's turn ends at 20:30 in winter, 21:30 in summer) and gives each region
 * 7 to 9.5 hours a day.
 */
type Region = {
  id: string;
  name: string;
  timeZone: string;
  holidayRegion: Member['holidayRegion'];
  start: string;
  people: [id: string, name: string][];
};

const REGIONS: Region[] = [
  {
    id: 'kolkata',
    name: 'Kolkata',
    timeZone: 'Asia/Kolkata',
    holidayRegion: { country: 'IN' },
    start: '07:00',
    people: [
      ['aarav', 'Aarav Shah'],
      ['meera', 'Meera Iyer'],
      ['rohan', 'Rohan Gupta'],
    ],
  },
  {
    id: 'berlin',
    name: 'Berlin',
    timeZone: 'Europe/Berlin',
    holidayRegion: { country: 'DE', subdivision: 'BE' },
    start: '11:00',
    people: [
      ['lena', 'Lena Fischer'],
      ['jonas', 'Jonas Weber'],
      ['sofia', 'Sofia Rossi'],
    ],
  },
  {
    id: 'new-york',
    name: 'New York',
    timeZone: 'America/New_York',
    holidayRegion: { country: 'US', subdivision: 'NY' },
    start: '12:00',
    people: [
      ['marcus', 'Marcus Reed'],
      ['elena', 'Elena Park'],
      ['tom', 'Tom Brooks'],
    ],
  },
];

const TIME_OFF: Record<string, TimeOff[]> = {
  lena: [
    { id: 'to-lena-summer', start: '2027-08-02', end: '2027-08-13', kind: 'vacation', note: 'Baltic coast' },
  ],
  rohan: [
    { id: 'to-rohan-diwali', start: '2027-10-25', end: '2027-11-05', kind: 'vacation', note: 'Diwali' },
  ],
  marcus: [
    { id: 'to-marcus-winter', start: '2027-12-20', end: '2027-12-31', kind: 'vacation', note: 'Holidays' },
  ],
  meera: [
    { id: 'to-meera-conf', start: '2028-05-08', end: '2028-05-12', kind: 'conference', note: 'Data summit' },
  ],
};

/** How many of a team of `teamSize` work in the region at `index`: as even as it goes, the first regions first. */
const regionSize = (teamSize: number, index: number) =>
  Math.floor(teamSize / REGIONS.length) + (index < teamSize % REGIONS.length ? 1 : 0);

/** Everyone in a region: the named people, then `Engineer N` up to `count`. */
function regionPeople(region: Region, count: number): [string, string][] {
  const out = region.people.slice(0, count);
  for (let n = out.length + 1; n <= count; n++)
    out.push([`${region.id}-${n}`, `${region.name} Engineer ${n}`]);
  return out;
}

/** The regional rotations of one layer; `offset` starts each region's order further on (secondary ≠ primary). */
function regionalRotations(layerId: string, teamSize: number, offset: number): LayerRotation[] {
  return REGIONS.map((region, index) => {
    const ids = regionPeople(region, regionSize(teamSize, index)).map(([id]) => id);
    const members = [...ids.slice(offset % ids.length), ...ids.slice(0, offset % ids.length)];
    return {
      id: `${layerId}-${region.id}`,
      name: region.name,
      members,
      cadence: { kind: 'weeks', every: 1, weekday: 1 },
      handoffTime: region.start,
      timeZone: region.timeZone,
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: region.start }],
    };
  });
}

/**
 * The follow-the-sun sample: Pacific Infra Group's pipelines run by a team in Kolkata, Berlin and New York (three
 * per region in the team of nine; `teamSize` spreads a bigger team as evenly as it goes), a Primary and a Secondary layer of regional weekly rotations whose
 * windows meet exactly, over two years (2027-01-04 07:00 Kolkata to 2029-01-08), nobody on call in their night.
 * Why: it is what `rotaplan sample --variant follow-the-sun` writes, and the bench's big follow-the-sun plan.
 */
export function createFollowTheSunPlan(now: string, teamSize = 9): Plan {
  const base = createSamplePlan(now);
  const pipelineIds = base.pipelines.map((p) => p.id);
  const members: Member[] = REGIONS.flatMap((region, index) =>
    regionPeople(region, regionSize(teamSize, index)).map(([id, name]) => ({
      id,
      name,
      email: `${id}@pacificinfra.example`,
      role: `Data Engineer, ${region.name}`,
      seniority: 'senior' as const,
      timeZone: region.timeZone,
      holidayRegion: region.holidayRegion,
      color: MEMBER_PALETTE[0]!,
      skills: pipelineIds,
      timeOff: TIME_OFF[id] ?? [],
    })),
  ).map((m, i) => ({ ...m, color: MEMBER_PALETTE[i % MEMBER_PALETTE.length]! }));
  const owners = ['lena', 'marcus', 'aarav', 'elena', 'jonas'];
  const seconds = ['marcus', 'meera', 'sofia', 'lena', 'tom'];
  const layer = (id: string, name: string, offset: number): Layer => {
    const rotations = regionalRotations(id, teamSize, offset);
    return { id, name, memberOrder: rotations.flatMap((r) => r.members), rotations };
  };
  const plan: Plan = {
    ...base,
    meta: {
      ...base.meta,
      name: 'Follow-the-sun data coverage 2027–2028',
      description:
        'Round-the-clock coverage of the data pipelines by three regional teams (Kolkata, Berlin, New York), each on call in its own daytime and handing over to the next region.',
    },
    members,
    ownership: base.ownership.map((o, i) => ({
      ...o,
      primaryMemberId: owners[i % owners.length]!,
      secondaryMemberId: seconds[i % seconds.length]!,
    })),
    rotation: {
      layers: [layer('primary', 'Primary', 0), layer('secondary', 'Secondary', 1)],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '07:00' },
      timeZone: 'Asia/Kolkata',
      startDate: '2027-01-04',
      endDate: '2029-01-08',
    },
    shifts: [],
    coverage: {
      ...base.coverage,
      holidays: { ...base.coverage.holidays, history: [], planRegion: { country: 'US', subdivision: 'NY' } },
      // Each region's own people are primary in its hours, so an investor-pipeline owner cannot be primary around
      // the clock; the investor week still wants both layers staffed and its owners at work.
      investorWeek: { ...base.coverage.investorWeek, requireInvestorOwnerAsPrimary: false },
    },
    wishes: [],
    scenarios: [],
  };
  return { ...plan, shifts: generateShifts(plan) };
}
