import type { PayReport } from '../pay/pay-report';
import { toSafeCsv } from './csv-safe';

/** The columns of the payroll CSV, one row per member and local month. */
export const PAY_CSV_HEADER = ['member_id', 'member_name', 'month', 'currency', 'hours', 'amount'] as const;

/**
 * The pay report as a payroll CSV: one row per member and month in which they were on call (the member's local
 * month), team order, months ascending; amounts rounded to cents per row. Names pass through the same
 * formula-neutralising writer as the other CSV exports.
 * Why per month: payroll runs monthly; the per-rule split stays in `rotaplan pay --json`.
 */
export function payCsv(report: PayReport): string {
  return toSafeCsv(
    PAY_CSV_HEADER,
    report.months.map((m) => [m.memberId, m.name, m.month, report.currency, m.hours, m.amount]),
  );
}
