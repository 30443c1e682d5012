import fc from 'fast-check';
import type { Member, Plan, Shift } from '../../../shared/plan/schema';
import { timeOffInterval } from '../../../shared/rotation/availability';
import { rotationHorizon } from '../../../shared/rotation/generate-shifts';
import {
  isKeptShift,
  scheduleShifts,
  type UnresolvedConflict,
} from '../../../shared/rotation/schedule-shifts';
import { addDays } from '../../../shared/time/zoned';
import { member, planWith } from './plan-fixtures';

const ZONES = [
  'America/Los_Angeles',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
];
const ms = (iso: string) => Date.parse(iso);
const pad = (n: number) => String(n).padStart(2, '0');

const rotationArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  shiftLengthDays: fc.integer({ min: 1, max: 14 }),
  weekday: fc.integer({ min: 1, max: 7 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 15, 30, 45),
  startDay: fc.integer({ min: 0, max: 364 }),
  days: fc.integer({ min: 1, max: 100 }),
});

type RotationInput = {
  zone: string;
  shiftLengthDays: number;
  weekday: number;
  hour: number;
  minute: number;
  startDay: number;
  days: number;
};

function buildPlan(r: RotationInput, members: Member[], orders: string[][]): Plan {
  const startDate = addDays('2027-01-01', r.startDay);
  return planWith(members, {
    layers: orders.map((memberOrder, i) => ({ id: `layer-${i}`, name: `Layer ${i}`, memberOrder })),
    shiftLengthDays: r.shiftLengthDays,
    handoff: { weekday: r.weekday, time: `${pad(r.hour)}:${pad(r.minute)}` },
    timeZone: r.zone,
    startDate,
    endDate: addDays(startDate, r.days),
  });
}

/** Each layer with members is covered exactly once from the horizon's start to its end: shifts tile it. */
function expectTiled(plan: Plan, shifts: Shift[]) {
  const horizon = rotationHorizon(plan.rotation);
  for (const layer of plan.rotation.layers) {
    const own = shifts.filter((s) => s.layerId === layer.id).sort((a, b) => ms(a.start) - ms(b.start));
    expect(own.length).toBeGreaterThan(0);
    expect(ms(own[0]!.start)).toBe(ms(horizon.start));
    for (let i = 1; i < own.length; i++) expect(ms(own[i]!.start)).toBe(ms(own[i - 1]!.end));
    expect(ms(own[own.length - 1]!.end)).toBe(ms(horizon.end));
  }
}

/** Parts of generated shifts that fall in their member's own time off. */
function onCallWhileAway(plan: Plan, shifts: Shift[]) {
  const out: { layerId: string; memberId: string; start: number; end: number }[] = [];
  for (const s of shifts) {
    if (isKeptShift(s)) continue;
    const m = plan.members.find((x) => x.id === s.memberId)!;
    for (const t of m.timeOff) {
      const away = timeOffInterval(m, t);
      const start = Math.max(away.start, ms(s.start));
      const end = Math.min(away.end, ms(s.end));
      if (start < end) out.push({ layerId: s.layerId, memberId: s.memberId, start, end });
    }
  }
  return out;
}

const reported = (
  unresolved: UnresolvedConflict[],
  part: { layerId: string; memberId: string; start: number; end: number },
) =>
  unresolved.some(
    (u) =>
      u.layerId === part.layerId &&
      u.memberId === part.memberId &&
      ms(u.start) <= part.start &&
      part.end <= ms(u.end),
  );

