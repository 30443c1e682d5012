import Papa from 'papaparse';
import { neutraliseCell, toSafeCsv } from '../../../shared/export/csv-safe';
import { exportLoadReportCsv } from '../../../shared/export/load-report-csv';
import { resolveWindow } from '../../../shared/fairness/window';
import { payReport } from '../../../shared/pay/pay-report';
import { exportOwnershipCsv } from '../../../shared/export/ownership-csv';
import { analyzePlan } from '../../../shared/fairness/analyze';
import { exportShiftsCsv } from '../../../shared/io/csv-shifts';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const NOW = '2026-11-27T00:00:00.000Z';
const parse = (text: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('csv-safe', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\rcr', "'\rcr"],
    ['Maya Chen', 'Maya Chen'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutraliseCell(%j) is %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it('quotes by RFC 4180 and leaves numbers it wrote itself alone', () => {
    expect(toSafeCsv(['a', 'b', 'c'], [['x, "y"', -12.5, true]])).toBe('a,b,c\n"x, ""y""",-12.5,true\n');
  });
});

describe('exportShiftsCsv neutralises user text', () => {
  it('a member named =HYPERLINK(...) and a note starting with @ read back as text', () => {
    const plan = createSamplePlan(NOW);
    plan.members[0]!.name = '=HYPERLINK("http://evil.example","x")';
    plan.shifts[0]!.note = '@cmd|calc';
    const rows = parse(exportShiftsCsv(plan)).data;
    expect(rows.length).toBe(104);
    const first = rows.find((r) => r.start === '2027-01-04T09:00:00-08:00' && r.layer === 'primary')!;
    expect(first.member_name).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows.find((r) => r.note !== '')!.note).toBe("'@cmd|calc");
  });
});

describe('exportLoadReportCsv', () => {
  it('has the analysis numbers exactly, one row per member', () => {
    const plan = createSamplePlan(NOW);
    const text = exportLoadReportCsv(plan);
    const { data, meta } = parse(text);
    expect(meta.fields).toEqual([
      'from',
      'to',
      'member_id',
      'member_name',
      'shifts',
      'primary_hours',
      'secondary_hours',
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
      'pay_currency',
      'pay_amount',
    ]);
    const analysis = analyzePlan(plan);
    const pay = payReport(plan, plan.pay!, resolveWindow(plan));
    expect(data.map((r) => r.member_id)).toEqual(['maya', 'diego', 'priya', 'sam']);
    analysis.members.forEach((m, i) => {
      const row = data[i]!;
      expect(row.from).toBe('2027-01-04');
      expect(row.to).toBe('2028-01-03');
      expect(Number(row.shifts)).toBe(m.shiftCount);
      expect(Number(row.on_call_hours)).toBe(m.onCallHours);
      expect(Number(row.weekend_hours)).toBe(m.weekendHours);
      expect(Number(row.holiday_hours)).toBe(m.holidayHours);
      expect(Number(row.night_hours)).toBe(m.nightHours);
      expect(Number(row.investor_week_hours)).toBe(m.investorWeekHours);
      expect(Number(row.weighted_load)).toBe(m.weightedLoad);
      expect(Number(row.fair_share)).toBe(m.fairShare);
      expect(Number(row.primary_hours) + Number(row.secondary_hours)).toBe(m.onCallHours);
      expect(row.pay_currency).toBe('USD');
      expect(Number(row.pay_amount)).toBe(pay.members[i]!.amount);
    });
    // The four members' pay adds up to `rotaplan pay`'s total for the sample.
    expect(data.reduce((sum, r) => sum + Number(r.pay_amount), 0)).toBeCloseTo(90369.5, 2);
    // Literal figures of the sample, so a change in the ledger shows up here too.
    expect(data[0]).toMatchObject({
      member_name: 'Maya Chen',
      shifts: '26',
      primary_hours: '2184',
      on_call_hours: '4369',
      weighted_load: '4794.25',
      fair_share: '4836.05',
      deviation: '-41.8',
    });
  });

  it('has no pay columns when the plan has no pay rules', () => {
    const { pay: _none, ...plan } = createSamplePlan(NOW);
    const { meta } = parse(exportLoadReportCsv(plan));
    expect(meta.fields!.slice(-2)).toEqual(['availability', 'on_call_share']);
  });

  it('covers a window and neutralises a hostile name', () => {
    const plan = createSamplePlan(NOW);
    plan.members[1]!.name = '+Diego';
    const { data } = parse(exportLoadReportCsv(plan, { from: '2027-03-01', to: '2027-03-31' }));
    const a = analyzePlan(plan, { from: '2027-03-01', to: '2027-03-31' });
    expect(data[1]!.member_name).toBe("'+Diego");
    expect(data.map((r) => Number(r.weighted_load))).toEqual(a.members.map((m) => m.weightedLoad));
    expect(data[0]!.from).toBe('2027-03-01');
  });
});

describe('exportOwnershipCsv', () => {
  it('lists each pipeline with its owners and stakeholder', () => {
    const plan = createSamplePlan(NOW);
    plan.ownership[1]!.stakeholder = '=cmd|" /C calc"!A0';
    plan.ownership[2]!.secondaryMemberId = null;
    const { data } = parse(exportOwnershipCsv(plan));
    expect(data.length).toBe(5);
    expect(data[0]).toEqual({
      pipeline_id: 'profit',
      pipeline: 'Profit',
      criticality: 'Critical',
      reports_to_investors: 'true',
      primary_id: 'maya',
      primary: 'Maya Chen',
      secondary_id: 'diego',
      secondary: 'Diego Alvarez',
      stakeholder: 'Finance — Elena Park, VP FP&A',
    });
    expect(data[1]!.stakeholder).toBe('\'=cmd|" /C calc"!A0');
    expect(data[2]).toMatchObject({ secondary_id: '', secondary: '' });
  });
});
