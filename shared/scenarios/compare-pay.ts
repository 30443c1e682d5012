import { resolveWindow } from '../fairness/window';
import { payReport } from '../pay/pay-report';
import type { PayRules, Plan } from '../plan/schema';
import { compareRow, type CompareRow } from './compare';

/** One column of a cost comparison: a plan (the live one first, then scenarios). */
export type PayCompareEntry = { id: string; name: string; plan: Plan };

/** A member's on-call pay across the columns (null where the member is not in that plan). */
export type MemberPayComparison = CompareRow & { id: string; name: string };

/**
 * On-call pay side by side: the total and each member's amount per column, with the difference to column 0 (less
 * is better), and the on-call hours paid.
 */
export type PayComparison = {
  currency: string;
  from: string;
  to: string;
  total: CompareRow;
  hours: CompareRow;
  members: MemberPayComparison[];
};

/**
 * Prices the live plan and its scenarios by the same pay rules over the same window (plan-zone dates, inclusive;
 * absent: the rotation's horizon, as `rotaplan pay` does) and compares the totals and each member's amount.
 * Why one set of rules for every column: a what-if changes who is on call when, so the difference in cost is the
 * rotation's, not a difference of tariffs. Why here and not in the view: a test pins the figures, and the view,
 * the CLI and the report can read the same numbers.
 */
export function comparePay(
  entries: readonly PayCompareEntry[],
  rules: PayRules,
  range: { from?: string; to?: string } = {},
): PayComparison {
  const reports = entries.map((e) => payReport(e.plan, rules, resolveWindow(e.plan, range)));
  const less = (v: number) => -v;
  const total = compareRow(
    reports.map((r) => r.total),
    less,
    0.005,
  );
  const hours = compareRow(
    reports.map((r) => Math.round(r.members.reduce((s, m) => s + m.hours, 0) * 100) / 100),
    less,
    0.005,
  );
  const ids: { id: string; name: string }[] = [];
  for (const r of reports) {
    for (const m of r.members) if (!ids.some((x) => x.id === m.id)) ids.push({ id: m.id, name: m.name });
  }
  const members = ids.map(({ id, name }) => ({
    id,
    name,
    ...compareRow(
      reports.map((r) => r.members.find((m) => m.id === id)?.amount ?? null),
      less,
      0.005,
    ),
  }));
  const first = reports[0];
  return { currency: rules.currency, from: first?.from ?? '', to: first?.to ?? '', total, hours, members };
}