describe('for random rotations and time off (fast-check)', () => {
  const teamArb = fc.array(
    fc.record({
      zone: fc.constantFrom(...ZONES),
      timeOff: fc.array(
        fc.record({ day: fc.integer({ min: -10, max: 110 }), length: fc.integer({ min: 0, max: 9 }) }),
        {
          maxLength: 3,
        },
      ),
    }),
    { minLength: 1, maxLength: 8 },
  );
  const orderArb = fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 8 });
  const pinArb = fc.array(fc.record({ pick: fc.nat(), to: fc.nat() }), { maxLength: 3 });

  it('covers every instant of the horizon exactly once per layer; nobody is on call in their own time off unless pinned or reported', () => {
    fc.assert(
      fc.property(
        rotationArb,
        teamArb,
        fc.array(orderArb, { minLength: 1, maxLength: 2 }),
        pinArb,
        (r, team, orders, pins) => {
          const startDate = addDays('2027-01-01', r.startDay);
          const members = team.map((t, i) =>
            member(
              `m${i}`,
              t.timeOff.map((o, j) => ({
                id: `m${i}-off-${j}`,
                start: addDays(startDate, o.day),
                end: addDays(startDate, o.day + o.length),
                kind: 'vacation' as const,
                note: '',
              })),
              t.zone,
            ),
          );
          const ids = members.map((m) => m.id);
          const plan = buildPlan(
            r,
            members,
            orders.map((o) => o.map((i) => ids[i % ids.length]!)),
          );
          const first = scheduleShifts(plan);
          expectTiled(plan, first.shifts);
          for (const part of onCallWhileAway(plan, first.shifts))
            expect(reported(first.unresolved, part)).toBe(true);

          // Pin a few shifts to someone else, then regenerate: the pins stay, the rest still tiles.
          const pinned = new Map<string, Shift>();
          for (const p of pins) {
            const s = first.shifts[p.pick % first.shifts.length]!;
            pinned.set(s.id, { ...s, memberId: ids[p.to % ids.length]!, pinned: true });
          }
          const withPins = { ...plan, shifts: first.shifts.map((s) => pinned.get(s.id) ?? s) };
          const second = scheduleShifts(withPins);
          expectTiled(plan, second.shifts);
          for (const pin of pinned.values()) expect(second.shifts).toContainEqual(pin);
          for (const part of onCallWhileAway(plan, second.shifts))
            expect(reported(second.unresolved, part)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('leaves nothing unresolved when at most one person is away at a time and three or more share the layers', () => {
    const awayArb = fc.array(
      fc.record({
        who: fc.nat({ max: 7 }),
        gap: fc.integer({ min: 1, max: 20 }),
        length: fc.integer({ min: 0, max: 9 }),
      }),
      {
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        rotationArb,
        fc.array(fc.constantFrom(...ZONES), { minLength: 3, maxLength: 8 }),
        fc.boolean(),
        awayArb,
        (r, zones, twoLayers, absences) => {
          const startDate = addDays('2027-01-01', r.startDay);
          const timeOff: Member['timeOff'][] = zones.map(() => []);
          // Absences follow each other with at least one whole day between them, so even Los Angeles and
          // Sydney (19 hours apart) never have two people away at once.
          let day = -5;
          absences.forEach((a, i) => {
            day += a.gap;
            timeOff[a.who % zones.length]!.push({
              id: `off-${i}`,
              start: addDays(startDate, day),
              end: addDays(startDate, day + a.length),
              kind: 'vacation',
              note: '',
            });
            day += a.length + 1;
          });
          const members = zones.map((zone, i) => member(`m${i}`, timeOff[i], zone));
          const ids = members.map((m) => m.id);
          const orders = twoLayers ? [ids, [...ids.slice(1), ids[0]!]] : [ids];
          const plan = buildPlan(r, members, orders);
          const { shifts, unresolved } = scheduleShifts(plan);
          expectTiled(plan, shifts);
          expect(unresolved).toEqual([]);
          expect(onCallWhileAway(plan, shifts)).toEqual([]);
          // And nobody holds two layers at the same instant.
          if (twoLayers) {
            const [a, b] = plan.rotation.layers.map((l) => shifts.filter((s) => s.layerId === l.id));
            for (const x of a!) {
              for (const y of b!) {
                if (x.memberId === y.memberId)
                  expect(ms(x.end) <= ms(y.start) || ms(y.end) <= ms(x.start)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
