import { FairnessTables } from '../fairness/fairness-tables';
import { createPlanContext, memberOf } from '../fairness/plan-context';
import type { AnalysisWindow } from '../fairness/window';
import { dateOfEpochDay, dayIndexAt, HOUR_MS } from '../fairness/zone-days';
import type { Plan, PayRules } from '../plan/schema';
import { instantMs } from '../time/zoned';
import { priceSpan, UNPRICED } from './price-span';
import { tariffFor } from './tariff';
import { isShadowShift } from '../rotation/shadow-shifts';

/** Hours and amount of one rule (or one-off period, or allowance) for one member; allowances carry 0 hours. */
export type RulePay = { name: string; hours: number; amount: number };

/** What one member is owed over the window: on-call hours, the amount and its split by rule. */
export type MemberPay = { id: string; name: string; hours: number; amount: number; byRule: RulePay[] };

/** One payroll line: a member's hours and amount in one local month (member's zone). */
export type MonthPay = { memberId: string; name: string; month: string; hours: number; amount: number };

/**
 * The pay report of a plan over a window. `members` follow the plan's member order; amounts are rounded to cents
 * per member and rule, a member's amount is the sum of their rounded rules and `total` the sum of the members.
 * `months` rounds each member-month on its own, so its cents may differ from `members` by rounding.
 */
export type PayReport = {
  currency: string;
  from: string;
  to: string;
  members: MemberPay[];
  total: number;
  months: MonthPay[];
};

/** Rounds to cents (half away from zero on the decimal value, so 0.125 → 0.13). */
export function cents(value: number): number {
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * 100).toPrecision(12)))) / 100;
}

/** Hours from milliseconds, without float dust (a minute is 1/60 h). */
function hoursOf(ms: number): number {
  return Number((ms / HOUR_MS).toFixed(6));
}

type Bucket = { ms: number; amount: number };

function bump(map: Map<string, Bucket>, key: string, ms: number, amount: number): void {
  const b = map.get(key) ?? { ms: 0, amount: 0 };
  b.ms += ms;
  b.amount += amount;
  map.set(key, b);
}

/**
 * Prices every member's on-call time in [window.start, window.end) by the pay rules: each shift is clipped to the
 * window and priced per minute in the member's zone (see `priceSpan`), secondary layers (every layer after the
 * first) at `secondaryFactor`; allowances add a flat amount per shift starting in the window, or per local day
 * (member's zone) with any time on call. Minutes no rule matches are listed as "unpriced" at 0.
 * Why from the fairness context: local days, DST, holidays and investor weeks are the ledger's, so pay and
 * fairness never disagree on what a weekend or a holiday hour is. `tables` are the caller's zone, holiday and
 * investor-week tables, kept between plans for speed (fresh if none).
 */
export function payReport(
  plan: Plan,
  rules: PayRules,
  window: AnalysisWindow,
  tables: FairnessTables = new FairnessTables(),
): PayReport {
  const ctx = createPlanContext(plan, tables);
  const members: MemberPay[] = [];
  const months: MonthPay[] = [];
  for (const member of plan.members) {
    const mc = memberOf(ctx, member.id);
    const tariff = tariffFor(rules, member);
    const byRule = new Map<string, Bucket>();
    const byMonth = new Map<string, Map<string, Bucket>>();
    const monthOf = (month: string) => {
      let m = byMonth.get(month);
      if (!m) byMonth.set(month, (m = new Map()));
      return m;
    };
    const daysOnCall = new Set<number>();
    const shiftStarts: number[] = [];
    for (const shift of plan.shifts) {
      // A learner shadowing the on-call person is not on call: on-call pay leaves shadows out.
      if (shift.memberId !== member.id || isShadowShift(shift)) continue;
      const startMs = instantMs(shift.start);
      const a = Math.max(startMs, window.startMs);
      const b = Math.min(instantMs(shift.end), window.endMs);
      if (b <= a) continue;
      const layerIndex = ctx.layerIndex.get(shift.layerId) ?? 0;
      const factor = layerIndex > 0 ? tariff.secondaryFactor : 1;
      for (const part of priceSpan(ctx, mc, tariff, shift.layerId, factor, a, b)) {
        bump(byRule, part.rule, part.ms, part.amount);
        bump(monthOf(part.month), part.rule, part.ms, part.amount);
      }
      const days = mc.days;
      for (let i = dayIndexAt(days, a); i < days.length && days.start[i]! < b; i++) {
        if (days.start[i + 1]! > a) daysOnCall.add(days.firstDay + i);
      }
      if (startMs >= window.startMs && startMs < window.endMs) shiftStarts.push(startMs);
    }
    for (const allowance of tariff.allowances) {
      const when =
        allowance.per === 'day'
          ? [...daysOnCall].map((d) => dateOfEpochDay(d))
          : shiftStarts.map((ms) => dateOfEpochDay(mc.days.firstDay + dayIndexAt(mc.days, ms)));
      for (const date of when) {
        bump(byRule, allowance.name, 0, allowance.amount);
        bump(monthOf(date.slice(0, 7)), allowance.name, 0, allowance.amount);
      }
    }
    const order = [
      ...tariff.rules.map((r) => r.name),
      ...tariff.oneOff.map((o) => o.name),
      UNPRICED,
      ...tariff.allowances.map((a) => a.name),
    ].filter((n, i, all) => all.indexOf(n) === i);
    const lines = order
      .filter((n) => byRule.has(n))
      .map((n) => ({ name: n, hours: hoursOf(byRule.get(n)!.ms), amount: cents(byRule.get(n)!.amount) }));
    members.push({
      id: member.id,
      name: member.name,
      hours: hoursOf([...byRule.values()].reduce((s, b) => s + b.ms, 0)),
      amount: cents(lines.reduce((s, l) => s + l.amount, 0)),
      byRule: lines,
    });
    for (const [month, rulesOfMonth] of [...byMonth].sort(([x], [y]) => (x < y ? -1 : 1))) {
      const list = [...rulesOfMonth.values()];
      months.push({
        memberId: member.id,
        name: member.name,
        month,
        hours: hoursOf(list.reduce((s, b) => s + b.ms, 0)),
        amount: cents(list.reduce((s, b) => s + cents(b.amount), 0)),
      });
    }
  }
  return {
    currency: rules.currency,
    from: window.from,
    to: window.to,
    members,
    total: cents(members.reduce((s, m) => s + m.amount, 0)),
    months,
  };
}
