import { Temporal } from 'temporal-polyfill';
import { mergeIntervals, type Interval } from '../../time/intervals';

/** A PagerDuty layer restriction as the REST API and the Terraform provider name its fields. */
export type PdRestriction = {
  type: 'daily_restriction' | 'weekly_restriction';
  start_time_of_day: string;
  duration_seconds: number;
  start_day_of_week?: number | null;
};

/** A PagerDuty schedule layer: `users` are whatever names a user in the source (an id, or an e-mail in Terraform). */
export type PdLayer = {
  name: string;
  start: string;
  end: string | null;
  rotation_virtual_start: string;
  rotation_turn_length_seconds: number;
  users: string[];
  restrictions: PdRestriction[];
};

/** A PagerDuty schedule: its key (which plan layer it stands for), its time zone and layers, lowest first. */
export type PdSchedule = { key: string; timeZone: string; layers: PdLayer[] };

/** A schedule override: `user` on call in the schedule `scheduleKey` for [start, end). */
export type PdOverride = { scheduleKey: string; start: string; end: string; user: string };

/** One user on call in one schedule for [start, end) in epoch ms. */
export type PdSpan = Interval & { scheduleKey: string; user: string };

const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;

/**
 * The handoff instant of turn `k` of a layer.
 * Rules: a layer's turns start at `rotation_virtual_start` and each lasts `rotation_turn_length_seconds` ("the
 * effective start time of the layer; this can be before the start time of the schedule", "the duration of each
 * on-call shift in seconds" — PagerDuty REST API reference, Schedules, ScheduleLayer). Turns are counted on the
 * schedule's wall clock: PagerDuty's Time Zone Settings page (section Daylight Saving Time) says a schedule set to
 * US Eastern at 2:00 stays at 2:00 when DST begins, so a daily or weekly handoff keeps its local time. A wall-clock
 * time that does not exist or repeats resolves as Temporal's 'compatible' (later in a gap, earlier in a fold).
 */
