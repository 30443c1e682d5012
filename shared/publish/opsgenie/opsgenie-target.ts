import { isRealInstant } from '../../time/zoned';
import { Temporal } from 'temporal-polyfill';
import { derivedOverridesFor } from '../derive-for-target';
import { HclError, hclLabel, renderBlock, type HclItem } from '../hcl-subset';
import { draftLayers, type DraftLayer } from '../pagerduty/pagerduty-layers';
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

/** Minute of the day of a PagerDuty-style "HH:MM:SS" time. */
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A piece's restrictions as a `time_restriction` block, or the reason Opsgenie cannot hold them. */
function restrictionBlock(restrictions: DraftLayer['restrictions']): HclItem | null | string {
  if (restrictions.length === 0) return null;
  const spans = restrictions.map((r) => {
    const from = minuteOf(r.start_time_of_day);
    const to = from + Math.round(r.duration_seconds / 60);
    return { r, from, to };
  });
  if (spans.some((x) => !onGrid(x.from) || !onGrid(x.to)))
    return `its window does not start and end on Opsgenie's half-hour grid`;
  const daily = spans.filter((x) => x.r.type === 'daily_restriction');
  if (daily.length > 0) {
    const d = daily[0]!;
    if (daily.length > 1 || spans.length > 1 || d.to - d.from >= 1440) return 'its window is a day or longer';
    return {
      block: 'time_restriction',
      items: [
        ['type', 'time-of-day'],
        { block: 'restriction', items: [...hourMin('start', d.from), ...hourMin('end', d.to % 1440)] },
      ],
    };
  }
  return {
    block: 'time_restriction',
    items: [
      ['type', 'weekday-and-time-of-day'],
      ...spans.map((x) => {
        const startDay = x.r.start_day_of_week!;
        const endDay = ((startDay - 1 + Math.floor(x.to / 1440)) % 7) + 1;
        return {
          block: 'restrictions',
          items: [
            ['start_day', OPSGENIE_DAYS[startDay - 1]!],
            ...hourMin('start', x.from),
            ['end_day', OPSGENIE_DAYS[endDay - 1]!],
            ...hourMin('end', x.to % 1440),
          ] as HclItem[],
        };
      }),
    ],
  };
}

/** One rotation's block items: from `startMs` to `endMs` (open when null), participants in turn order. */
function rotationItems(
  layer: DraftLayer,
  schedule: string,
  name: string,
  startMs: number,
  endMs: number | null,
  participants: string[],
  restriction: HclItem | null,
): HclItem[] {
  const days = layer.rotation_turn_length_seconds / 86_400;
  const weekly = days % 7 === 0;
  return [
    ['schedule_id', { ref: `opsgenie_schedule.${schedule}.id` }],
    ['name', name],
    ['start_date', dateText(startMs)],
    ...(endMs === null ? [] : [['end_date', dateText(endMs)] as HclItem]),
    ['type', weekly ? 'weekly' : 'daily'],
    ['length', weekly ? days / 7 : days],
    ...participants.map((m) => ({
      block: 'participant',
      items: [
        ['type', 'user'],
        ['id', { ref: `data.opsgenie_user.${hclLabel(m)}.id` }],
      ] as HclItem[],
    })),
    ...(restriction ? [restriction] : []),
  ];
}

/**
 * The Opsgenie rotations of one piece of constant offsets (as drawn for PagerDuty's layers), or the reason
 * Opsgenie cannot hold it. Opsgenie counts turns from `start_date`, which is also where the rotation begins, so a
 * piece that begins between two handoffs is written as two rotations: the turn under way (its one member, until the
 * first handoff) and the rotation from that handoff on. The first piece of a rotation that was already running
 * when the window opens keeps its earlier handoff as start date instead, as nothing before the window is published.
 */
