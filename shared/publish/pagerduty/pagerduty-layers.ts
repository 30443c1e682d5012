import { Temporal } from 'temporal-polyfill';
import type { Layer, LayerRotation, Plan } from '../../plan/schema';
import { layerRotations } from '../../rotation/layer-rotations';
import { layerTurns, type Turn } from '../../rotation/turns';
import type { Interval } from '../../time/intervals';
import type { PdLayer, PdRestriction } from './pagerduty-semantics';

/** An instant written with its offset in `zone`, to the second: "2027-01-04T09:00:00-08:00". */
export function pdInstant(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The seconds of one turn of a cadence PagerDuty can express (every N days or weeks), or null. */
function turnSeconds(r: LayerRotation): number | null {
  if (r.cadence.kind === 'days') return r.cadence.every * 86_400;
  if (r.cadence.kind === 'weeks') return r.cadence.every * 7 * 86_400;
  return null;
}

/**
 * The instants within `range` where any of `zones` changes its UTC offset, in order.
 * Why exported: every target whose times are on one schedule clock cuts or notes at these instants.
 */
export function offsetChanges(zones: readonly string[], range: Interval): number[] {
  const out = new Set<number>();
  for (const zone of new Set(zones)) {
    let at = Temporal.Instant.fromEpochMilliseconds(range.start).toZonedDateTimeISO(zone);
    for (;;) {
      const next = at.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds >= range.end) break;
      out.add(next.epochMilliseconds);
      at = next;
    }
  }
  return [...out].sort((a, b) => a - b);
}

const WEEKDAY_SECONDS = 7 * 86_400;

/**
 * The restrictions that allow exactly `allowed` within `period` on the schedule's wall clock, read from the
 * stretches wholly inside the period (those cut by its ends follow the same weekly pattern): one
 * `daily_restriction` when every day has the same stretch, else one `weekly_restriction` per stretch. None when
 * the period is allowed throughout.
 */
function restrictionsFor(allowed: readonly Interval[], period: Interval, zone: string): PdRestriction[] {
  const inside = allowed
    .map((a) => ({ start: Math.max(a.start, period.start), end: Math.min(a.end, period.end) }))
    .filter((a) => a.start < a.end);
  if (inside.length === 1 && inside[0]!.start === period.start && inside[0]!.end === period.end) return [];
  const whole = inside.filter((a) => a.start > period.start && a.end < period.end);
  const sample = whole.length > 0 ? whole : inside;
  const patterns = new Map<string, PdRestriction>();
  for (const a of sample) {
    const local = Temporal.Instant.fromEpochMilliseconds(a.start).toZonedDateTimeISO(zone);
    const duration = Math.round((a.end - a.start) / 1000);
    if (duration >= WEEKDAY_SECONDS) return [];
    const time = local.toPlainTime().toString({ smallestUnit: 'second' });
    patterns.set(`${local.dayOfWeek} ${time} ${duration}`, {
      type: 'weekly_restriction',
      start_time_of_day: time,
      duration_seconds: duration,
      start_day_of_week: local.dayOfWeek,
    });
  }
  const list = [...patterns.values()].sort(
    (a, b) =>
      a.start_day_of_week! - b.start_day_of_week! || a.start_time_of_day.localeCompare(b.start_time_of_day),
  );
  const days = new Set(list.map((r) => r.start_day_of_week));
  const shapes = new Set(list.map((r) => `${r.start_time_of_day} ${r.duration_seconds}`));
  if (days.size === 7 && list.length === 7 && shapes.size === 1) {
    return [
      {
        type: 'daily_restriction',
        start_time_of_day: list[0]!.start_time_of_day,
        duration_seconds: list[0]!.duration_seconds,
      },
    ];
  }
  return list;
}

/** A PagerDuty layer before its users are named in the tool: `users` are plan member ids. */
export type DraftLayer = PdLayer & { rotationId: string };

/**
 * The PagerDuty layers that carry the regular part of a plan layer's rotations within `window`, and notes on what
 * went out as overrides instead.
 *
 * Each rotation becomes one layer per stretch in which every zone involved keeps its UTC offset: PagerDuty counts
 * turns and restrictions on the schedule's one wall clock, while the plan hands over and opens windows on each
 * rotation's own clock, so where the two clocks move apart (a DST change in only one of them) the layer is cut and
 * the next piece starts in step again. Pieces that come out alike are joined, so a rotation in the schedule's own
 * zone stays one layer for its whole length. Each piece's virtual start lies on or before the window's start, on
 * the rotation's handoff rhythm, with its users ordered so the member whose turn it is comes round at the right
 * handoff. What still differs (covers, swaps, a turn the plan skips, a monthly cadence) is left to overrides.
 * Opsgenie's rotations are drawn from the same pieces (`toolLayers` names the tool's layers in the notes).
 */
