import { instantMs, isRealInstant } from '../../time/zoned';
import { Kind, parse, valueFromASTUntyped, type ObjectValueNode } from 'graphql';
import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../../plan/schema';
import { mergeIntervals, type Interval } from '../../time/intervals';
import type { OnCallSpan } from '../target';

/**
 * Between a layer's name and a time zone in the name of each of the schedules a layer with rotations in several
 * zones is written as ("Primary — Europe/Berlin").
 */
export const SCHEDULE_ZONE_SEPARATOR = ' — ';

/** A span of a plan layer and the index of the schedule in the document that pages it. */
export type ScheduledSpan = OnCallSpan & { schedule: number };

/** A problem in a GoAlert document, with its line. */
export class GoalertError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** `newRotation` of a schedule target (CreateRotationInput). */
export type GoalertRotation = {
  name: string;
  timeZone: string;
  start: string;
  type: 'weekly' | 'daily' | 'hourly';
  shiftLength: number;
  userIDs: string[];
};

/** A schedule rule (ScheduleRuleInput): clock times in the schedule's zone and the weekdays from Sunday. */
export type GoalertRule = { start: string; end: string; weekdayFilter: boolean[] };

/** A user override (CreateUserOverrideInput). */
export type GoalertOverride = { start: string; end: string; addUserID?: string; removeUserID?: string };

/** One `createSchedule` input as read. */
export type GoalertSchedule = {
  name: string;
  timeZone: string;
  targets: { newRotation: GoalertRotation; rules: GoalertRule[] }[];
  newUserOverrides: GoalertOverride[];
  line: number;
};

/** The fields each input object may have (GoAlert's GraphQL schema, graphql2/schema.graphql). */
const FIELDS = {
  CreateScheduleInput: ['name', 'description', 'timeZone', 'favorite', 'targets', 'newUserOverrides'],
  ScheduleTargetInput: ['newRotation', 'rules'],
  CreateRotationInput: [
    'name',
    'description',
    'timeZone',
    'start',
    'favorite',
    'type',
    'shiftLength',
    'userIDs',
  ],
  ScheduleRuleInput: ['start', 'end', 'weekdayFilter'],
  CreateUserOverrideInput: ['start', 'end', 'addUserID', 'removeUserID'],
} as const;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The line of a node from graphql-js's location. */
function lineOf(node: { loc?: { startToken: { line: number } } }): number {
  return node.loc?.startToken.line ?? 0;
}

/** Checks an object literal has only the input type's fields; returns its plain value. */
function readObject(node: ObjectValueNode, type: keyof typeof FIELDS): Record<string, unknown> {
  for (const field of node.fields) {
    if (!(FIELDS[type] as readonly string[]).includes(field.name.value))
      throw new GoalertError(lineOf(field), `${type} has no field "${field.name.value}"`);
  }
  return valueFromASTUntyped(node) as Record<string, unknown>;
}

/** A nested object literal of `node` by field name, or undefined. */
function fieldNode(node: ObjectValueNode, name: string) {
  return node.fields.find((f) => f.name.value === name)?.value;
}