function pieceRotations(
  layer: DraftLayer,
  zone: string,
  schedule: string,
  openFrom: number | null,
): { name: string; items: HclItem[] }[] | string {
  const startMs = Temporal.Instant.from(layer.start).epochMilliseconds;
  const endMs = layer.end === null ? null : Temporal.Instant.from(layer.end).epochMilliseconds;
  const restriction = restrictionBlock(layer.restrictions);
  if (typeof restriction === 'string') return restriction;
  const virtual = Temporal.PlainDateTime.from(layer.rotation_virtual_start);
  const days = layer.rotation_turn_length_seconds / 86_400;
  const handoff = (k: number) =>
    virtual.add({ days: days * k }).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  let k = 0;
  while (handoff(k) < startMs) k++;
  const n = layer.users.length;
  const order = (from: number) => [...layer.users.slice(from % n), ...layer.users.slice(0, from % n)];
  const out: { name: string; items: HclItem[] }[] = [];
  const first = handoff(k);
  const onGridAt = (ms: number) => onGrid(localMinute(ms, zone).minute);
  if (first === startMs || (k > 0 && openFrom === startMs)) {
    const from = first === startMs ? k : k - 1;
    const at = handoff(from);
    if (!onGridAt(at)) return `its handoff is not on Opsgenie's half-hour grid`;
    out.push({
      name: layer.name,
      items: rotationItems(layer, schedule, layer.name, at, endMs, order(from), restriction),
    });
    return out;
  }
  if (!onGridAt(startMs) || !onGridAt(first)) return `its handoff is not on Opsgenie's half-hour grid`;
  const partEnd = endMs === null ? first : Math.min(first, endMs);
  const partName = `${layer.name} (turn under way)`;
  out.push({
    name: partName,
    items: rotationItems(
      layer,
      schedule,
      partName,
      startMs,
      partEnd,
      [layer.users[(k - 1 + n) % n]!],
      restriction,
    ),
  });
  if (endMs === null || first < endMs)
    out.push({
      name: layer.name,
      items: rotationItems(layer, schedule, layer.name, first, endMs, order(k), restriction),
    });
  return out;
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
      !isRealInstant(o.override.startDate) ||
      !isRealInstant(o.override.endDate)
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

/** Compiles the plan: each rotation per stretch of constant offsets, then the rest as override request bodies. */
function compileOpsgenie(ctx: PublishContext): CompiledPublish | PublishProblem {
  const zone = ctx.plan.rotation.timeZone;
  const notes: string[] = [];
  const rotations: { label: string; items: HclItem[] }[] = [];
  const used = new Set<string>();
  const drafted: DraftLayer[] = [];
  for (const layer of ctx.plan.rotation.layers) {
    const { layers, notes: layerNotes } = draftLayers(ctx.plan, layer, ctx.window, 'Opsgenie rotations');
    notes.push(...layerNotes);
    const started = new Set<string>();
    for (const piece of layers) {
      const openFrom = started.has(piece.rotationId) ? null : ctx.window.start;
      started.add(piece.rotationId);
      const written = pieceRotations(piece, zone, hclLabel(layer.id), openFrom);
      if (typeof written === 'string') {
        notes.push(
          `Opsgenie cannot hold ${piece.name} as a rotation (${written}): its turns are published as overrides.`,
        );
        continue;
      }
      drafted.push(piece);
      for (const r of written) {
        let label = hclLabel(`${layer.id}_${piece.rotationId}`);
        for (let n = 2; used.has(label); n++) label = hclLabel(`${layer.id}_${piece.rotationId}_${n}`);
        used.add(label);
        rotations.push({ label, items: r.items });
      }
    }
  }
  const memberIds = ctx.plan.members
    .map((m) => m.id)
    .filter(
      (id) => ctx.plan.shifts.some((s) => s.memberId === id) || drafted.some((p) => p.users.includes(id)),
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
 * regular turns (start_date, end_date, type, length, participant, time_restriction), users by
 * `data "opsgenie_user"`, and the deviations as Schedule Override API request bodies beside it.
 * Why rotations are bounded by dates: restrictions are on the schedule's one wall clock, so a rotation per stretch of
 * constant UTC offsets keeps each region's local window all year, and only the real deviations become overrides.
 */
export const opsgenieTarget: PublishTarget = {
  id: 'terraform-opsgenie',
  label: 'Opsgenie (Terraform)',
  needsUserIds: false,
  compile: compileOpsgenie,
  expand: expandFiles,
};
