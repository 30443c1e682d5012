import { memberOf, type PlanContext } from '../fairness/plan-context';
import type { AnalysisWindow } from '../fairness/window';
import type { Member, PayRules } from '../plan/schema';
import { priceSpan } from '../pay/price-span';
import { tariffFor } from '../pay/tariff';
import { intersect, type Interval } from '../time/intervals';

/** A cell of the roster as pay sees it: its layer and the on-call pieces the holder would get (epoch ms). */
export type PricedCell = { layerId: string; pieces: readonly Interval[] };

/**
 * What a member would be paid for holding a cell, by the plan's pay rules (`payReport`'s pricing): each piece
 * clipped to the window and priced per minute in the member's zone, secondary layers at the tariff's factor,
 * plus the per-shift allowances of the pieces that start in the window. Per-day allowances are left out: they
 * depend on what else the member holds that day, so they are not a cost of one cell.
 * Why: the optimiser's optional cost term prefers, among equally fair rosters, the one that costs less.
 */
export function cellPay(
  ctx: PlanContext,
  rules: PayRules,
  window: AnalysisWindow,
  member: Member,
  cell: PricedCell,
): number {
  const mc = memberOf(ctx, member.id);
  const tariff = tariffFor(rules, member);
  const factor = (ctx.layerIndex.get(cell.layerId) ?? 0) > 0 ? tariff.secondaryFactor : 1;
  const perShift = tariff.allowances.filter((a) => a.per === 'shift').reduce((s, a) => s + a.amount, 0);
  let amount = 0;
  for (const p of cell.pieces) {
    const c = intersect(p, { start: window.startMs, end: window.endMs });
    if (!c) continue;
    for (const part of priceSpan(ctx, mc, tariff, cell.layerId, factor, c.start, c.end))
      amount += part.amount;
    if (p.start >= window.startMs) amount += perShift;
  }
  return amount;
}
