import { freeRotationId } from '../plan/edits/rotation-draft-edits';
import type { Layer, LayerRotation } from '../plan/schema';
import { plainCadence } from '../rotation/cadence';
import { addDays, instantMs, zonedToInstant } from '../time/zoned';

/** The rotation model the guided setup starts a plan from. */
export type StartingPoint = 'weekly' | 'follow-the-sun' | 'business-hours';

/**
 * The starting points the guided setup offers, with the words it shows.
 * Why a list here: the wizard's choice and the build read the same ids, and tests walk every one.
 */
export const STARTING_POINTS: { id: StartingPoint; label: string; description: string }[] = [
  {
    id: 'weekly',
    label: 'Weekly',
    description: 'One person on call around the clock, handing over on a fixed day.',
  },
  {
    id: 'follow-the-sun',
    label: 'Follow-the-sun',
    description:
      'Each region covers its own daytime and hands over to the next, so nobody is paged at night when the team spans enough time zones.',
  },
  {
    id: 'business-hours',
    label: 'Business hours + after hours',
    description:
      'One rotation for Monday–Friday 09:00–17:00 and another for the evenings, nights and weekends, both in the plan’s time zone.',
  },
];

/** A person the starting point places, by id, with their zone. */
export type PlacedMember = { id: string; timeZone: string };

/** One region of a follow-the-sun layer: its zone, people, and its daily window in local time. */
export type Region = {
  timeZone: string;
  memberIds: string[];
  /** Local start of its daily window; it runs until the next region's starts. */
  start: string;
  /** Local time the next region takes over (on the first day of the plan). */
  end: string;
  /** The window reaches into 22:00-07:00 local, unavoidable for this spread of zones. */
  night: boolean;
};

const DAY = 1440;
/** People whose local noons lie within this many minutes work as one region. */
const REGION_SPREAD = 180;
const MORNING = 7 * 60;
const EVENING = 22 * 60;

const mod = (n: number) => ((n % DAY) + DAY) % DAY;
const hhmm = (minutes: number) =>
  `${String(Math.floor(mod(minutes) / 60)).padStart(2, '0')}:${String(mod(minutes) % 60).padStart(2, '0')}`;

/** Minutes after midnight UTC of noon in `zone` on `date`. */
function noonUtc(date: string, zone: string): number {
  return mod(Math.round(instantMs(zonedToInstant(date, '12:00', zone)) / 60_000));
}