export function draftLayers(
  plan: Plan,
  layer: Layer,
  window: Interval,
  toolLayers = 'PagerDuty layers',
): { layers: DraftLayer[]; notes: string[] } {
  const zone = plan.rotation.timeZone;
  const rotations = layerRotations(plan.rotation, layer);
  const { turns } = layerTurns(plan.rotation, layer);
  const zones = [zone, ...rotations.map((r) => r.timeZone)];
  const out: DraftLayer[] = [];
  const notes: string[] = [];
  rotations.forEach((r, index) => {
    const seconds = turnSeconds(r);
    const own = turns.filter((t) => t.rotationIndex === index);
    if (own.length === 0) return;
    if (seconds === null) {
      notes.push(
        `${layer.name} / ${r.name}: ${toolLayers} have no monthly turns, so its turns go out as overrides`,
      );
      return;
    }
    const range = {
      start: Math.max(window.start, own[0]!.start),
      end: Math.min(window.end, own[own.length - 1]!.end),
    };
    if (range.start >= range.end) return;
    const allowed = own.flatMap((t) => t.allowed);
    const cuts = [range.start, ...offsetChanges(zones, range), range.end];
    let previous: DraftLayer | null = null;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const period = { start: cuts[i]!, end: cuts[i + 1]! };
      const draft = pieceFor(r, own, period, range, seconds, zone, allowed);
      if (!draft) continue;
      if (
        previous &&
        previous.end === draft.start &&
        previous.rotation_virtual_start === draft.rotation_virtual_start &&
        previous.users.join() === draft.users.join() &&
        JSON.stringify(previous.restrictions) === JSON.stringify(draft.restrictions)
      ) {
        previous.end = draft.end;
        continue;
      }
      out.push(draft);
      previous = draft;
    }
    // The last piece of a rotation without an end date stays open, as the team's rotation goes on.
    if (previous && r.until === undefined && range.end === window.end) previous.end = null;
  });
  const pieces = new Map<string, number>();
  for (const l of out) pieces.set(l.rotationId, (pieces.get(l.rotationId) ?? 0) + 1);
  for (const l of out) {
    if ((pieces.get(l.rotationId) ?? 0) > 1) l.name = `${l.name} (from ${l.start.slice(0, 10)})`;
  }
  return { layers: out, notes };
}

/** The layer for one rotation in one stretch of constant offsets, or null when the rotation has no turn there. */
function pieceFor(
  r: LayerRotation,
  turns: readonly Turn[],
  period: Interval,
  range: Interval,
  seconds: number,
  zone: string,
  allowed: readonly Interval[],
): DraftLayer | null {
  // A turn's start is a handoff, except the rotation's first turn, which starts where the rotation does.
  const anchor =
    turns.find((t, i) => i > 0 && t.start >= period.start && t.start < period.end) ??
    turns.find((t) => t.start >= period.start && t.start < period.end) ??
    turns.find((t) => t.start <= period.start && t.end > period.start);
  if (!anchor) return null;
  const anchorMs = anchor.start;
  const anchorLocal = Temporal.Instant.fromEpochMilliseconds(anchorMs)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime();
  // Step back whole turns on the schedule's wall clock until the virtual start is on or before the window's start.
  let n = Math.max(0, Math.floor((anchorMs - range.start) / (seconds * 1000)));
  const virtualAt = (k: number) =>
    anchorLocal.subtract({ seconds: seconds * k }).toZonedDateTime(zone, { disambiguation: 'compatible' });
  while (virtualAt(n).epochMilliseconds > range.start) n++;
  const size = r.members.length;
  const first = (((anchor.count - n) % size) + size) % size;
  const users = [...r.members.slice(first), ...r.members.slice(0, first)];
  return {
    rotationId: r.id,
    name: r.name,
    start: pdInstant(period.start, zone),
    end: pdInstant(period.end, zone),
    rotation_virtual_start: virtualAt(n).toString({ timeZoneName: 'never', smallestUnit: 'second' }),
    rotation_turn_length_seconds: seconds,
    users,
    restrictions: r.windows ? restrictionsFor(allowed, period, zone) : [],
  };
}
