import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Layer, LayerRotation, Plan } from '../../../shared/plan/schema';
import { validatePlanFully } from '../../../shared/plan/validate-full';
import { cadenceDates } from '../../../shared/rotation/cadence';
import { checkCoverage } from '../../../shared/rotation/coverage';
import { rotationWarnings } from '../../../shared/rotation/rotation-checks';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { layerTurns } from '../../../shared/rotation/turns';
import { member, planWith, rows } from './plan-fixtures';

// Rotation tables in the style of Actual Budget's recurrence tests: literal dates and instants, one row per shift.

describe('cadenceDates', () => {
  it.each([
    [
      { kind: 'days', every: 3 } as const,
      '2027-01-30',
      '2027-02-10',
      ['2027-01-30', '2027-02-02', '2027-02-05', '2027-02-08'],
    ],
    [
      { kind: 'weeks', every: 2, weekday: 3 } as const,
      '2027-01-04',
      '2027-02-10',
      ['2027-01-06', '2027-01-20', '2027-02-03'],
    ],
    [
      { kind: 'monthly-date', day: 31 } as const,
      '2027-01-15',
      '2027-06-01',
      ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'],
    ],
    [
      { kind: 'monthly-date', day: 30 } as const,
      '2028-01-01',
      '2028-04-01',
      ['2028-01-30', '2028-02-29', '2028-03-30'],
    ],
    [
      { kind: 'monthly-weekday', nth: 2, weekday: 1 } as const,
      '2027-01-01',
      '2027-04-01',
      ['2027-01-11', '2027-02-08', '2027-03-08'],
    ],
    [
      { kind: 'monthly-weekday', nth: -1, weekday: 5 } as const,
      '2027-01-01',
      '2027-04-01',
      ['2027-01-29', '2027-02-26', '2027-03-26'],
    ],
  ])('%j from %s until %s', (cadence, from, until, expected) => {
    expect(cadenceDates(cadence, from, until)).toEqual(expected);
  });
});

const layerOf = (id: string, rotations: LayerRotation[]): Layer => ({
  id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
  memberOrder: [...new Set(rotations.flatMap((r) => r.members))],
  rotations,
});

/** A follow-the-sun pair: Berlin from 09:00 Berlin, New York from 09:00 New York, each until the other starts. */
function berlinNewYork(): Plan {
  const rotations: LayerRotation[] = [
    {
      id: 'berlin',
      name: 'Berlin',
      members: ['anna', 'ben'],
      cadence: { kind: 'weeks', every: 1, weekday: 1 },
      handoffTime: '09:00',
      timeZone: 'Europe/Berlin',
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00' }],
      allowNight: true,
    },
    {
      id: 'new-york',
      name: 'New York',
      members: ['cara', 'dan'],
      cadence: { kind: 'weeks', every: 1, weekday: 1 },
      handoffTime: '09:00',
      timeZone: 'America/New_York',
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00' }],
      allowNight: true,
    },
  ];
  const plan = planWith(
    [
      member('anna', [], 'Europe/Berlin'),
      member('ben', [], 'Europe/Berlin'),
      member('cara', [], 'America/New_York'),
      member('dan', [], 'America/New_York'),
    ],
    {
      layers: [layerOf('primary', rotations)],
      timeZone: 'Europe/Berlin',
      handoff: { weekday: 1, time: '09:00' },
      startDate: '2027-03-08',
      endDate: '2027-04-05',
    },
  );
  return { ...plan, shifts: scheduleShifts(plan).shifts };
}

