import { instantMs } from '../../time/zoned';
import { Temporal } from 'temporal-polyfill';
import type { Interval } from '../../time/intervals';
import { derivedOverridesFor } from '../derive-for-target';
import { offsetChanges } from '../pagerduty/pagerduty-layers';
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
import { expandGoalert, GoalertError, type GoalertOverride, type GoalertRule } from './goalert-expand';

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

/** The rules of a piece in the schedule's zone: always (00:00-00:00 every day) or its window's days and times. */
function pieceRules(piece: RegularPiece, zone: string): GoalertRule[] | string {
  const w = piece.window;
  if (!w) return [{ start: '00:00', end: '00:00', weekdayFilter: Array<boolean>(7).fill(true) }];
  if (w.minutes >= 1440) return 'its window is a day or longer';
  const anchorDate = Temporal.PlainDate.from(piece.anchor.slice(0, 10));
  const occurrences = w.weekdays.map((weekday) => {
    const date = anchorDate.add({ days: (weekday - anchorDate.dayOfWeek + 7) % 7 });
    const start = Temporal.PlainDateTime.from(`${date.toString()}T${w.start}`).toZonedDateTime(piece.zone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
    return { from: local(start, zone), to: local(start + w.minutes * 60_000, zone) };
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

/** The UTC offset of `zone` at `ms`, in minutes. */
const offsetAt = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 60e9;

/**
 * Why the days a window moves on the schedule's clock are overrides, when some do: GoAlert's rules are clock times
 * in the schedule's zone with no date range, and the other mapping, a temporary schedule per stretch, replaces the
 * whole schedule with its shifts listed one by one, so the regular rotation would no longer be seen in those months.
 */
function movingWindowNote(pieces: RegularPiece[], zone: string, window: Interval): string | null {
  const moving = pieces.filter((p) => {
    if (!p.window) return false;
    const gap = (ms: number) => offsetAt(ms, p.zone) - offsetAt(ms, zone);
    return offsetChanges([p.zone, zone], window).some((t) => gap(t) !== gap(window.start));
  });
  if (moving.length === 0) return null;
  return (
    `GoAlert rules are clock times in the schedule's zone (${zone}) with no date range, so on the days when ` +
    `${[...new Set(moving.map((p) => p.zone))].join(', ')} keep another offset to it, the windows of ` +
    `${[...new Set(moving.map((p) => p.name))].join(', ')} go out as user overrides. A temporary schedule ` +
    `(setTemporarySchedule) for those stretches would list every shift one by one in place of the rotations, so ` +
    `the overrides are the clearer mapping: the rotations stay and each override is the hour that moves.`
  );
}

/** The mutation document: one createSchedule per plan layer with its rotations, rules and overrides. */
function render(
  ctx: PublishContext,
  targets: { piece: RegularPiece; rules: GoalertRule[] }[],
  overrides: Map<string, GoalertOverride[]>,
  created: Interval,
): string {
  const zone = ctx.plan.rotation.timeZone;
  const lines = [
    "# Written by Rotaplan: the plan's rotations as GoAlert rotations with schedule rules, the deviations as user",
    '# overrides. A new rotation has its first user on call from the moment it is created, so apply this document',
    "# in the window below (each rotation then hands over to the plan's first turn at its first handoff).",
    `# rotaplan: create between ${isoText(created.start)} and ${isoText(created.end)}`,
  ];
  ctx.plan.rotation.layers.forEach((layer, index) => {
    const own = targets.filter((t) => t.piece.layerId === layer.id);
    const input: { [key: string]: Literal } = {
      name: layer.name,
      description: `${layer.name} layer of ${ctx.plan.meta.name}, published by Rotaplan`,
      timeZone: zone,
    };
    lines.push(
      '',
      `mutation Create${index + 1}${layer.id.replace(/[^A-Za-z0-9_]/g, '_')} {`,
      '  createSchedule(',
      '    input: {',
    );
    for (const [k, v] of Object.entries(input)) lines.push(`      ${k}: ${literal(v)}`);
    lines.push('      targets: [');
    for (const t of own) {
      const p = t.piece;
      const users = p.members.map((m) => ctx.userIds[m]!);
      const rotation: { [key: string]: Literal } = {
        name: `${layer.name} ${p.name}`,
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
    for (const o of overrides.get(layer.id) ?? []) lines.push(`        ${literal(o as unknown as Literal)}`);
    lines.push('      ]', '    }', '  ) {', '    id', '  }', '}');
  });
  return lines.join('\n') + '\n';
}

/** The GoAlert overrides for one derived override: replace the one regular user, or remove them all and add. */
function toGoalertOverrides(
  o: OnCallSpan,
  regular: readonly OnCallSpan[],
  userIds: Readonly<Record<string, string>>,
): GoalertOverride[] {
  const start = isoText(o.start);
  const end = isoText(o.end);
  const add = userIds[o.memberId]!;
  const others = regular.filter(
    (r) => r.layerId === o.layerId && r.start < o.end && r.end > o.start && r.memberId !== o.memberId,
  );
  const covering = others.filter((r) => r.start <= o.start && r.end >= o.end);
  if (others.length === 1 && covering.length === 1)
    return [{ start, end, addUserID: add, removeUserID: userIds[covering[0]!.memberId]! }];
  const out: GoalertOverride[] = others.map((r) => ({
    start: isoText(Math.max(r.start, o.start)),
    end: isoText(Math.min(r.end, o.end)),
    removeUserID: userIds[r.memberId]!,
  }));
  const already = regular.some(
    (r) => r.layerId === o.layerId && r.memberId === o.memberId && r.start <= o.start && r.end >= o.end,
  );
  if (!already) out.push({ start, end, addUserID: add });
  return out;
}

/** Expands the written document (perhaps edited by hand). */
function expandFiles(files: readonly PublishFile[], ctx: PublishContext): OnCallSpan[] | PublishProblem {
  const file = files.find((f) => f.path === GOALERT_FILE);
  if (!file) return { message: `${GOALERT_FILE} is missing` };
  try {
    return expandGoalert(file.text, ctx.plan, ctx.window, ctx.userIds);
  } catch (error) {
    if (error instanceof GoalertError) return { message: `${GOALERT_FILE} ${error.message}` };
    throw error;
  }
}

/** Compiles the plan: regular pieces as rotation targets with rules, then the rest as user overrides. */
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
  const targets: { piece: RegularPiece; rules: GoalertRule[] }[] = [];
  for (const piece of pieces) {
    const rules = pieceRules(piece, ctx.plan.rotation.timeZone);
    if (typeof rules === 'string') {
      notes.push(
        `GoAlert cannot hold ${piece.name} as a rotation (${rules}): its turns are published as overrides.`,
      );
      continue;
    }
    targets.push({ piece, rules });
  }
  const created = creationWindow(
    targets.map((t) => t.piece),
    ctx.window,
  );
  if (created.end <= created.start)
    return {
      message: 'GoAlert: the rotations have no common moment to be created in before their first turns',
    };
  const regularText = render(ctx, targets, new Map(), created);
  const regular = expandFiles([{ path: GOALERT_FILE, text: regularText }], ctx);
  if (!Array.isArray(regular)) return regular;
  const derived = derivedOverridesFor(ctx, regular, 'GoAlert');
  notes.push(...derived.notes);
  const moving = movingWindowNote(
    targets.map((t) => t.piece),
    ctx.plan.rotation.timeZone,
    ctx.window,
  );
  if (moving) notes.push(moving);
  const overrides = new Map<string, GoalertOverride[]>();
  for (const o of derived.overrides) {
    const list = overrides.get(o.layerId) ?? [];
    list.push(...toGoalertOverrides(o, regular, ctx.userIds));
    overrides.set(o.layerId, list);
  }
  notes.push(
    `Apply the GoAlert document between ${isoText(created.start)} and ${isoText(created.end)}: a new rotation puts its first user on call when it is created.`,
  );
  const count = [...overrides.values()].reduce((n, list) => n + list.length, 0);
  return {
    files: [{ path: GOALERT_FILE, text: render(ctx, targets, overrides, created) }],
    schedules: ctx.plan.rotation.layers.length,
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