function handoffAt(virtualStart: Temporal.PlainDateTime, seconds: number, k: number, zone: string): number {
  return virtualStart.add({ seconds: seconds * k }).toZonedDateTime(zone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

/** `n` mod `m`, non-negative. */
const mod = (n: number, m: number) => ((n % m) + m) % m;

/**
 * Who a layer's rotation puts on call within `range`, before restrictions: the user at position `k mod users` for
 * turn `k` ("an ordered list of users on this layer; the position of the user on the list determines their order
 * in the layer" — REST API reference, ScheduleLayer.users).
 */
function layerTurns(
  layer: PdLayer,
  zone: string,
  range: Interval,
): { user: string; start: number; end: number }[] {
  const seconds = layer.rotation_turn_length_seconds;
  const virtualStart = Temporal.Instant.from(layer.rotation_virtual_start)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime();
  const virtualMs = ms(layer.rotation_virtual_start);
  let k = Math.floor((range.start - virtualMs) / (seconds * 1000));
  while (handoffAt(virtualStart, seconds, k, zone) > range.start) k--;
  while (handoffAt(virtualStart, seconds, k + 1, zone) <= range.start) k++;
  const out: { user: string; start: number; end: number }[] = [];
  let at = handoffAt(virtualStart, seconds, k, zone);
  while (at < range.end) {
    const next = handoffAt(virtualStart, seconds, k + 1, zone);
    const start = Math.max(at, range.start);
    const end = Math.min(next, range.end);
    if (start < end) out.push({ user: layer.users[mod(k, layer.users.length)]!, start, end });
    k++;
    at = next;
  }
  return out;
}

/**
 * The times a layer's restrictions allow within `range`; all of `range` when it has none.
 * Rules (PagerDuty support, "Setting up Restrictions for On-Call Shifts"; REST API reference, Restriction): a
 * `daily_restriction` allows `duration_seconds` from `start_time_of_day` every day, a `weekly_restriction` from
 * `start_time_of_day` on `start_day_of_week` (ISO: 1 Monday … 7 Sunday) once a week, both on the schedule's wall
 * clock; restricted time leaves a gap ("no one is on call ... unless a second layer is created"), and the rotation
 * keeps turning through it (turns are counted in time, not in allowed time).
 */
function allowedTimes(layer: PdLayer, zone: string, range: Interval): Interval[] {
  if (layer.restrictions.length === 0) return [range];
  const first = Temporal.Instant.fromEpochMilliseconds(range.start).toZonedDateTimeISO(zone).toPlainDate();
  const last = Temporal.Instant.fromEpochMilliseconds(range.end).toZonedDateTimeISO(zone).toPlainDate();
  const longest = Math.max(...layer.restrictions.map((r) => r.duration_seconds));
  const out: Interval[] = [];
  // A restriction that began up to its own length before the range still covers the range's start.
  const from = first.subtract({ days: Math.ceil(longest / 86_400) + 1 });
  for (let date = from; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    for (const r of layer.restrictions) {
      if (r.type === 'weekly_restriction' && date.dayOfWeek !== r.start_day_of_week) continue;
      const start = date
        .toPlainDateTime(Temporal.PlainTime.from(r.start_time_of_day))
        .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
      const end = start + r.duration_seconds * 1000;
      const s = Math.max(start, range.start);
      const e = Math.min(end, range.end);
      if (s < e) out.push({ start: s, end: e });
    }
  }
  return mergeIntervals(out);
}

/** One layer's on-call spans within `window`: its turns within its own start and end, inside its restrictions. */
export function expandLayer(
  layer: PdLayer,
  zone: string,
  window: Interval,
): { user: string; start: number; end: number }[] {
  const range = {
    start: Math.max(window.start, ms(layer.start)),
    end: Math.min(window.end, layer.end === null ? Number.POSITIVE_INFINITY : ms(layer.end)),
  };
  if (range.start >= range.end || layer.users.length === 0) return [];
  const allowed = allowedTimes(layer, zone, range);
  const out: { user: string; start: number; end: number }[] = [];
  for (const turn of layerTurns(layer, zone, range)) {
    for (const a of allowed) {
      const start = Math.max(a.start, turn.start);
      const end = Math.min(a.end, turn.end);
      if (start < end) out.push({ user: turn.user, start, end });
    }
  }
  return out;
}

/** Lays `top` over `below`: where a span of `top` is, it alone counts. */
function overlay<T extends Interval>(below: T[], top: T[]): T[] {
  const cuts = mergeIntervals(top);
  const kept: T[] = [];
  for (const s of below) {
    // The first cut that ends after the span starts, by binary search; cuts are sorted and disjoint.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    let cursor = s.start;
    for (let i = lo; i < cuts.length && cuts[i]!.start < s.end; i++) {
      if (cuts[i]!.start > cursor) kept.push({ ...s, start: cursor, end: cuts[i]!.start });
      cursor = Math.max(cursor, cuts[i]!.end);
    }
    if (cursor < s.end) kept.push({ ...s, start: cursor, end: s.end });
  }
  return [...kept, ...top].sort((a, b) => a.start - b.start);
}

/**
 * Who PagerDuty pages from each schedule within `window`, by its documented rules: each layer's rotation inside
 * its restrictions; where layers overlap the later (higher) layer wins ("in a schedule with multiple layers, the
 * lowest layer always takes precedence ... the last layer essentially acts as an override for all layers that it
 * overlaps" — PagerDuty support, Schedule Basics; layers are listed bottom first); an override replaces whoever the
 * layers have for its span ("scheduling an override creates an override layer over the existing schedule ...
 * the lowest layer before the Final Schedule (the lowest layer always takes precedence)" — PagerDuty support,
 * Edit Schedules, Create and Delete Overrides), a later override over an earlier one.
 */
export function expandSchedules(
  schedules: readonly PdSchedule[],
  overrides: readonly PdOverride[],
  window: Interval,
): PdSpan[] {
  const out: PdSpan[] = [];
  for (const schedule of schedules) {
    let final: PdSpan[] = [];
    for (const layer of schedule.layers) {
      const spans = expandLayer(layer, schedule.timeZone, window).map((s) => ({
        ...s,
        scheduleKey: schedule.key,
      }));
      final = overlay(final, spans);
    }
    for (const o of overrides) {
      if (o.scheduleKey !== schedule.key) continue;
      const start = Math.max(window.start, ms(o.start));
      const end = Math.min(window.end, ms(o.end));
      if (start < end) final = overlay(final, [{ scheduleKey: schedule.key, user: o.user, start, end }]);
    }
    out.push(...final);
  }
  return out;
}
