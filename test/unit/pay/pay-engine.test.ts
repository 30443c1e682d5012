import { resolveWindow } from '../../../shared/fairness/window';
import { payReport } from '../../../shared/pay/pay-report';
import { handPlan, handRules } from './pay-fixture';

describe('payReport on a hand-checked plan', () => {
  const plan = handPlan();
  const report = payReport(plan, handRules, resolveWindow(plan, { from: '2027-01-04', to: '2027-12-31' }));

  it('prices Maya (Berlin, default tariff) to the cent per rule', () => {
    // m1: 15 h weekend (the DST night has 15 h, not 16) × 20 = 300.
    // m2: Fri 20-22 base 2 h × 10 = 20; Fri 22-24 night 2 h × 15 = 30; Sat 1 May 00-12 holiday 12 h × 30 = 360.
    // m3 (secondary, × 0.5): 23 Dec 22-24 night 2 h × 15 × 0.5 = 15; 24 Dec year end 24 h × 40 × 0.5 = 480.
    // Local days on call: 27, 28 Mar, 30 Apr, 1 May, 23, 24 Dec = 6 × 5 = 30.
    expect(report.members[0]).toEqual({
      id: 'maya',
      name: 'Maya Chen',
      hours: 57,
      amount: 1235,
      byRule: [
        { name: 'holiday', hours: 12, amount: 360 },
        { name: 'weekend', hours: 15, amount: 300 },
        { name: 'night', hours: 4, amount: 45 },
        { name: 'base', hours: 2, amount: 20 },
        { name: 'year end', hours: 24, amount: 480 },
        { name: 'standby day', hours: 0, amount: 30 },
      ],
    });
  });

  it('prices Diego (New York, US group: night first) to the cent per rule', () => {
    // d1: Sat 20:30-22:00 base 1.5 h; Sat 22-24 night 2 h; Sun 00-06 night 5 h (02:00-03:00 does not exist);
    //     Sun 06-08 base 2 h → night 7 h × 12 = 84, base 3.5 h × 8 = 28.
    // d2 (secondary, × 0.5): 00-06 night 6 h × 12 × 0.5 = 36; 06-12 holiday 6 h × 25 × 0.5 = 75.
    // Local days on call: 13, 14, 19 Jun = 3 × 5 = 15 (the group inherits the default allowances).
    expect(report.members[1]).toEqual({
      id: 'diego',
      name: 'Diego Alvarez',
      hours: 22.5,
      amount: 238,
      byRule: [
        { name: 'night', hours: 13, amount: 120 },
        { name: 'holiday', hours: 6, amount: 75 },
        { name: 'base', hours: 3.5, amount: 28 },
        { name: 'standby day', hours: 0, amount: 15 },
      ],
    });
  });

  it('lists members without shifts at 0, totals the members, and splits by local month', () => {
    expect(report.members.slice(2).map((m) => [m.id, m.hours, m.amount, m.byRule])).toEqual([
      ['priya', 0, 0, []],
      ['sam', 0, 0, []],
    ]);
    expect(report.total).toBe(1473);
    expect(report.currency).toBe('EUR');
    expect([report.from, report.to]).toEqual(['2027-01-04', '2027-12-31']);
    expect(report.months.map((m) => [m.memberId, m.month, m.hours, m.amount])).toEqual([
      ['maya', '2027-03', 15, 310],
      ['maya', '2027-04', 4, 55],
      ['maya', '2027-05', 12, 365],
      ['maya', '2027-12', 26, 505],
      ['diego', '2027-03', 10.5, 122],
      ['diego', '2027-06', 12, 116],
    ]);
  });

  it('a window that cuts a shift prices only the part inside it', () => {
    // From 1 May (plan zone Los Angeles: 1 May 00:00 PDT = 07:00Z = 09:00 CEST): Maya's m2 keeps 09-12 holiday.
    const part = payReport(plan, handRules, resolveWindow(plan, { from: '2027-05-01', to: '2027-05-31' }));
    expect(part.members[0]!.byRule).toEqual([
      { name: 'holiday', hours: 3, amount: 90 },
      { name: 'standby day', hours: 0, amount: 5 },
    ]);
    expect(part.total).toBe(95);
  });
});

describe('payReport conditions by layer and investor week', () => {
  it('cuts at the investor week start (plan zone) and prices only primary hours there; cents round half up', () => {
    const plan = handPlan();
    plan.shifts = [
      // The March investor week starts 25 Mar 00:00 in Los Angeles = 07:00Z: 19 h before it, 5 h inside.
      {
        id: 'a',
        layerId: 'primary',
        memberId: 'maya',
        start: '2027-03-24T12:00:00Z',
        end: '2027-03-25T12:00:00Z',
        source: 'manual',
        pinned: false,
      },
      {
        id: 'b',
        layerId: 'secondary',
        memberId: 'priya',
        start: '2027-03-25T12:00:00Z',
        end: '2027-03-25T14:00:00Z',
        source: 'manual',
        pinned: false,
      },
    ];
    const rules = {
      currency: 'USD',
      rules: [
        { name: 'investor', when: { investorWeek: true, layers: ['primary'] }, hourly: 7.777 },
        { name: 'base', when: {}, hourly: 1 },
      ],
    };
    const report = payReport(plan, rules, resolveWindow(plan, { from: '2027-03-01', to: '2027-03-31' }));
    expect(report.members.map((m) => m.byRule)).toEqual([
      [
        { name: 'investor', hours: 5, amount: 38.89 },
        { name: 'base', hours: 19, amount: 19 },
      ],
      [],
      [{ name: 'base', hours: 2, amount: 2 }],
      [],
    ]);
    expect(report.total).toBe(59.89);
  });
});