/** The zone most of `zones` share (the first of equals). */
function commonest(zones: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const z of zones) counts.set(z, (counts.get(z) ?? 0) + 1);
  return [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * The regions of a follow-the-sun layer: people grouped by how close their local noons are (within three hours,
 * on the plan's first day), east to west, each handing over to the next on the half hour that wakes nobody in
 * winter or summer (07:00 or later in the next region, 22:00 or earlier in its own), as near the middle of that
 * stretch as it goes. Windows have no end, so each runs to the next region's start and the
 * regions meet exactly whatever their DST dates. Fewer than two regions: none (follow-the-sun does not apply).
 * Why from noons: it splits the day so each region's window sits as close to its daytime as the spread allows.
 */
export function followTheSunRegions(members: readonly PlacedMember[], startDate: string): Region[] {
  const placed = members
    .map((m) => ({ ...m, noon: noonUtc(startDate, m.timeZone) }))
    .sort((a, b) => a.noon - b.noon);
  const groups: (typeof placed)[] = [];
  for (const m of placed) {
    const last = groups[groups.length - 1];
    if (last && m.noon - last[last.length - 1]!.noon <= REGION_SPREAD) last.push(m);
    else groups.push([m]);
  }
  // Noons on both sides of midnight UTC are one region too.
  if (groups.length > 1) {
    const first = groups[0]!;
    const last = groups[groups.length - 1]!;
    if (first[0]!.noon + DAY - last[last.length - 1]!.noon <= REGION_SPREAD) {
      groups[0] = [...last.map((m) => ({ ...m, noon: m.noon - DAY })), ...first];
      groups.pop();
    }
  }
  if (groups.length < 2) return [];
  const noons = groups.map((g) => g.reduce((sum, m) => sum + m.noon, 0) / g.length);
  const zones = groups.map((g) => commonest(g.map((m) => m.timeZone)));
  // Winter and summer: a handover must wake nobody on either side of the DST changes.
  const dates = [startDate, addDays(startDate, 182)];
  const offset = (zone: string, date: string) => 720 - noonUtc(date, zone);
  /** Minutes of local night a handover at west-local `s` causes: west starting early or east ending late. */
  const nightCost = (s: number, east: string, west: string) =>
    Math.max(0, MORNING - s) +
    Math.max(
      ...dates.map((d) => {
        const eastLocal = s - offset(west, d) + offset(east, d);
        // East's evening, read after its morning: 05:00 to 05:00 the next day.
        const evening = ((((eastLocal - 300) % DAY) + DAY) % DAY) + 300;
        return Math.max(0, evening - EVENING);
      }),
    );
  /** The west-local start of region `j` (handed over from the region before it). */
  const startOf = (j: number) => {
    const i = (j + groups.length - 1) % groups.length;
    const next = noons[j]! + (j === 0 ? DAY : 0);
    // Midway between the noons, moved 2.5 hours later: the middle of [07:00 west, 22:00 east].
    const target = mod((noons[i]! + next) / 2 + 150 + offset(zones[j]!, startDate));
    let best = { s: 0, cost: Number.POSITIVE_INFINITY, distance: Number.POSITIVE_INFINITY };
    for (let s = 0; s < DAY; s += 30) {
      const cost = nightCost(s, zones[i]!, zones[j]!);
      const distance = Math.min(mod(s - target), mod(target - s));
      if (cost < best.cost || (cost === best.cost && distance < best.distance)) best = { s, cost, distance };
    }
    return best;
  };
  const starts = groups.map((_, j) => startOf(j));
  return groups.map((g, i) => {
    const zone = zones[i]!;
    const next = (i + 1) % groups.length;
    const start = starts[i]!.s;
    const endLocal = starts[next]!.s - offset(zones[next]!, startDate) + offset(zone, startDate);
    return {
      timeZone: zone,
      memberIds: g.map((m) => m.id),
      start: hhmm(start),
      end: hhmm(endLocal),
      night: start < MORNING || starts[next]!.cost > 0,
    };
  });
}

/** `ids` turned `by` places, so a second layer or rotation starts with someone else. */
const turned = (ids: readonly string[], by: number) => {
  const k = ids.length === 0 ? 0 : by % ids.length;
  return [...ids.slice(k), ...ids.slice(0, k)];
};

/** The city of a zone name as people say it: `America/New_York` → `New York`. */
const city = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/** The settings a starting point's layers share. */
export type StartingSettings = {
  shiftLengthDays: number;
  handoffWeekday: number;
  handoffTime: string;
  timeZone: string;
  secondaryLayer: boolean;
};

/**
 * What stops a starting point from fitting this team, one sentence each; empty when it fits.
 * Why: follow-the-sun needs people in time zones far enough apart, and a secondary seat in each region.
 */
export function startingPointProblems(
  point: StartingPoint,
  members: readonly PlacedMember[],
  startDate: string,
  secondaryLayer: boolean,
): string[] {
  if (point !== 'follow-the-sun') return [];
  const regions = followTheSunRegions(members, startDate);
  if (regions.length === 0) {
    return [
      'Follow-the-sun needs people in time zones at least three hours apart; for one region pick "Weekly" or "Business hours + after hours".',
    ];
  }
  if (!secondaryLayer) return [];
  return regions
    .filter((r) => r.memberIds.length < 2)
    .map(
      (r) =>
        `Follow-the-sun with a secondary layer needs two people in each region; ${city(r.timeZone)} has one (turn the secondary layer off or add someone there).`,
    );
}

/**
 * The layers a starting point gives a team (ids in the order given): weekly plain layers, regional rotations that
 * meet exactly, or a business-hours and an after-hours rotation whose windows meet. Secondary layers follow the
 * same model one person behind, so nobody holds both seats in the same turn where the team allows it.
 * Why shared: the guided setup builds the plan from it and its tests check each model generates without holes.
 */
export function startingLayers(
  point: StartingPoint,
  members: readonly PlacedMember[],
  settings: StartingSettings,
  startDate: string,
): Layer[] {
  const order = members.map((m) => m.id);
  const cadence = plainCadence(settings.shiftLengthDays, settings.handoffWeekday);
  const layer = (id: string, name: string, rotations: LayerRotation[]): Layer => ({
    id,
    name,
    memberOrder: [...new Set(rotations.flatMap((r) => r.members))],
    rotations,
  });
  if (point === 'follow-the-sun') {
    const regions = followTheSunRegions(members, startDate);
    const regional = (layerId: string, by: number): LayerRotation[] => {
      const out: LayerRotation[] = [];
      for (const r of regions) {
        out.push({
          id: freeRotationId(`${layerId}-${city(r.timeZone).toLowerCase()}`, out),
          name: city(r.timeZone),
          members: turned(r.memberIds, by),
          cadence,
          handoffTime: r.start,
          timeZone: r.timeZone,
          windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: r.start }],
          ...(r.night ? { allowNight: true } : {}),
        });
      }
      return out;
    };
    return [
      layer('primary', 'Primary', regional('primary', 0)),
      ...(settings.secondaryLayer ? [layer('secondary', 'Secondary', regional('secondary', 1))] : []),
    ];
  }
  if (point === 'business-hours') {
    const base = { cadence, handoffTime: '09:00', timeZone: settings.timeZone };
    const primary = layer('primary', 'Primary', [
      {
        id: 'primary-business',
        name: 'Business hours',
        members: order,
        ...base,
        windows: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00' }],
      },
      {
        id: 'primary-after-hours',
        name: 'After hours',
        members: turned(order, 1),
        ...base,
        windows: [
          { weekdays: [1, 2, 3, 4, 5], start: '17:00' },
          { weekdays: [6, 7], start: '09:00' },
        ],
        allowNight: true,
      },
    ]);
    const secondary = {
      id: 'secondary',
      name: 'Secondary',
      memberOrder: turned(order, order.length > 2 ? 2 : 1),
    };
    return [primary, ...(settings.secondaryLayer ? [secondary] : [])];
  }
  return [
    { id: 'primary', name: 'Primary', memberOrder: order },
    // The secondary runs one person behind the primary, so nobody holds both layers in the same shift.
    ...(settings.secondaryLayer
      ? [{ id: 'secondary', name: 'Secondary', memberOrder: turned(order, 1) }]
      : []),
  ];
}
