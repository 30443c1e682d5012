import { planToHtml } from '../document/export-plan-document';
import { escapeHtml } from '../document/render-html';
import { analyzePlan, type Analysis } from '../fairness/analyze';
import { resolveWindow } from '../fairness/window';
import { payReport, type PayReport } from '../pay/pay-report';
import type { Plan } from '../plan/schema';
import { memberChipHtml, reportCalendarHtml } from './report-calendar';
import { hoursByCategorySvg, hoursByLayerSvg, loadVsFairShareSvg } from './report-charts';

/**
 * Options of the plan report: when it was generated (ISO instant), an optional window (plan-local ISO dates), and
 * an analysis of that window already made (the renderer has one from its worker; otherwise it is computed here).
 */
/**
 * `pay`: the pay report over the analysis window when it was priced elsewhere (the app asks main, whose zone data
 * is the CLI's); absent, it is priced here.
 */
export type ReportOptions = {
  generatedAt: string;
  from?: string;
  to?: string;
  analysis?: Analysis;
  pay?: PayReport;
};

/** What the report adds to the plan document's stylesheet: month tables, charts and page breaks for print. */
const REPORT_CSS = `
.report-calendar .legend .member { margin-right: 12px; }
table.month-table { font-size: 13px; }
table.month-table th[scope="row"] { white-space: nowrap; width: 72px; font-weight: 600; }
table.month-table tr.weekend th[scope="row"] { color: #7b8794; }
table.month-table tr.holiday td:last-child { color: #9a3412; }
table.month-table tr.investor th[scope="row"] { box-shadow: inset 4px 0 0 #059669; }
table.month-table td.gap { color: #b91c1c; font-weight: 600; }
table.month-table td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.report-fairness figure { margin: 16px 0 24px; }
.report-fairness figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
.report-fairness svg { max-width: 100%; height: auto; font-family: inherit; }
.report-fairness svg text { fill: #1f2933; }
.report-fairness svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.report-fairness td.num, .report-fairness th.num { text-align: right; }
@media print {
  section.report-calendar, section.report-fairness { break-before: page; page-break-before: always; }
  section.month { break-before: page; page-break-before: always; }
  section.month:first-of-type { break-before: auto; page-break-before: auto; }
  table.month-table { font-size: 8.5pt; }
  table.month-table th, table.month-table td { padding: 2px 6px; }
  .report-fairness figure { break-inside: avoid; page-break-inside: avoid; }
}
`;

const n1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

