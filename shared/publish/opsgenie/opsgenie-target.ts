import { Temporal } from 'temporal-polyfill';
import { derivedOverridesFor } from '../derive-for-target';
import { HclError, hclLabel, renderBlock, type HclItem } from '../hcl-subset';
import { regularPieces, type RegularPiece } from '../regular-pieces';
import type {
  CompiledPublish,
  OnCallSpan,
  PublishContext,
  PublishFile,
  PublishProblem,
  PublishTarget,
} from '../target';
import { expandOpsgenie, OPSGENIE_DAYS, type OpsgenieOverride } from './opsgenie-expand';

/** The files this target writes: the Terraform configuration and the override request bodies. */
export const OPSGENIE_TF = 'main.tf';
export const OPSGENIE_OVERRIDES = 'overrides.json';

/** An instant as the provider's dates (yyyy-MM-dd'T'HH:mm:ssZ), in UTC. */
const dateText = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The username a member is looked up by: the --map value, else the e-mail (Opsgenie usernames are e-mails). */
function username(ctx: PublishContext, memberId: string): string {
  return ctx.userIds[memberId] ?? ctx.plan.members.find((m) => m.id === memberId)!.email;
}

/** Minute of the day and ISO weekday of an instant in `zone`. */
function localMinute(ms: number, zone: string): { day: number; minute: number } {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { day: zdt.dayOfWeek, minute: zdt.hour * 60 + zdt.minute };
}

const onGrid = (minute: number) => minute % 30 === 0;
const hourMin = (prefix: 'start' | 'end', minute: number): HclItem[] => [
  [`${prefix}_hour`, Math.floor(minute / 60) % 24],
  [`${prefix}_min`, minute % 60],
];

/**
 * The rotation block items of a piece, or the reason Opsgenie cannot hold it: start dates and restriction minutes
 * must fall on the half hour, restrictions are in the schedule's zone.
 */
