import { Temporal } from 'temporal-polyfill';
import { derivedOverridesFor } from '../derive-for-target';
import { HclError, hclLabel, renderBlock, type HclItem } from '../hcl-subset';
import { regularPieces, type RegularPiece } from '../regular-pieces';
import type { CompiledPublish, PublishContext, PublishFile, PublishProblem, PublishTarget } from '../target';
import { expandGrafanaText, GRAFANA_WEEKDAYS } from './grafana-expand';

/** The file this target writes. */
export const GRAFANA_FILE = 'main.tf';

/** The level of the regular rotations; overrides go one above so they win where they overlap. */
const ROTATION_LEVEL = 1;
const OVERRIDE_LEVEL = 2;

/** The username a member is looked up by: the tool id given with --map, else the e-mail. */
function username(ctx: PublishContext, memberId: string): string {
  const member = ctx.plan.members.find((m) => m.id === memberId)!;
  return ctx.userIds[memberId] ?? member.email;
}

const userRef = (memberId: string) => ({ ref: `data.grafana_oncall_user.${hclLabel(memberId)}.id` });

/** `YYYY-MM-DDTHH:MM` plus days, as Grafana's `start` (`yyyy-MM-dd'T'HH:mm:ss`). */
function startText(date: Temporal.PlainDate, time: string): string {
  return `${date.toString()}T${time}:00`;
}

/**
 * The shift attributes of a regular piece, or null when Grafana OnCall has no rotation for it (daily turns limited
 * to some weekdays: OnCall's daily + by_day rolling has rules of its own, so those days go out as overrides).
 */
function pieceShift(piece: RegularPiece): HclItem[][] | null {
  const anchorDate = Temporal.PlainDate.from(piece.anchor.slice(0, 10));
  const anchorTime = piece.anchor.slice(11);
  const rolling: HclItem = ['rolling_users', piece.members.map((m) => [userRef(m)])];
  const common = (start: string, duration: number): HclItem[] => [
    ['name', piece.name],
    ['type', 'rolling_users'],
    ['start', start],
    ['duration', duration],
  ];
  const tail: HclItem[] = [['time_zone', piece.zone], ['level', ROTATION_LEVEL], rolling];
  if (!piece.window) {
    if (piece.unit === 'week')
      return [
        [
          ...common(startText(anchorDate, anchorTime), piece.every * 7 * 86_400),
          ['frequency', 'weekly'],
          ['interval', piece.every],
          ['week_start', GRAFANA_WEEKDAYS[anchorDate.dayOfWeek - 1]!],
          ...tail,
        ],
      ];
    return [
      [
        ...common(startText(anchorDate, anchorTime), piece.every * 86_400),
        ['frequency', 'daily'],
        ['interval', piece.every],
        ...tail,
      ],
    ];
  }
  const w = piece.window;
  // A window that starts before the handoff time on the handoff day still belongs to the turn before.
  let date = w.start >= anchorTime ? anchorDate : anchorDate.add({ days: 1 });
  while (!w.weekdays.includes(date.dayOfWeek)) date = date.add({ days: 1 });
  if (piece.unit === 'day') {
    if (w.weekdays.length !== 7) return null;
    return [
      [...common(startText(date, w.start), w.minutes * 60), ['frequency', 'daily'], ['interval', 1], ...tail],
    ];
  }
  const weekStart = w.start >= anchorTime ? anchorDate.dayOfWeek : (anchorDate.dayOfWeek % 7) + 1;
  const weekly = (start: string, minutes: number, shift: number, zone: string): HclItem[] => [
    ...common(start, minutes * 60),
    ['frequency', 'weekly'],
    ['interval', piece.every],
    ['by_day', w.weekdays.map((d) => GRAFANA_WEEKDAYS[(d - 1 + shift + 7) % 7]!)],
    ['week_start', GRAFANA_WEEKDAYS[(weekStart - 1 + shift + 7) % 7]!],
    ['time_zone', zone],
    ['level', ROTATION_LEVEL],
    rolling,
  ];
  if (!w.split) return [weekly(startText(date, w.start), w.minutes, 0, piece.zone)];
  // A window whose end moves with another region's clock: its shortest length from the start in this zone, and
  // a tail that ends at the window's end in the next region's zone; both pieces page the same member.
  const { split } = w;
  return [
    weekly(startText(date, w.start), split.minMinutes, 0, piece.zone),
    weekly(
      startText(date.add({ days: split.dayShift }), split.tailStart),
      split.tailMinutes,
      split.dayShift,
      split.tailZone,
    ),
  ];
}