function fairnessHtml(plan: Plan, analysis: Analysis): string {
  const colors = new Map(plan.members.map((m) => [m.id, m.color]));
  const rows = analysis.members
    .map(
      (m) =>
        `<tr><th scope="row">${memberChipHtml(m.name, colors.get(m.id))}</th><td class="num">${m.shiftCount}</td><td class="num">${n1(m.onCallHours)}</td><td class="num">${n1(m.weekendHours)}</td><td class="num">${n1(m.holidayHours)}</td><td class="num">${n1(m.nightHours)}</td><td class="num">${n1(m.investorWeekHours)}</td><td class="num">${n1(m.weightedLoad)}</td><td class="num">${n1(m.fairShare)}</td></tr>`,
    )
    .join('\n');
  const f = analysis.fairness;
  return `<section id="fairness" class="report-fairness">
<h2>Fairness</h2>
<p>Load from ${analysis.from} to ${analysis.to}: balance ${f.balance.toFixed(3)} (mean over pairs of min/max load, 1 is even), Gini ${f.gini.toFixed(3)}, coefficient of variation ${f.cv.toFixed(3)}, max-min spread ${n1(f.maxMinSpread)} weighted hours. The same numbers as <code>rotaplan analyze</code>.</p>
<figure>${loadVsFairShareSvg(plan, analysis)}<figcaption>Weighted load (hours × the plan's weights) against each member's fair share, which follows their availability.</figcaption></figure>
<figure>${hoursByLayerSvg(plan, analysis)}<figcaption>Hours on call per member, split by rotation layer.</figcaption></figure>
<figure>${hoursByCategorySvg(analysis)}<figcaption>Weekend, holiday, night and investor-week hours per member; one hour can be more than one kind.</figcaption></figure>
<table>
<thead><tr><th scope="col">Member</th><th scope="col" class="num">Shifts</th><th scope="col" class="num">On call h</th><th scope="col" class="num">Weekend h</th><th scope="col" class="num">Holiday h</th><th scope="col" class="num">Night h</th><th scope="col" class="num">Investor h</th><th scope="col" class="num">Weighted</th><th scope="col" class="num">Fair share</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

const money = (v: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The on-call pay section: per member the hours, the amount per rule (in the rules' order) and the total, over the
 * analysis window — the figures of `rotaplan pay --from --to`. Empty when the plan has no pay rules.
 */
function payHtml(plan: Plan, analysis: Analysis, priced?: PayReport): string {
  if (!plan.pay) return '';
  const report =
    priced ?? payReport(plan, plan.pay, resolveWindow(plan, { from: analysis.from, to: analysis.to }));
  const colors = new Map(plan.members.map((m) => [m.id, m.color]));
  const names = [...new Set(report.members.flatMap((m) => m.byRule.map((r) => r.name)))];
  const head = names.map((n) => `<th scope="col" class="num">${escapeHtml(n)}</th>`).join('');
  const rows = report.members
    .map((m) => {
      const cells = names
        .map((n) => `<td class="num">${money(m.byRule.find((r) => r.name === n)?.amount ?? 0)}</td>`)
        .join('');
      return `<tr><th scope="row">${memberChipHtml(m.name, colors.get(m.id))}</th><td class="num">${n1(m.hours)}</td>${cells}<td class="num"><strong>${money(m.amount)}</strong></td></tr>`;
    })
    .join('\n');
  const currency = escapeHtml(report.currency);
  return `<section id="pay" class="report-fairness">
<h2>On-call pay</h2>
<p>What each person is owed for on call from ${report.from} to ${report.to} by the plan's pay rules (${currency}; the first matching rule prices each minute in the member's own zone; one-off periods take precedence). The same figures as <code>rotaplan pay</code>.</p>
<table>
<thead><tr><th scope="col">Member</th><th scope="col" class="num">Hours</th>${head}<th scope="col" class="num">Total (${currency})</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Total</th><td></td>${names.map(() => '<td></td>').join('')}<td class="num"><strong>${money(report.total)}</strong></td></tr></tfoot>
</table>
</section>`;
}

/** Inserts `html` right before `marker` in `page`; throws when the marker is missing, rather than drop content. */
function insertBefore(page: string, marker: string, html: string): string {
  const at = page.lastIndexOf(marker);
  if (at < 0) throw new Error(`the plan document has no ${marker}`);
  return `${page.slice(0, at)}${html}${page.slice(at)}`;
}

/**
 * The plan report as one self-contained HTML page: the filled plan document (shared/document), then the on-call
 * calendar as a table per month with member colours, then the fairness charts as inline SVG with their numbers,
 * then on-call pay per member when the plan has pay rules.
 * No script, no outside resource (the document's Content-Security-Policy allows neither), and print rules that
 * start each month on its own page — the same page becomes the PDF. Throws a RangeError when `to` is before `from`.
 */
export function planReportHtml(plan: Plan, options: ReportOptions): string {
  const analysis = options.analysis ?? analyzePlan(plan, { from: options.from, to: options.to });
  const from = options.from ?? plan.rotation.startDate;
  const to = options.to ?? plan.rotation.endDate;
  const page = planToHtml(plan, { generatedAt: options.generatedAt, from: options.from, to: options.to });
  const extra = `${reportCalendarHtml(plan, from, to)}\n${fairnessHtml(plan, analysis)}\n${payHtml(plan, analysis, options.pay)}\n`;
  const withCss = insertBefore(page, '</style>', REPORT_CSS);
  const withTitle = withCss.replace(
    `<title>${escapeHtml(plan.meta.name)}</title>`,
    `<title>${escapeHtml(plan.meta.name)} — report</title>`,
  );
  return insertBefore(withTitle, '</main>', extra);
}