describe('follow-the-sun across different DST dates (US 2027-03-14, EU 2027-03-28)', () => {
  const plan = berlinNewYork();
  const primary = rows(plan.shifts, 'primary').map(([start, end, who]) => [start, end, who] as const);
  const around = (from: string, to: string) => primary.filter(([start]) => start >= from && start < to);

  it('hands over at 09:00 local in each region while only New York has changed its clocks', () => {
    expect(around('2027-03-12', '2027-03-16')).toEqual([
      ['2027-03-12T08:00:00Z', '2027-03-12T14:00:00Z', 'anna'],
      ['2027-03-12T14:00:00Z', '2027-03-13T08:00:00Z', 'cara'],
      ['2027-03-13T08:00:00Z', '2027-03-13T14:00:00Z', 'anna'],
      ['2027-03-13T14:00:00Z', '2027-03-14T08:00:00Z', 'cara'],
      ['2027-03-14T08:00:00Z', '2027-03-14T13:00:00Z', 'anna'],
      ['2027-03-14T13:00:00Z', '2027-03-15T08:00:00Z', 'cara'],
      ['2027-03-15T08:00:00Z', '2027-03-15T13:00:00Z', 'ben'],
      ['2027-03-15T13:00:00Z', '2027-03-16T08:00:00Z', 'dan'],
    ]);
  });

  it('and again when Berlin changes two weeks later, with the weekly handoffs on Monday morning', () => {
    expect(around('2027-03-27', '2027-03-30')).toEqual([
      ['2027-03-27T08:00:00Z', '2027-03-27T13:00:00Z', 'anna'],
      ['2027-03-27T13:00:00Z', '2027-03-28T07:00:00Z', 'cara'],
      ['2027-03-28T07:00:00Z', '2027-03-28T13:00:00Z', 'anna'],
      ['2027-03-28T13:00:00Z', '2027-03-29T07:00:00Z', 'cara'],
      ['2027-03-29T07:00:00Z', '2027-03-29T13:00:00Z', 'ben'],
      ['2027-03-29T13:00:00Z', '2027-03-30T07:00:00Z', 'dan'],
    ]);
  });

  it('covers the horizon exactly once: no gap, no overlap, no window problem', () => {
    expect(checkCoverage(plan)).toEqual([{ layerId: 'primary', gaps: [], overlaps: [] }]);
    expect(layerTurns(plan.rotation, plan.rotation.layers[0]!).problems).toEqual([]);
    expect(primary[0]?.[0]).toBe('2027-03-08T08:00:00Z');
    expect(primary[primary.length - 1]?.[1]).toBe('2027-04-05T07:00:00Z');
  });

  it('names the shifts by their plan-local start', () => {
    expect(plan.shifts.slice(0, 2).map((s) => s.id)).toEqual([
      'primary-2027-03-08T09:00',
      'primary-2027-03-08T15:00',
    ]);
  });

  it('warns about local night only where the rotation does not allow it', () => {
    expect(rotationWarnings(plan)).toEqual([]);
    const strict: Plan = {
      ...plan,
      rotation: {
        ...plan.rotation,
        layers: plan.rotation.layers.map((l) => ({
          ...l,
          rotations: l.rotations!.map((r) => ({ ...r, allowNight: false })),
        })),
      },
    };
    const night = rotationWarnings(strict).filter((w) => w.kind === 'night');
    // New York's turn runs to 03:00/04:00 New York time; Berlin's ends mid-afternoon.
    expect(night.length).toBeGreaterThan(0);
    expect(new Set(night.map((w) => w.memberId))).toEqual(new Set(['cara', 'dan']));
    expect(night[0]?.message).toBe(
      'Primary: Cara is on call in their local night (America/New_York) 2027-03-09 04:00 – 2027-03-09 09:00',
    );
  });
});