function pieceRotation(piece: RegularPiece, zone: string, schedule: string): HclItem[] | string {
  const anchor = localMinute(piece.anchorMs, zone);
  if (!onGrid(anchor.minute)) return `its handoff is not on Opsgenie's half-hour grid`;
  const items: HclItem[] = [
    ['schedule_id', { ref: `opsgenie_schedule.${schedule}.id` }],
    ['name', piece.name],
    ['start_date', dateText(piece.anchorMs)],
    ['type', piece.unit === 'week' ? 'weekly' : 'daily'],
    ['length', piece.every],
    ...piece.members.map((m) => ({
      block: 'participant',
      items: [
        ['type', 'user'],
        ['id', { ref: `data.opsgenie_user.${hclLabel(m)}.id` }],
      ] as HclItem[],
    })),
  ];
  if (piece.untilMs !== null) items.splice(3, 0, ['end_date', dateText(piece.untilMs)]);
  const w = piece.window;
  if (!w) return items;
  const anchorDate = Temporal.PlainDate.from(piece.anchor.slice(0, 10));
  const occurrences = w.weekdays.map((weekday) => {
    const date = anchorDate.add({ days: (weekday - anchorDate.dayOfWeek + 7) % 7 });
    const start = Temporal.PlainDateTime.from(`${date.toString()}T${w.start}`).toZonedDateTime(piece.zone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
    return { from: localMinute(start, zone), to: localMinute(start + w.minutes * 60_000, zone) };
  });
  if (occurrences.some((o) => !onGrid(o.from.minute) || !onGrid(o.to.minute)))
    return `its window does not start and end on Opsgenie's half-hour grid`;
  if (w.minutes >= 1440) return 'its window is a day or longer';
  const sameEveryDay =
    w.weekdays.length === 7 && occurrences.every((o) => o.from.minute === occurrences[0]!.from.minute);
  const restriction = sameEveryDay
    ? {
        block: 'time_restriction',
        items: [
          ['type', 'time-of-day'],
          {
            block: 'restriction',
            items: [
              ...hourMin('start', occurrences[0]!.from.minute),
              ...hourMin('end', occurrences[0]!.to.minute),
            ],
          },
        ] as HclItem[],
      }
    : {
        block: 'time_restriction',
        items: [
          ['type', 'weekday-and-time-of-day'],
          ...occurrences.map((o) => ({
            block: 'restrictions',
            items: [
              ['start_day', OPSGENIE_DAYS[o.from.day - 1]!],
              ...hourMin('start', o.from.minute),
              ['end_day', OPSGENIE_DAYS[o.to.day - 1]!],
              ...hourMin('end', o.to.minute),
            ] as HclItem[],
          })),
        ] as HclItem[],
      };
  return [...items, restriction];
}

/** The Terraform text: users, one schedule per plan layer (in the plan's zone), the rotations. */
function renderTf(
  ctx: PublishContext,
  rotations: { label: string; items: HclItem[] }[],
  memberIds: string[],
): string {
  const zone = ctx.plan.rotation.timeZone;
  const parts = [
    "# Written by Rotaplan: the plan's rotations as Opsgenie rotations; the deviations are the override request\n" +
      '# bodies in overrides.json (the provider has no override resource). Users are looked up by username.',
    ...memberIds.map((id) =>
      renderBlock('data', ['opsgenie_user', hclLabel(id)], [['username', username(ctx, id)]]),
    ),
    ...ctx.plan.rotation.layers.map((layer) =>
      renderBlock(
        'resource',
        ['opsgenie_schedule', hclLabel(layer.id)],
        [
          ['name', layer.name],
          ['timezone', zone],
          ['enabled', true],
        ],
      ),
    ),
    ...rotations.map((r) => renderBlock('resource', ['opsgenie_schedule_rotation', r.label], r.items)),
  ];
  return parts.join('\n\n') + '\n';
}

/** Reads the override bodies file, or a problem naming what is wrong with it. */
export function readOverrides(text: string): OpsgenieOverride[] | PublishProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { message: `${OPSGENIE_OVERRIDES} is not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(data)) return { message: `${OPSGENIE_OVERRIDES} must hold a list of override requests` };
  for (const [i, item] of data.entries()) {
    const o = item as Partial<OpsgenieOverride>;
    if (
      typeof o?.schedule !== 'string' ||
      typeof o.override?.user?.username !== 'string' ||
      typeof o.override.startDate !== 'string' ||
      typeof o.override.endDate !== 'string' ||
      Number.isNaN(Date.parse(o.override.startDate)) ||
      Number.isNaN(Date.parse(o.override.endDate))
    )
      return {
        message: `${OPSGENIE_OVERRIDES} item ${i + 1}: expected { schedule, override: { user: { username }, startDate, endDate } }`,
      };
  }
  return data as OpsgenieOverride[];
}

/** Expands the written files (either may be edited by hand). */
function expandFiles(files: readonly PublishFile[], ctx: PublishContext): OnCallSpan[] | PublishProblem {
  const tf = files.find((f) => f.path === OPSGENIE_TF);
  if (!tf) return { message: `${OPSGENIE_TF} is missing` };
  const overridesFile = files.find((f) => f.path === OPSGENIE_OVERRIDES);
  const overrides = overridesFile ? readOverrides(overridesFile.text) : [];
  if (!Array.isArray(overrides)) return overrides;
  try {
    return expandOpsgenie(tf.text, overrides, ctx.plan, ctx.window, ctx.userIds);
  } catch (error) {
    if (error instanceof HclError) return { message: `${OPSGENIE_TF} ${error.message}` };
    throw error;
  }
}

/** Compiles the plan: regular pieces as rotations, then the rest as override request bodies. */
function compileOpsgenie(ctx: PublishContext): CompiledPublish | PublishProblem {
  const { pieces, notes } = regularPieces(ctx.plan, ctx.window);
  const rotations: { label: string; items: HclItem[] }[] = [];
  const used = new Set<string>();
  for (const piece of pieces) {
    const items = pieceRotation(piece, ctx.plan.rotation.timeZone, hclLabel(piece.layerId));
    if (typeof items === 'string') {
      notes.push(
        `Opsgenie cannot hold ${piece.name} as a rotation (${items}): its turns are published as overrides.`,
      );
      continue;
    }
    let label = hclLabel(`${piece.layerId}_${piece.rotationId}`);
    for (let n = 2; used.has(label); n++) label = hclLabel(`${piece.layerId}_${piece.rotationId}_${n}`);
    used.add(label);
    rotations.push({ label, items });
  }
  const memberIds = ctx.plan.members
    .map((m) => m.id)
    .filter(
      (id) => ctx.plan.shifts.some((s) => s.memberId === id) || pieces.some((p) => p.members.includes(id)),
    );
  const tf = renderTf(ctx, rotations, memberIds);
  const regular = expandFiles([{ path: OPSGENIE_TF, text: tf }], ctx);
  if (!Array.isArray(regular)) return regular;
  const derived = derivedOverridesFor(ctx, regular, 'Opsgenie');
  notes.push(...derived.notes);
  const offGrid = derived.overrides.filter(
    (o) =>
      !onGrid(localMinute(o.start, ctx.plan.rotation.timeZone).minute) ||
      !onGrid(localMinute(o.end, ctx.plan.rotation.timeZone).minute),
  );
  if (offGrid.length > 0)
    notes.push(
      `${offGrid.length} override(s) start or end off Opsgenie's half-hour grid; Opsgenie rounds them to the nearest half hour.`,
    );
  const layerName = new Map(ctx.plan.rotation.layers.map((l) => [l.id, l.name]));
  const bodies: OpsgenieOverride[] = derived.overrides.map((o, i) => ({
    schedule: layerName.get(o.layerId) ?? o.layerId,
    override: {
      alias: `rotaplan-${o.layerId}-${i + 1}`,
      user: { type: 'user', username: username(ctx, o.memberId) },
      startDate: dateText(o.start),
      endDate: dateText(o.end),
    },
  }));
  return {
    files: [
      { path: OPSGENIE_TF, text: tf },
      { path: OPSGENIE_OVERRIDES, text: JSON.stringify(bodies, null, 2) + '\n' },
    ],
    schedules: ctx.plan.rotation.layers.length,
    layers: rotations.length,
    overrides: bodies.length,
    notes,
  };
}

/**
 * Opsgenie through its Terraform provider: `opsgenie_schedule` per plan layer, `opsgenie_schedule_rotation` for the
 * regular turns (start_date, type, length, participant, time_restriction), users by `data "opsgenie_user"`, and the
 * deviations as Schedule Override API request bodies beside it.
 */
export const opsgenieTarget: PublishTarget = {
  id: 'terraform-opsgenie',
  label: 'Opsgenie (Terraform)',
  needsUserIds: false,
  compile: compileOpsgenie,
  expand: expandFiles,
};
