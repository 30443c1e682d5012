import { analyzePlan } from '../../../shared/fairness/analyze';
import { planReportHtml } from '../../../shared/export/report-html';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const NOW = '2026-11-27T00:00:00.000Z';

describe('planReportHtml', () => {
  const plan = createSamplePlan(NOW);
  const html = planReportHtml(plan, { generatedAt: NOW });

  it('holds the plan document, a table per month, and the fairness charts as SVG, with no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h2>1. Pipeline Ownership Matrix</h2>');
    const months = [...html.matchAll(/<section class="month" aria-label="([^"]+)">/g)].map((m) => m[1]);
    expect(months).toEqual([
      'January 2027',
      'February 2027',
      'March 2027',
      'April 2027',
      'May 2027',
      'June 2027',
      'July 2027',
      'August 2027',
      'September 2027',
      'October 2027',
      'November 2027',
      'December 2027',
      'January 2028',
    ]);
    expect(html.match(/<table class="month-table">/g)!.length).toBe(13);
    expect(html.match(/<svg /g)!.length).toBe(3);
    expect(html).not.toMatch(/<script|javascript:|<[^>]*\son\w+\s*=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
    expect(html).toMatch(/section\.month \{ break-before: page/);
  });

  it('shows who is on call each day in member colours, both people on a handoff day', () => {
    const jan4 = html.match(/<tr[^>]*><th scope="row">Mon 4<\/th>.*?<\/tr>/)![0];
    expect(jan4).toContain('background-color:#2563eb1f');
    expect(jan4).toContain('Maya Chen');
    const jan11 = html.match(/<tr[^>]*><th scope="row">Mon 11<\/th>.*?<\/tr>/)![0];
    expect(jan11).toMatch(/Maya Chen<\/span> → <span class="member">.*Diego Alvarez/);
    expect(html).toMatch(
      /<tr class="weekend holiday"><th scope="row">Sun 4<\/th>.*?<td>Independence Day \(Maya Chen, Diego Alvarez, Sam Okafor\)<\/td><\/tr>/,
    );
    expect(html).toContain('<td>Canada Day (Priya Raman)</td></tr>');
  });

  it('charts the analysis numbers', () => {
    const a = analyzePlan(plan);
    for (const m of a.members) {
      const line = `${(Math.round(m.weightedLoad * 10) / 10).toString()} / ${(Math.round(m.fairShare * 10) / 10).toString()}`;
      expect(html).toContain(line);
    }
    expect(html).toContain(`balance ${a.fairness.balance.toFixed(3)}`);
  });

  it('lists on-call pay per member and rule with the total of rotaplan pay', () => {
    const section = html.match(/<section id="pay"[\s\S]*?<\/section>/)![0];
    expect(section).toContain('<h2>On-call pay</h2>');
    expect(section).toContain('from 2027-01-04 to 2028-01-03');
    const header = [...section.matchAll(/<th scope="col" class="num">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(header).toEqual([
      'Hours',
      'Public holiday',
      'Weekend',
      'Night',
      'Weekday standby',
      'Year-end freeze',
      'Week stipend',
      'Total (USD)',
    ]);
    expect(section).toContain('<tfoot><tr><th scope="row">Total</th>');
    expect(section).toMatch(/<strong>90,369\.50<\/strong><\/td><\/tr><\/tfoot>/);
    const { pay: _none, ...withoutPay } = createSamplePlan(NOW);
    expect(planReportHtml(withoutPay, { generatedAt: NOW })).not.toContain('id="pay"');
  });

  it('escapes hostile member names everywhere', () => {
    const p = createSamplePlan(NOW);
    p.members[0]!.name = '<img src=x onerror=alert(1)>';
    const page = planReportHtml(p, { generatedAt: NOW, from: '2027-01-01', to: '2027-02-28' });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.match(/<table class="month-table">/g)!.length).toBe(2);
  });
});
