import type { Interval } from '../time/intervals';
import { compareSpans } from './compare-spans';
import type { OnCallSpan } from './target';
import type { Plan } from '../plan/schema';

/** One override to write: in layer `layerId` (its schedule), `memberId` is on call for [start, end). */
export type DerivedOverride = OnCallSpan;

/**
 * A stretch overrides cannot fix: the tool's rotation layers page someone where the plan has nobody (an override
 * always puts a person on call), or the plan has more than one person on call at once in a layer.
 */
export type UnfixableStretch = OnCallSpan & {
  reason: 'plan-has-nobody' | 'plan-has-several';
  message: string;
};

/** The overrides that make the tool page exactly the plan, and what no override can fix. */
export type DerivedOverrides = { overrides: DerivedOverride[]; unfixable: UnfixableStretch[] };

/**
 * The overrides to write, from the plan's spans and the spans the target's own interpreter expands from its
 * rotation layers alone: wherever the two differ and the plan has one person on call, an override puts that
 * person on call there; consecutive stretches of the same person join into one override.
 * Why against the tool's own reading: the regular part of a rotation goes out as the tool's rotation layers, so
 * only real deviations (swaps, covers, manual shifts, and whatever the tool cannot express) become overrides — a
 * year of weekly turns stays one layer, not 52 overrides — and a semantic mismatch between the plan and the tool
 * is compensated here and then proved gone by the verification.
 */
export function deriveOverrides(
  planSpans: readonly OnCallSpan[],
  layerSpans: readonly OnCallSpan[],
  plan: Plan,
  window: Interval,
): DerivedOverrides {
  const overrides: DerivedOverride[] = [];
  const unfixable: UnfixableStretch[] = [];
  // Every differing stretch, not just the first few described.
  const all = allDifferences(planSpans, layerSpans, plan, window);
  for (const d of all) {
    if (d.expected.length === 1) {
      const memberId = d.expected[0]!;
      const last = overrides[overrides.length - 1];
      if (last && last.layerId === d.layerId && last.memberId === memberId && last.end === d.start)
        last.end = d.end;
      else overrides.push({ layerId: d.layerId, memberId, start: d.start, end: d.end });
    } else {
      unfixable.push({
        layerId: d.layerId,
        memberId: d.actual[0] ?? '',
        start: d.start,
        end: d.end,
        reason: d.expected.length === 0 ? 'plan-has-nobody' : 'plan-has-several',
        message: d.message,
      });
    }
  }
  return { overrides, unfixable };
}

/** compareSpans with no limit on the described stretches, in layer then time order. */
function allDifferences(
  planSpans: readonly OnCallSpan[],
  layerSpans: readonly OnCallSpan[],
  plan: Plan,
  window: Interval,
) {
  const layerIds = [...new Set([...planSpans, ...layerSpans].map((s) => s.layerId))];
  const out = [];
  for (const layerId of layerIds) {
    const mine = (list: readonly OnCallSpan[]) => list.filter((s) => s.layerId === layerId);
    out.push(...compareSpans(mine(planSpans), mine(layerSpans), plan, window, Infinity).differences);
  }
  return out;
}
