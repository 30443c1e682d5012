import { analyzePlan } from '../../../shared/fairness/analyze';
import { loadReportCsvFromAnalysis } from '../../../shared/export/load-report-csv';
import { planReportHtml } from '../../../shared/export/report-html';
import type { PayReport } from '../../../shared/pay/pay-report';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

// The app hands the report the pay main priced; these figures are made up so that only that report can show them.
const priced: PayReport = {
  currency: 'USD',
  from: '2027-01-04',
  to: '2028-01-03',
  members: [
    {
      id: 'maya',
      name: 'Maya Chen',
      hours: 1,
      amount: 11.11,
      byRule: [{ name: 'Weekend', hours: 1, amount: 11.11 }],
    },
    { id: 'diego', name: 'Diego Alvarez', hours: 2, amount: 22.22, byRule: [] },
    { id: 'priya', name: 'Priya Raman', hours: 3, amount: 33.33, byRule: [] },
    { id: 'sam', name: 'Sam Okafor', hours: 4, amount: 44.44, byRule: [] },
  ],
  total: 111.1,
  months: [],
};

describe('reports with pay priced elsewhere (by main in the app)', () => {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const analysis = analyzePlan(plan, {});

  it('the HTML report shows the given pay report, not one of its own', () => {
    const html = planReportHtml(plan, { generatedAt: '2026-12-07T05:00:00.000Z', analysis, pay: priced });
    const section = html.slice(html.indexOf('<section id="pay"'));
    expect(section).toContain('<td class="num"><strong>11.11</strong></td>');
    expect(section).toContain('<td class="num"><strong>111.10</strong></td>');
    expect(section).not.toContain('90,369.50');
    // Without one it prices the plan itself: the figures of rotaplan pay on Node.
    const own = planReportHtml(plan, { generatedAt: '2026-12-07T05:00:00.000Z', analysis });
    expect(own.slice(own.indexOf('<section id="pay"'))).toContain('<strong>90,369.50</strong>');
  });

  it('the load CSV takes the given pay report for its pay columns', () => {
    const rows = loadReportCsvFromAnalysis(plan, analysis, priced).trimEnd().split('\n');
    expect(rows[0]!.endsWith(',pay_currency,pay_amount')).toBe(true);
    expect(rows.slice(1).map((r) => r.split(',').slice(-2).join(','))).toEqual([
      'USD,11.11',
      'USD,22.22',
      'USD,33.33',
      'USD,44.44',
    ]);
  });
});
