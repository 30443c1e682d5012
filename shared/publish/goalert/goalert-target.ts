import { instantMs } from '../../time/zoned';
import { Temporal } from 'temporal-polyfill';
import { mergeIntervals, type Interval } from '../../time/intervals';
import { derivedOverridesFor } from '../derive-for-target';
import { regularPieces, type RegularPiece } from '../regular-pieces';
import type {
  CompiledPublish,
  OnCallSpan,
  PublishContext,
  PublishFile,
  PublishProblem,
  PublishTarget,
} from '../target';
import { missingUserIds } from '../user-ids';
import {
  expandGoalert,
  GoalertError,
  SCHEDULE_ZONE_SEPARATOR,
  type GoalertOverride,
  type GoalertRule,
  type ScheduledSpan,
} from './goalert-expand';

/** The file this target writes. */
export const GOALERT_FILE = 'schedules.graphql';

const isoText = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A GraphQL value literal: strings quoted, enums bare, lists and objects on one line. */
type Literal = string | number | boolean | { enum: string } | Literal[] | { [key: string]: Literal };
function literal(value: Literal): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if ('enum' in value && typeof value.enum === 'string') return value.enum;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${k}: ${literal(v)}`)
    .join(', ')} }`;
}

/** Minute of day and weekday (0 Sunday, as WeekdayFilter counts) of an instant in `zone`. */
function local(ms: number, zone: string): { day: number; minute: number } {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { day: zdt.dayOfWeek % 7, minute: zdt.hour * 60 + zdt.minute };
}

/**
 * The rules of one daily window in a schedule's zone: on each of `weekdays` (ISO, 1 Monday … 7 Sunday) of the week
 * of `anchorDate`, `dayShift` days later, from `start` on the clock of `zone` for `minutes`, as clock times and
 * weekdays of `scheduleZone` (the same when the schedule keeps the window's own zone).
 */
