import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../plan/schema';
import type { Interval } from '../time/intervals';
import { spansByLayer } from './plan-timeline';
import type { OnCallSpan } from './target';

/**
 * One stretch of a layer where the plan and the tool disagree: who the plan has on call and who the tool has (member
 * ids, sorted; empty: nobody), and the same in plain words with member names and local times.
 */
export type SpanDifference = {
  layerId: string;
  start: number;
  end: number;
  expected: string[];
  actual: string[];
  message: string;
};

/**
 * The result of comparing a target's expansion with the plan: equal or not, how many minutes differ (summed over
 * layers; a minute counts when any part of it differs), and the first differing stretches in words.
 */
export type SpanComparison = { equal: boolean; differingMinutes: number; differences: SpanDifference[] };

/** How many differing stretches are described; the minute count always covers all of them. */
export const MAX_DESCRIBED_DIFFERENCES = 10;

const MINUTE = 60_000;

/** Every stretch of one layer with the set of members on call in it (sorted member ids), by a sweep of edges. */
function segments(spans: readonly OnCallSpan[], window: Interval): { at: number; members: string[] }[] {
  const events: { at: number; delta: number; memberId: string }[] = [];
  for (const s of spans) {
    const start = Math.max(s.start, window.start);
    const end = Math.min(s.end, window.end);
    if (start >= end) continue;
    events.push({ at: start, delta: 1, memberId: s.memberId }, { at: end, delta: -1, memberId: s.memberId });
  }
  events.sort((a, b) => a.at - b.at);
  const count = new Map<string, number>();
  const out: { at: number; members: string[] }[] = [{ at: window.start, members: [] }];
  for (let i = 0; i < events.length;) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i++) {
      const e = events[i]!;
      count.set(e.memberId, (count.get(e.memberId) ?? 0) + e.delta);
    }
    const members = [...count.entries()]
      .filter(([, n]) => n > 0)
      .map(([id]) => id)
      .sort();
    out.push({ at, members });
  }
  return out;
}

/** Who is on call at each edge of either side, per layer: [start, end) with the two member lists. */
function layerDifferences(
  expected: readonly OnCallSpan[],
  actual: readonly OnCallSpan[],
  window: Interval,
): { start: number; end: number; expected: string[]; actual: string[] }[] {
  const edges = new Set<number>([window.start, window.end]);
  for (const s of [...expected, ...actual]) {
    if (s.end <= window.start || s.start >= window.end) continue;
    edges.add(Math.max(s.start, window.start));
    edges.add(Math.min(s.end, window.end));
  }
  const points = [...edges].sort((a, b) => a - b);
  const expectedAt = pointLookup(segments(expected, window));
  const actualAt = pointLookup(segments(actual, window));
  const out: { start: number; end: number; expected: string[]; actual: string[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const e = expectedAt(start);
    const a = actualAt(start);
    if (e.join() === a.join()) continue;
    const last = out[out.length - 1];
    if (last && last.end === start && last.expected.join() === e.join() && last.actual.join() === a.join())
      last.end = end;
    else out.push({ start, end, expected: e, actual: a });
  }
  return out;
}

/** A lookup of the members on call at an instant, for instants asked in increasing order. */
function pointLookup(list: { at: number; members: string[] }[]): (at: number) => string[] {
  let index = 0;
  return (at) => {
    while (index + 1 < list.length && list[index + 1]!.at <= at) index++;
    const seg = list[index];
    return seg && seg.at <= at ? seg.members : [];
  };
}

/** Minutes of [start, end) on the minute grid counted from the epoch, any part of a minute counting whole. */
function minutesTouched(start: number, end: number): number {
  return Math.ceil(end / MINUTE) - Math.floor(start / MINUTE);
}

/**
 * A local date and time in `zone` for messages, e.g. "Mon 2027-03-08 09:00".
 * Why the plan's zone: the person reading the message planned in it.
 */
export function describeInstant(ms: number, zone: string): string {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][zdt.dayOfWeek - 1]!;
  const time = zdt.toPlainTime().toString({ smallestUnit: 'minute' });
  return `${weekday} ${zdt.toPlainDate().toString()} ${time}`;
}

/**
 * Compares the plan's spans with a target's expansion minute by minute, layer by layer, over `window`.
 * `limit` caps the described stretches (the minute count covers all).
 * Why a sweep over edges and not a loop over minutes: two years are a million minutes per layer, and the edges
 * give the same answer (each stretch between edges is uniform); minutes are counted on the epoch's minute grid.
 */
export function compareSpans(
  expected: readonly OnCallSpan[],
  actual: readonly OnCallSpan[],
  plan: Plan,
  window: Interval,
  limit = MAX_DESCRIBED_DIFFERENCES,
): SpanComparison {
  const expectedByLayer = spansByLayer(expected);
  const actualByLayer = spansByLayer(actual);
  const planLayers = plan.rotation.layers.map((l) => l.id);
  const layerIds = [
    ...planLayers,
    ...[...new Set([...expectedByLayer.keys(), ...actualByLayer.keys()])]
      .filter((id) => !planLayers.includes(id))
      .sort(),
  ];
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const layerNames = new Map(plan.rotation.layers.map((l) => [l.id, l.name]));
  const who = (ids: string[]) =>
    ids.length === 0 ? 'nobody' : ids.map((id) => names.get(id) ?? id).join(' and ');
  const zone = plan.rotation.timeZone;
  let differingMinutes = 0;
  const all: SpanDifference[] = [];
  for (const layerId of layerIds) {
    const diffs = layerDifferences(
      expectedByLayer.get(layerId) ?? [],
      actualByLayer.get(layerId) ?? [],
      window,
    );
    for (const d of diffs) {
      differingMinutes += minutesTouched(d.start, d.end);
      all.push({
        layerId,
        ...d,
        message:
          `${layerNames.get(layerId) ?? layerId}, ${describeInstant(d.start, zone)} to ` +
          `${describeInstant(d.end, zone)} (${zone}): the plan has ${who(d.expected)} on call, ` +
          `the tool would page ${who(d.actual)}`,
      });
    }
  }
  all.sort((a, b) => a.start - b.start || layerIds.indexOf(a.layerId) - layerIds.indexOf(b.layerId));
  return {
    equal: all.length === 0,
    differingMinutes,
    differences: all.slice(0, limit),
  };
}