/** The Terraform text: users, shifts (rotations, then overrides) and one calendar schedule per plan layer. */
function render(
  ctx: PublishContext,
  shifts: { layerId: string; label: string; items: HclItem[] }[],
  memberIds: string[],
): string {
  const parts: string[] = [
    "# Written by Rotaplan: the plan's rotations as Grafana OnCall rotations (level 1) and its deviations as\n" +
      '# single events at level 2. Users are looked up by username.',
  ];
  for (const id of memberIds)
    parts.push(renderBlock('data', ['grafana_oncall_user', hclLabel(id)], [['username', username(ctx, id)]]));
  for (const s of shifts)
    parts.push(renderBlock('resource', ['grafana_oncall_on_call_shift', s.label], s.items));
  for (const layer of ctx.plan.rotation.layers) {
    const own = shifts.filter((s) => s.layerId === layer.id);
    if (own.length === 0) continue;
    parts.push(
      renderBlock(
        'resource',
        ['grafana_oncall_schedule', hclLabel(layer.id)],
        [
          ['name', layer.name],
          ['type', 'calendar'],
          ['time_zone', ctx.plan.rotation.timeZone],
          ['shifts', own.map((s) => ({ ref: `grafana_oncall_on_call_shift.${s.label}.id` }))],
        ],
      ),
    );
  }
  return parts.join('\n\n') + '\n';
}

/** Compiles the plan: regular pieces as rolling_users shifts, then the deviations as single events. */
function compileGrafana(ctx: PublishContext): CompiledPublish | PublishProblem {
  const { pieces, notes } = regularPieces(ctx.plan, ctx.window);
  const shifts: { layerId: string; label: string; items: HclItem[] }[] = [];
  const used = new Set<string>();
  const labelFor = (base: string) => {
    let label = hclLabel(base);
    for (let n = 2; used.has(label); n++) label = hclLabel(`${base}_${n}`);
    used.add(label);
    return label;
  };
  for (const piece of pieces) {
    const items = pieceShift(piece);
    if (!items) {
      notes.push(
        `${piece.name}: daily turns on some weekdays only are published as overrides for Grafana OnCall.`,
      );
      continue;
    }
    items.forEach((part, i) =>
      shifts.push({
        layerId: piece.layerId,
        label: labelFor(`${piece.layerId}_${piece.rotationId}${i === 0 ? '' : '_end'}`),
        items:
          i === 0
            ? part
            : part.map((item): HclItem =>
                Array.isArray(item) && item[0] === 'name' ? ['name', `${piece.name} (end)`] : item,
              ),
      }),
    );
  }
  const members = [...new Set(ctx.plan.shifts.map((s) => s.memberId))]
    .concat(pieces.flatMap((p) => p.members))
    .filter((id, i, all) => all.indexOf(id) === i && ctx.plan.members.some((m) => m.id === id));
  let regular: ReturnType<typeof expandGrafanaText>;
  try {
    regular = expandGrafanaText(render(ctx, shifts, members), ctx.plan, ctx.window, ctx.userIds);
  } catch (error) {
    return { message: `Grafana OnCall: ${(error as Error).message}` };
  }
  const derived = derivedOverridesFor(ctx, regular, 'Grafana OnCall');
  notes.push(...derived.notes);
  derived.overrides.forEach((o, index) => {
    const start = Temporal.Instant.fromEpochMilliseconds(o.start).toZonedDateTimeISO('UTC').toPlainDateTime();
    shifts.push({
      layerId: o.layerId,
      label: labelFor(`${o.layerId}_override_${index + 1}`),
      items: [
        [
          'name',
          `${ctx.plan.rotation.layers.find((l) => l.id === o.layerId)?.name ?? o.layerId} override ${index + 1}`,
        ],
        ['type', 'single_event'],
        ['start', start.toString({ smallestUnit: 'second' })],
        ['duration', Math.round((o.end - o.start) / 1000)],
        ['time_zone', 'UTC'],
        ['level', OVERRIDE_LEVEL],
        ['users', [userRef(o.memberId)]],
      ],
    });
  });
  notes.push(
    'Grafana OnCall rotations have no end date in the provider: they run on past the published window until replaced.',
  );
  const file: PublishFile = { path: GRAFANA_FILE, text: render(ctx, shifts, members) };
  return {
    files: [file],
    schedules: new Set(shifts.map((s) => s.layerId)).size,
    layers: shifts.length - derived.overrides.length,
    overrides: derived.overrides.length,
    notes,
  };
}

/**
 * Grafana OnCall through its Terraform provider: `grafana_oncall_schedule` (calendar) per plan layer,
 * `grafana_oncall_on_call_shift` rolling_users rotations for the regular turns, single events one level higher for
 * the deviations, users by `data "grafana_oncall_user"` (username: the --map value, else the e-mail).
 */
export const grafanaOncallTarget: PublishTarget = {
  id: 'terraform-grafana-oncall',
  label: 'Grafana OnCall (Terraform)',
  needsUserIds: false,
  compile: compileGrafana,
  expand(files, ctx) {
    const file = files.find((f) => f.path === GRAFANA_FILE);
    if (!file) return { message: `${GRAFANA_FILE} is missing` };
    try {
      return expandGrafanaText(file.text, ctx.plan, ctx.window, ctx.userIds);
    } catch (error) {
      if (error instanceof HclError) return { message: `${GRAFANA_FILE} ${error.message}` };
      throw error;
    }
  },
};