function windowRules(
  anchorDate: Temporal.PlainDate,
  weekdays: readonly number[],
  start: string,
  zone: string,
  minutes: number,
  dayShift: number,
  scheduleZone: string,
): GoalertRule[] {
  const occurrences = weekdays.map((weekday) => {
    const date = anchorDate.add({ days: ((weekday - anchorDate.dayOfWeek + 7) % 7) + dayShift });
    const at = Temporal.PlainDateTime.from(`${date.toString()}T${start}`).toZonedDateTime(zone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
    return { from: local(at, scheduleZone), to: local(at + minutes * 60_000, scheduleZone) };
  });
  const byTimes = new Map<string, GoalertRule>();
  for (const o of occurrences) {
    const key = `${o.from.minute}-${o.to.minute}`;
    const rule = byTimes.get(key) ?? {
      start: clock(o.from.minute),
      end: clock(o.to.minute),
      weekdayFilter: Array<boolean>(7).fill(false),
    };
    rule.weekdayFilter[o.from.day] = true;
    byTimes.set(key, rule);
  }
  return [...byTimes.values()];
}

/** A rotation of the document: the piece it copies, the zone of the schedule holding it and its rules there. */
type RotationTarget = { piece: RegularPiece; zone: string; tail: boolean; rules: GoalertRule[] };

/**
 * The rotation targets of a piece, each in the schedule of its own zone: always (00:00-00:00 every day); or its
 * window from the start in the piece's zone; or, for a window whose end keeps the next region's clock (see
 * `WindowSplit`), its shortest length there and a copy of the rotation in the next region's schedule for the tail
 * ending at that region's handoff (the copy hands over with the rotation, so both page the same member).
 */
function pieceTargets(piece: RegularPiece): RotationTarget[] | string {
  const w = piece.window;
  if (!w)
    return [
      {
        piece,
        zone: piece.zone,
        tail: false,
        rules: [{ start: '00:00', end: '00:00', weekdayFilter: Array<boolean>(7).fill(true) }],
      },
    ];
  if (w.minutes >= 1440) return 'its window is a day or longer';
  const anchorDate = Temporal.PlainDate.from(piece.anchor.slice(0, 10));
  const head = w.split?.minMinutes ?? w.minutes;
  const out: RotationTarget[] = [
    {
      piece,
      zone: piece.zone,
      tail: false,
      rules: windowRules(anchorDate, w.weekdays, w.start, piece.zone, head, 0, piece.zone),
    },
  ];
  const split = w.split;
  if (split)
    out.push({
      piece,
      zone: split.tailZone,
      tail: true,
      rules: windowRules(
        anchorDate,
        w.weekdays,
        split.tailStart,
        split.tailZone,
        split.tailMinutes,
        split.dayShift,
        split.tailZone,
      ),
    });
  return out;
}

/** One GoAlert schedule of the document: a plan layer's rotations in one time zone. */
type ScheduleOut = { layerId: string; name: string; zone: string; targets: RotationTarget[] };

/**
 * The schedules of the document: per plan layer, one schedule per time zone its rotations hand over in (named
 * "<layer> — <zone>" when there are several), or one named as the layer.
 * Why per zone: GoAlert's rules are clock times in their schedule's zone with no date range, so a region's window
 * only keeps its hours through every clock change in a schedule of that region's zone; in one shared schedule the
 * days another region's offset differs would each be overrides.
 */
function layoutSchedules(ctx: PublishContext, targets: readonly RotationTarget[]): ScheduleOut[] {
  return ctx.plan.rotation.layers.flatMap((layer) => {
    const own = targets.filter((t) => t.piece.layerId === layer.id);
    const zones = [...new Set(own.map((t) => t.zone))];
    if (zones.length <= 1)
      return [
        { layerId: layer.id, name: layer.name, zone: zones[0] ?? ctx.plan.rotation.timeZone, targets: own },
      ];
    return zones.map((zone) => ({
      layerId: layer.id,
      name: `${layer.name}${SCHEDULE_ZONE_SEPARATOR}${zone}`,
      zone,
      targets: own.filter((t) => t.zone === zone),
    }));
  });
}

/**
 * The instants any time in which the rotations may be created so that each starts with its first user: after the
 * last handoff before every rotation's first turn, up to the earliest first turn. GoAlert puts a new rotation's
 * first user on call at creation and moves on at each handoff, so `userIDs` starts with the member before the first
 * turn's and the document says when to apply it.
 */
function creationWindow(pieces: RegularPiece[], window: Interval): Interval {
  if (pieces.length === 0) return { start: window.start - 60_000, end: window.start };
  const before = (p: RegularPiece) => {
    const dt = Temporal.PlainDateTime.from(p.anchor);
    const back = p.unit === 'week' ? { weeks: p.every } : { days: p.every };
    return dt.subtract(back).toZonedDateTime(p.zone, { disambiguation: 'compatible' }).epochMilliseconds;
  };
  return {
    start: Math.max(...pieces.map(before)),
    end: Math.min(...pieces.map((p) => p.anchorMs)),
  };
}

/** The mutation document: one createSchedule per schedule with its rotations, rules and overrides. */
function render(
  ctx: PublishContext,
  schedules: readonly ScheduleOut[],
  overrides: ReadonlyMap<number, GoalertOverride[]>,
  created: Interval,
): string {
  const lines = [
    "# Written by Rotaplan: the plan's rotations as GoAlert rotations with schedule rules, the deviations as user",
    '# overrides. A new rotation has its first user on call from the moment it is created, so apply this document',
    "# in the window below (each rotation then hands over to the plan's first turn at its first handoff).",
    `# rotaplan: create between ${isoText(created.start)} and ${isoText(created.end)}`,
  ];
  schedules.forEach((schedule, index) => {
    const layer = ctx.plan.rotation.layers.find((l) => l.id === schedule.layerId)!;
    const input: { [key: string]: Literal } = {
      name: schedule.name,
      description: `${layer.name} layer of ${ctx.plan.meta.name}, published by Rotaplan`,
      timeZone: schedule.zone,
    };
    lines.push(
      '',
      `mutation Create${index + 1}${layer.id.replace(/[^A-Za-z0-9_]/g, '_')} {`,
      '  createSchedule(',
      '    input: {',
    );
    for (const [k, v] of Object.entries(input)) lines.push(`      ${k}: ${literal(v)}`);
    lines.push('      targets: [');
    for (const t of schedule.targets) {
      const p = t.piece;
      const users = p.members.map((m) => ctx.userIds[m]!);
      const rotation: { [key: string]: Literal } = {
        name: `${layer.name} ${p.name}${t.tail ? ` until the ${schedule.zone} handoff` : ''}`,
        timeZone: p.zone,
        start: isoText(p.anchorMs),
        type: { enum: p.unit === 'week' ? 'weekly' : 'daily' },
        shiftLength: p.every,
        // The member before the first turn's: on call from creation to the first handoff.
        userIDs: [users[users.length - 1]!, ...users.slice(0, -1)],
      };
      lines.push('        {', `          newRotation: ${literal(rotation)}`);
      lines.push(`          rules: ${literal(t.rules as unknown as Literal[])}`, '        }');
    }
    lines.push('      ]', '      newUserOverrides: [');
    for (const o of overrides.get(index) ?? []) lines.push(`        ${literal(o as unknown as Literal)}`);
    lines.push('      ]', '    }', '  ) {', '    id', '  }', '}');
  });
  return lines.join('\n') + '\n';
}

/**
 * The GoAlert overrides for one derived override, each with the index of the schedule it belongs to, as an override
 * acts only on its own schedule's users: in each schedule paging one other user there, replace that user for the
 * part they are paged; in a schedule paging several, remove each; then add the member (in the layer's first
 * schedule when nobody is paged) unless the replacements already page them throughout.
 */
function toGoalertOverrides(
  o: OnCallSpan,
  regular: readonly ScheduledSpan[],
  userIds: Readonly<Record<string, string>>,
  layerSchedule: number,
): { schedule: number; override: GoalertOverride }[] {
  const add = userIds[o.memberId]!;
  const others = regular.filter(
    (r) => r.layerId === o.layerId && r.start < o.end && r.end > o.start && r.memberId !== o.memberId,
  );
  const out: { schedule: number; override: GoalertOverride }[] = [];
  const replaced: Interval[] = [];
  for (const schedule of [...new Set(others.map((r) => r.schedule))]) {
    const here = others.filter((r) => r.schedule === schedule);
    for (const r of here) {
      const part = { start: Math.max(r.start, o.start), end: Math.min(r.end, o.end) };
      const span = { start: isoText(part.start), end: isoText(part.end) };
      const removeUserID = userIds[r.memberId]!;
      if (here.length === 1) {
        out.push({ schedule, override: { ...span, addUserID: add, removeUserID } });
        replaced.push(part);
      } else out.push({ schedule, override: { ...span, removeUserID } });
    }
  }
  const covered = mergeIntervals(replaced).some((i) => i.start <= o.start && i.end >= o.end);
  const already = regular.some(
    (r) => r.layerId === o.layerId && r.memberId === o.memberId && r.start <= o.start && r.end >= o.end,
  );
  if (!covered && !already)
    out.push({
      schedule: others[0]?.schedule ?? layerSchedule,
      override: { start: isoText(o.start), end: isoText(o.end), addUserID: add },
    });
  return out;
}

/** Expands the written document (perhaps edited by hand). */
function expandFiles(files: readonly PublishFile[], ctx: PublishContext): ScheduledSpan[] | PublishProblem {
  const file = files.find((f) => f.path === GOALERT_FILE);
  if (!file) return { message: `${GOALERT_FILE} is missing` };
  try {
    return expandGoalert(file.text, ctx.plan, ctx.window, ctx.userIds);
  } catch (error) {
    if (error instanceof GoalertError) return { message: `${GOALERT_FILE} ${error.message}` };
    throw error;
  }
}

/** Compiles the plan: regular pieces as rotation targets with rules, a schedule per zone, the rest as overrides. */
function compileGoalert(ctx: PublishContext): CompiledPublish | PublishProblem {
  const { pieces, notes } = regularPieces(ctx.plan, ctx.window);
  const inWindow = ctx.plan.shifts.filter(
    (s) => instantMs(s.end) > ctx.window.start && instantMs(s.start) < ctx.window.end,
  );
  const missing = missingUserIds(
    ctx.plan,
    [...pieces.flatMap((p) => p.members), ...inWindow.map((s) => s.memberId)],
    ctx.userIds,
    'GoAlert',
  );
  if (missing) return missing;
  const targets: RotationTarget[] = [];
  for (const piece of pieces) {
    const own = pieceTargets(piece);
    if (typeof own === 'string') {
      notes.push(
        `GoAlert cannot hold ${piece.name} as a rotation (${own}): its turns are published as overrides.`,
      );
      continue;
    }
    targets.push(...own);
  }
  const created = creationWindow([...new Set(targets.map((t) => t.piece))], ctx.window);
  if (created.end <= created.start)
    return {
      message: 'GoAlert: the rotations have no common moment to be created in before their first turns',
    };
  const schedules = layoutSchedules(ctx, targets);
  const regularText = render(ctx, schedules, new Map(), created);
  const regular = expandFiles([{ path: GOALERT_FILE, text: regularText }], ctx);
  if (!Array.isArray(regular)) return regular;
  const derived = derivedOverridesFor(ctx, regular, 'GoAlert');
  notes.push(...derived.notes);
  const overrides = new Map<number, GoalertOverride[]>();
  for (const o of derived.overrides) {
    const first = schedules.findIndex((s) => s.layerId === o.layerId);
    for (const { schedule, override } of toGoalertOverrides(o, regular, ctx.userIds, first)) {
      const list = overrides.get(schedule) ?? [];
      list.push(override);
      overrides.set(schedule, list);
    }
  }
  for (const layer of ctx.plan.rotation.layers) {
    const own = schedules.filter((s) => s.layerId === layer.id);
    if (own.length > 1)
      notes.push(
        `GoAlert: ${layer.name} is ${own.length} schedules, one per time zone its rotations hand over in ` +
          `(${own.map((s) => s.zone).join(', ')}), as a schedule's rules are clock times in its own zone; ` +
          `put all of them in the same escalation step, which pages everyone on call in any of them.`,
      );
  }
  notes.push(
    `Apply the GoAlert document between ${isoText(created.start)} and ${isoText(created.end)}: a new rotation puts its first user on call when it is created.`,
  );
  const count = [...overrides.values()].reduce((n, list) => n + list.length, 0);
  return {
    files: [{ path: GOALERT_FILE, text: render(ctx, schedules, overrides, created) }],
    schedules: schedules.length,
    layers: targets.length,
    overrides: count,
    notes,
  };
}

/**
 * GoAlert through GraphQL mutation documents: `createSchedule` per plan layer with `newRotation` targets and their
 * `rules`, and `newUserOverrides` for the deviations. GoAlert needs its user ids (`--map EMAIL=ID`).
 */
export const goalertTarget: PublishTarget = {
  id: 'goalert',
  label: 'GoAlert (GraphQL)',
  needsUserIds: true,
  compile: compileGoalert,
  expand: expandFiles,
};