/** Reads every `createSchedule(input: {…})` of the mutation document. */
export function readGoalertDocument(text: string): {
  schedules: GoalertSchedule[];
  createdAt: number | null;
} {
  let doc;
  try {
    doc = parse(text);
  } catch (error) {
    const e = error as { locations?: { line: number }[]; message: string };
    throw new GoalertError(e.locations?.[0]?.line ?? 0, e.message);
  }
  const schedules: GoalertSchedule[] = [];
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== 'mutation')
      throw new GoalertError(lineOf(def), 'only mutations are read');
    for (const sel of def.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD || sel.name.value !== 'createSchedule')
        throw new GoalertError(lineOf(sel), 'only createSchedule mutations are read');
      const input = sel.arguments?.find((a) => a.name.value === 'input')?.value;
      if (!input || input.kind !== Kind.OBJECT)
        throw new GoalertError(lineOf(sel), 'createSchedule needs an input');
      const schedule = readObject(input, 'CreateScheduleInput');
      const targetsNode = fieldNode(input, 'targets');
      const targets = targetsNode?.kind === Kind.LIST ? targetsNode.values : [];
      const overridesNode = fieldNode(input, 'newUserOverrides');
      const overrides = overridesNode?.kind === Kind.LIST ? overridesNode.values : [];
      if (typeof schedule.name !== 'string' || typeof schedule.timeZone !== 'string')
        throw new GoalertError(lineOf(input), 'a schedule needs name and timeZone');
      schedules.push({
        name: schedule.name,
        timeZone: schedule.timeZone,
        line: lineOf(input),
        targets: targets.map((t) => {
          if (t.kind !== Kind.OBJECT) throw new GoalertError(lineOf(t), 'a target is an object');
          readObject(t, 'ScheduleTargetInput');
          const rotationNode = fieldNode(t, 'newRotation');
          if (rotationNode?.kind !== Kind.OBJECT)
            throw new GoalertError(lineOf(t), 'a target needs newRotation (other targets are not read)');
          const r = readObject(rotationNode, 'CreateRotationInput') as Partial<GoalertRotation>;
          if (r.type !== 'weekly' && r.type !== 'daily' && r.type !== 'hourly')
            throw new GoalertError(
              lineOf(rotationNode),
              `rotation type "${String(r.type)}" is not read (weekly, daily, hourly)`,
            );
          if (typeof r.start !== 'string' || !isRealInstant(r.start) || typeof r.timeZone !== 'string')
            throw new GoalertError(lineOf(rotationNode), 'a rotation needs timeZone and an ISO start');
          const rulesNode = fieldNode(t, 'rules');
          if (rulesNode?.kind !== Kind.LIST) throw new GoalertError(lineOf(t), 'a target needs rules');
          return {
            newRotation: {
              name: String(r.name ?? ''),
              timeZone: r.timeZone,
              start: r.start,
              type: r.type,
              shiftLength: typeof r.shiftLength === 'number' ? r.shiftLength : 1,
              userIDs: Array.isArray(r.userIDs) ? r.userIDs.map(String) : [],
            },
            rules: rulesNode.values.map((ruleNode) => {
              if (ruleNode.kind !== Kind.OBJECT)
                throw new GoalertError(lineOf(ruleNode), 'a rule is an object');
              const rule = readObject(ruleNode, 'ScheduleRuleInput');
              const filter = rule.weekdayFilter ?? [true, true, true, true, true, true, true];
              if (
                typeof rule.start !== 'string' ||
                typeof rule.end !== 'string' ||
                !CLOCK.test(rule.start) ||
                !CLOCK.test(rule.end) ||
                !Array.isArray(filter) ||
                filter.length !== 7 ||
                filter.some((b) => typeof b !== 'boolean')
              )
                throw new GoalertError(
                  lineOf(ruleNode),
                  'a rule needs start and end as HH:MM and 7 weekday booleans',
                );
              return { start: rule.start, end: rule.end, weekdayFilter: filter as boolean[] };
            }),
          };
        }),
        newUserOverrides: overrides.map((o) => {
          if (o.kind !== Kind.OBJECT) throw new GoalertError(lineOf(o), 'an override is an object');
          const v = readObject(o, 'CreateUserOverrideInput') as Partial<GoalertOverride>;
          if (
            typeof v.start !== 'string' ||
            typeof v.end !== 'string' ||
            !isRealInstant(v.start) ||
            !isRealInstant(v.end) ||
            (!v.addUserID && !v.removeUserID)
          )
            throw new GoalertError(lineOf(o), 'an override needs start, end and addUserID or removeUserID');
          return v as GoalertOverride;
        }),
      });
    }
  }
  const created = /^#\s*rotaplan: create between (\S+) and (\S+)/m.exec(text);
  return {
    schedules,
    createdAt: created && isRealInstant(created[1]!) ? instantMs(created[1]!) + 60_000 : null,
  };
}

/** Epoch ms of a local date-time in `zone`, moving forward through a DST gap. */
function wall(dt: Temporal.PlainDateTime, zone: string): number {
  return dt.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/**
 * Who a rotation has on call between `from` and `until`, by GoAlert's rules:
 * - handoffs are at `start` plus whole shift lengths on the rotation zone's clock (`Rotation.StartTime`/`EndTime`
 *   in schedule/rotation/rotation.go use clock arithmetic in the start's location), so they keep their wall time;
 * - the first user of `userIDs` is active from the moment the rotation is created, and the engine moves one
 *   position on at each handoff after that (`calcAdvance` in engine/rotationmanager/advance.go).
 */
export function rotationUsers(
  r: GoalertRotation,
  createdAt: number,
  until: number,
): (Interval & { userId: string })[] {
  const unitMinutes = r.type === 'hourly' ? 60 : r.type === 'daily' ? 1440 : 10080;
  const step = unitMinutes * r.shiftLength;
  const start = Temporal.Instant.from(r.start).toZonedDateTimeISO(r.timeZone).toPlainDateTime();
  const handoff = (k: number) => wall(start.add({ minutes: k * step }), r.timeZone);
  // The first handoff after creation.
  let k = 0;
  while (handoff(k) > createdAt) k--;
  while (handoff(k) <= createdAt) k++;
  const out: (Interval & { userId: string })[] = [];
  if (r.userIDs.length === 0) return out;
  let from = createdAt;
  for (let position = 0; from < until; position++, k++) {
    const to = handoff(k);
    out.push({ start: from, end: to, userId: r.userIDs[position % r.userIDs.length]! });
    from = to;
  }
  return out;
}

/**
 * When a rule is active between `from` and `until`, in the schedule's zone: on each enabled weekday (filter index
 * 0 is Sunday) from `start` to `end` the same day, to `end` the next day when `end` is before `start`, and the
 * whole day when they are equal (consecutive enabled days join) — `Rule.StartTime`/`EndTime` in
 * schedule/rule/rule.go.
 */
export function ruleIntervals(rule: GoalertRule, zone: string, from: number, until: number): Interval[] {
  const first = Temporal.Instant.fromEpochMilliseconds(from)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .subtract({ days: 1 });
  const last = Temporal.Instant.fromEpochMilliseconds(until).toZonedDateTimeISO(zone).toPlainDate();
  const out: Interval[] = [];
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    if (!rule.weekdayFilter[date.dayOfWeek % 7]) continue;
    const s = wall(date.toPlainDateTime(Temporal.PlainTime.from(rule.start)), zone);
    const endDate = rule.end > rule.start ? date : date.add({ days: 1 });
    const e = wall(endDate.toPlainDateTime(Temporal.PlainTime.from(rule.end)), zone);
    out.push({ start: Math.max(s, from), end: Math.min(e, until) });
  }
  return mergeIntervals(out);
}

