import type { Plan, Shift } from '../plan/schema';
import { instantMs } from '../time/zoned';
import type { Interval } from '../time/intervals';
import type { OnCallSpan } from './target';

/**
 * True for a shift that never counts as coverage: a shadow shift (someone learning alongside the person on call).
 * Read loosely, so this works before and after the plan schema knows the field.
 */
function isShadow(shift: Shift): boolean {
  return (shift as Shift & { shadow?: unknown }).shadow === true;
}

/**
 * Who the plan puts on call in each layer within `window`: its shifts clipped to the window, shadow shifts left
 * out, sorted by layer (in the plan's layer order) and start.
 * Why: it is the "expected" side every target's expansion is compared with, and what overrides are derived from.
 */
export function planTimeline(plan: Plan, window: Interval): OnCallSpan[] {
  const layerOrder = new Map(plan.rotation.layers.map((layer, index) => [layer.id, index]));
  const out: OnCallSpan[] = [];
  for (const shift of plan.shifts) {
    if (isShadow(shift)) continue;
    const start = Math.max(instantMs(shift.start), window.start);
    const end = Math.min(instantMs(shift.end), window.end);
    if (start < end) out.push({ layerId: shift.layerId, memberId: shift.memberId, start, end });
  }
  return sortSpans(out, layerOrder);
}

/**
 * Spans in layer order (by `layerOrder`, unknown layers last by id), then by start and member.
 * Why exported: targets return their expansions in the same order, so messages list layers the same way.
 */
export function sortSpans(spans: OnCallSpan[], layerOrder: ReadonlyMap<string, number>): OnCallSpan[] {
  const rank = (id: string) => layerOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  return spans.sort(
    (a, b) =>
      rank(a.layerId) - rank(b.layerId) ||
      a.layerId.localeCompare(b.layerId) ||
      a.start - b.start ||
      a.memberId.localeCompare(b.memberId),
  );
}

/**
 * Spans grouped by layer id, each list sorted by start.
 * Why: comparisons, overrides and interpreters all work one layer (one schedule) at a time.
 */
export function spansByLayer(spans: readonly OnCallSpan[]): Map<string, OnCallSpan[]> {
  const out = new Map<string, OnCallSpan[]>();
  for (const span of spans) {
    const list = out.get(span.layerId);
    if (list) list.push(span);
    else out.set(span.layerId, [span]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}