describe('a business-hours rotation (Mon–Fri 09:00–17:00 New York, a new person each day)', () => {
  const business: LayerRotation = {
    id: 'office',
    name: 'Office hours',
    members: ['a', 'b', 'c', 'd'],
    cadence: { kind: 'days', every: 1 },
    handoffTime: '09:00',
    timeZone: 'America/New_York',
    windows: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
  };
  const base = planWith(
    ['a', 'b', 'c', 'd'].map((id) => member(id, [], 'America/New_York')),
    {
      layers: [layerOf('primary', [business])],
      timeZone: 'America/New_York',
      handoff: { weekday: 1, time: '09:00' },
      startDate: '2027-01-04',
      endDate: '2027-01-16',
    },
  );
  const plan = { ...base, shifts: scheduleShifts(base).shifts };

  it('counts turns in allowed time: weekends pass nobody’s turn, so nobody is starved', () => {
    expect(rows(plan.shifts, 'primary').map((r) => r.slice(0, 3))).toEqual([
      ['2027-01-04T14:00:00Z', '2027-01-04T22:00:00Z', 'a'],
      ['2027-01-05T14:00:00Z', '2027-01-05T22:00:00Z', 'b'],
      ['2027-01-06T14:00:00Z', '2027-01-06T22:00:00Z', 'c'],
      ['2027-01-07T14:00:00Z', '2027-01-07T22:00:00Z', 'd'],
      ['2027-01-08T14:00:00Z', '2027-01-08T22:00:00Z', 'a'],
      ['2027-01-11T14:00:00Z', '2027-01-11T22:00:00Z', 'b'],
      ['2027-01-12T14:00:00Z', '2027-01-12T22:00:00Z', 'c'],
      ['2027-01-13T14:00:00Z', '2027-01-13T22:00:00Z', 'd'],
      ['2027-01-14T14:00:00Z', '2027-01-14T22:00:00Z', 'a'],
      ['2027-01-15T14:00:00Z', '2027-01-15T22:00:00Z', 'b'],
    ]);
  });

  it('reports the hours outside the window as holes of the layer', () => {
    const holes = rotationWarnings(plan).filter((w) => w.kind === 'window-hole');
    expect(holes.slice(0, 2).map((h) => [h.start, h.end])).toEqual([
      ['2027-01-04T22:00:00Z', '2027-01-05T14:00:00Z'],
      ['2027-01-05T22:00:00Z', '2027-01-06T14:00:00Z'],
    ]);
    expect(holes.find((h) => h.start === '2027-01-08T22:00:00Z')?.end).toBe('2027-01-11T14:00:00Z');
  });

  it('reports a second rotation over the same hours as a double', () => {
    const twice: Plan = {
      ...plan,
      rotation: {
        ...plan.rotation,
        layers: [layerOf('primary', [business, { ...business, id: 'office-2', name: 'Office again' }])],
      },
    };
    const doubles = rotationWarnings(twice).filter((w) => w.kind === 'window-double');
    expect(doubles[0]).toMatchObject({
      start: '2027-01-04T14:00:00Z',
      end: '2027-01-04T22:00:00Z',
      message: 'Primary: rotations office, office-2 both cover 2027-01-04 09:00 – 2027-01-04 17:00',
    });
  });
});

describe('a schema-1 plan read by the schema-2 engine', () => {
  // v1.engine-shifts.json holds what the schema-1 engine (before layers had rotations, after covers became data)
  // generated for the frozen v1 fixture, written once and kept as it is.
  const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/plans/${name}`, import.meta.url));

  it('migrates the frozen v1 fixture and regenerates exactly the shifts the schema-1 engine made', async () => {
    const raw = JSON.parse(await readFile(fixture('v1.rotaplan.json'), 'utf8')) as { schemaVersion: number };
    const before = JSON.parse(await readFile(fixture('v1.engine-shifts.json'), 'utf8')) as unknown[];
    expect(raw.schemaVersion).toBe(1);
    const result = validatePlanFully(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.schemaVersion).toBe(2);
    expect(result.plan.rotation.layers.map((l) => l.rotations)).toEqual([undefined, undefined]);
    const regenerated = scheduleShifts(result.plan).shifts;
    expect(regenerated).toHaveLength(104);
    expect(regenerated).toEqual(before);
    expect(regenerated.filter((s) => s.source === 'swap')).toHaveLength(7);
  });
});