/**
 * The plan layer a schedule belongs to: the layer named (or with the id) as the schedule, or the one whose name and
 * `SCHEDULE_ZONE_SEPARATOR` start the schedule's name (the longest such name).
 */
function layerOfSchedule(plan: Plan, name: string) {
  const exact = plan.rotation.layers.find((l) => l.name === name || l.id === name);
  if (exact) return exact;
  const prefixed = plan.rotation.layers.filter((l) => name.startsWith(l.name + SCHEDULE_ZONE_SEPARATOR));
  return prefixed.sort((a, b) => b.name.length - a.name.length)[0];
}

/**
 * Expands the document into spans of plan layers: a schedule's on-call users are those of every target whose rules
 * are active, then its user overrides apply — remove (removeUserID alone), replace (both: only where the removed
 * user is on call) and add (addUserID alone), as GoAlert's schedule overrides are documented ("Add, remove or
 * replace a user on the schedule for a period"). Each override acts on its own schedule's users only; a layer
 * written as several schedules (one per zone) is on call wherever any of them is.
 */
export function expandGoalert(
  text: string,
  plan: Plan,
  window: Interval,
  userIds: Readonly<Record<string, string>>,
): ScheduledSpan[] {
  const { schedules, createdAt } = readGoalertDocument(text);
  if (createdAt === null)
    throw new GoalertError(
      1,
      'the "# rotaplan: create between START and END" line is missing (it fixes when the rotations start)',
    );
  const memberOf = new Map(Object.entries(userIds).map(([member, user]) => [user, member]));
  const out: ScheduledSpan[] = [];
  for (const [index, schedule] of schedules.entries()) {
    const layer = layerOfSchedule(plan, schedule.name);
    if (!layer)
      throw new GoalertError(schedule.line, `schedule "${schedule.name}" matches no layer of the plan`);
    const pieces: (Interval & { userId: string })[] = [];
    for (const target of schedule.targets) {
      const active = mergeIntervals(
        target.rules.flatMap((rule) => ruleIntervals(rule, schedule.timeZone, window.start, window.end)),
      );
      for (const u of rotationUsers(target.newRotation, createdAt, window.end)) {
        for (const a of active) {
          const start = Math.max(u.start, a.start, window.start);
          const end = Math.min(u.end, a.end, window.end);
          if (start < end) pieces.push({ start, end, userId: u.userId });
        }
      }
    }
    const overrides = schedule.newUserOverrides.map((o) => ({
      ...o,
      s: instantMs(o.start),
      e: instantMs(o.end),
    }));
    const edges = [
      ...new Set([...pieces.flatMap((p) => [p.start, p.end]), ...overrides.flatMap((o) => [o.s, o.e])]),
    ]
      .filter((t) => t >= window.start && t <= window.end)
      .sort((a, b) => a - b);
    // A sweep over the edges with the pieces and overrides active at each, so two years stay linear.
    pieces.sort((a, b) => a.start - b.start);
    overrides.sort((a, b) => a.s - b.s);
    let activePieces: typeof pieces = [];
    let activeOverrides: typeof overrides = [];
    let nextPiece = 0;
    let nextOverride = 0;
    for (let i = 0; i + 1 < edges.length; i++) {
      const start = edges[i]!;
      const end = edges[i + 1]!;
      activePieces = activePieces.filter((p) => p.end > start);
      while (nextPiece < pieces.length && pieces[nextPiece]!.start <= start)
        activePieces.push(pieces[nextPiece++]!);
      activeOverrides = activeOverrides.filter((o) => o.e > start);
      while (nextOverride < overrides.length && overrides[nextOverride]!.s <= start)
        activeOverrides.push(overrides[nextOverride++]!);
      const users = new Set(activePieces.filter((p) => p.end >= end).map((p) => p.userId));
      const here = activeOverrides.filter((o) => o.e >= end);
      for (const o of here) if (o.removeUserID && !o.addUserID) users.delete(o.removeUserID);
      for (const o of here)
        if (o.removeUserID && o.addUserID && users.has(o.removeUserID)) {
          users.delete(o.removeUserID);
          users.add(o.addUserID);
        }
      for (const o of here) if (o.addUserID && !o.removeUserID) users.add(o.addUserID);
      for (const user of users) {
        const memberId = memberOf.get(user);
        if (memberId === undefined)
          throw new GoalertError(schedule.line, `user id "${user}" is no member of the plan (--map)`);
        out.push({ layerId: layer.id, memberId, start, end, schedule: index });
      }
    }
  }
  return out;
}
