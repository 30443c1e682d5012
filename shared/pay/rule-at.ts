import { FairnessTables } from '../fairness/fairness-tables';
import { createPlanContext, memberOf } from '../fairness/plan-context';
import type { Plan, PayRules } from '../plan/schema';
import { instantMs } from '../time/zoned';
import { priceSpan, UNPRICED } from './price-span';
import { tariffFor } from './tariff';

/**
 * Which rule prices one minute on call, and at what rate: the rule's (or one-off period's) name, the hourly amount
 * after the secondary factor, the factor, and the member's group (null: the default tariff). `rule` is
 * `unpriced` when no rule matches.
 */
export type PricedMinute = {
  rule: string;
  hourly: number;
  factor: number;
  group: string | null;
  instant: string;
};

/**
 * Prices the minute that starts at a member's local `date` and `time` (their zone; a time skipped by DST resolves
 * as the rotation does) as if they were on call on `layerId`.
 * Why: the rules editor shows a live example ("Sat 23:30 for Diego on Primary → night, EUR 15/h"), computed by the
 * same code that prices the plan, so the example can never disagree with the report.
 */
export function priceMinuteAt(
  plan: Plan,
  rules: PayRules,
  memberId: string,
  layerId: string,
  date: string,
  time: string,
  tables: FairnessTables = new FairnessTables(),
): PricedMinute {
  const ctx = createPlanContext(plan, tables);
  const mc = memberOf(ctx, memberId);
  const tariff = tariffFor(rules, mc.member);
  const instant = tables.calendar.clock.zonedToInstant(date, time, mc.member.timeZone);
  const start = instantMs(instant);
  const layerIndex = ctx.layerIndex.get(layerId) ?? 0;
  const factor = layerIndex > 0 ? tariff.secondaryFactor : 1;
  const [part] = priceSpan(ctx, mc, tariff, layerId, factor, start, start + 60_000);
  const perMinute = part?.amount ?? 0;
  return {
    rule: part?.rule ?? UNPRICED,
    hourly: Math.round(perMinute * 60 * 1e6) / 1e6,
    factor,
    group: tariff.group,
    instant,
  };
}
