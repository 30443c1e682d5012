import { analyzePlan, type Analysis } from '../fairness/analyze';
import { resolveWindow } from '../fairness/window';
import { payReport, type PayReport } from '../pay/pay-report';
import type { Plan } from '../plan/schema';
import { toSafeCsv } from './csv-safe';

/** The window of a load report: plan-local dates, both inclusive; missing sides take the rotation's horizon. */
export type LoadReportOptions = { from?: string; to?: string };

/** The fixed columns of the load report; one `<layer>_hours` column per rotation layer follows `shifts`. */
export const LOAD_REPORT_LEADING = ['from', 'to', 'member_id', 'member_name', 'shifts'] as const;

/** The columns after the per-layer hours: the `analyze --json` fields, then deviation and shares. */
export const LOAD_REPORT_TRAILING = [
  'on_call_hours',
  'weekend_hours',
  'holiday_hours',
  'night_hours',
  'investor_week_hours',
  'weighted_load',
  'fair_share',
  'deviation',
  'availability',
  'on_call_share',
] as const;

/** The columns a plan with pay rules adds at the end: the currency and the member's on-call pay. */
export const LOAD_REPORT_PAY = ['pay_currency', 'pay_amount'] as const;

/**
 * The per-member load report as CSV, one row per member in team order: the window, shifts, hours per layer, hours
 * by category (weekend, holiday, night, investor week — they may overlap, as in the analysis), weighted load, fair
 * share, deviation (weighted load − fair share) and the shares. Numbers are exactly `rotaplan analyze --json`'s
 * (both come from `analyzePlan` over the same window), so payroll sheets and the Fairness view never disagree.
 * When the plan has pay rules, `pay_currency` and `pay_amount` follow: what `rotaplan pay` says the member is owed
 * over the same window.
 * Why CSV: on-call compensation is worked out in spreadsheets. Throws a RangeError when `to` is before `from`.
 */
export function exportLoadReportCsv(plan: Plan, options: LoadReportOptions = {}): string {
  return loadReportCsvFromAnalysis(plan, analyzePlan(plan, options));
}

/**
 * The load report from an analysis already made (the renderer has one from its worker), and optionally the pay
 * report over its window priced elsewhere (the app asks main, whose zone data is the CLI's).
 * Why: analysing a year of shifts takes a moment; the report must not make the user wait twice.
 */
export function loadReportCsvFromAnalysis(plan: Plan, analysis: Analysis, priced?: PayReport): string {
  const layers = plan.rotation.layers;
  const pay = plan.pay
    ? (priced ?? payReport(plan, plan.pay, resolveWindow(plan, { from: analysis.from, to: analysis.to })))
    : null;
  const header = [
    ...LOAD_REPORT_LEADING,
    ...layers.map((l) => `${l.id}_hours`),
    ...LOAD_REPORT_TRAILING,
    ...(pay ? LOAD_REPORT_PAY : []),
  ];
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const rows = analysis.members.map((m) => [
    analysis.from,
    analysis.to,
    m.id,
    m.name,
    m.shiftCount,
    ...layers.map((l) => m.layers.find((x) => x.layerId === l.id)?.hours ?? 0),
    m.onCallHours,
    m.weekendHours,
    m.holidayHours,
    m.nightHours,
    m.investorWeekHours,
    m.weightedLoad,
    m.fairShare,
    round2(m.weightedLoad - m.fairShare),
    m.availability,
    m.onCallShare,
    ...(pay ? [pay.currency, pay.members.find((p) => p.id === m.id)?.amount ?? 0] : []),
  ]);
  return toSafeCsv(header, rows);
}
