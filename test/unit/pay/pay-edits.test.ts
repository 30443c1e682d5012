import { applyEdit } from '../../../shared/plan/edits';
import { priceMinuteAt } from '../../../shared/pay/rule-at';
import { handPlan, handRules } from './pay-fixture';

const LATER = '2026-12-01T10:00:00.000Z';

function ruleNames(result: ReturnType<typeof applyEdit>): string[] {
  if (!result.ok) throw new Error(result.reason);
  return result.plan.pay!.rules.map((r) => r.name);
}

describe('pay edits', () => {
  it('moves a rule, which changes which rule prices a minute', () => {
    const plan = handPlan();
    // Sat 27 Mar 2027 23:30 in Berlin: weekend comes before night, so weekend prices it.
    expect(priceMinuteAt(plan, plan.pay!, 'maya', 'primary', '2027-03-27', '23:30')).toEqual({
      rule: 'weekend',
      hourly: 20,
      factor: 1,
      group: null,
      instant: '2027-03-27T22:30:00Z',
    });
    const moved = applyEdit(plan, { kind: 'pay:moveRule', from: 2, to: 1 }, LATER);
    expect(ruleNames(moved)).toEqual(['holiday', 'night', 'weekend', 'base']);
    if (!moved.ok) return;
    expect(priceMinuteAt(moved.plan, moved.plan.pay!, 'maya', 'primary', '2027-03-27', '23:30').rule).toBe(
      'night',
    );
    // The old plan is untouched: edits are pure.
    expect(plan.pay!.rules.map((r) => r.name)).toEqual(['holiday', 'weekend', 'night', 'base']);
  });

  it('adds, updates and removes rules, refusing duplicates and the last rule', () => {
    const plan = handPlan();
    const added = applyEdit(
      plan,
      {
        kind: 'pay:addRule',
        rule: { name: 'evening', when: { from: '18:00', to: '22:00' }, hourly: 12 },
        at: 2,
      },
      LATER,
    );
    expect(ruleNames(added)).toEqual(['holiday', 'weekend', 'evening', 'night', 'base']);
    const dup = applyEdit(plan, { kind: 'pay:addRule', rule: { name: 'night', when: {}, hourly: 1 } }, LATER);
    expect(dup).toMatchObject({ ok: false, reason: 'a pay rule named "night" exists' });
    const updated = applyEdit(
      plan,
      { kind: 'pay:updateRule', index: 3, rule: { name: 'base', when: {}, hourly: 11 } },
      LATER,
    );
    expect(updated.ok && updated.plan.pay!.rules[3]!.hourly).toBe(11);
    const removed = applyEdit(plan, { kind: 'pay:removeRule', index: 0 }, LATER);
    expect(ruleNames(removed)).toEqual(['weekend', 'night', 'base']);
    const single = { ...plan, pay: { ...handRules, rules: [handRules.rules[3]!] } };
    expect(applyEdit(single, { kind: 'pay:removeRule', index: 0 }, LATER)).toMatchObject({
      ok: false,
      reason: 'pay needs at least one hourly rule',
    });
    expect(applyEdit(plan, { kind: 'pay:moveRule', from: 4, to: 0 }, LATER)).toMatchObject({
      ok: false,
      reason: 'there is no pay rule 5 to move (the plan has 4)',
    });
  });

  it('refuses a rule the schema refuses, naming the field, and leaves the plan as it was', () => {
    const plan = handPlan();
    const bad = applyEdit(
      plan,
      { kind: 'pay:updateRule', index: 2, rule: { name: 'night', when: { from: '22:00' }, hourly: 15 } },
      LATER,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.reason).toBe('pay.rules[2].when.to: a time window needs both from and to');
    expect(plan.pay!.rules[2]!.when).toEqual({ from: '22:00', to: '07:00' });
  });

  it('sets and removes the whole section, and changes currency and secondary factor', () => {
    const plan = handPlan();
    const none = applyEdit(plan, { kind: 'pay:set', pay: null }, LATER);
    expect(none.ok && 'pay' in none.plan).toBe(false);
    const settings = applyEdit(plan, { kind: 'pay:settings', currency: 'USD', secondaryFactor: 0.25 }, LATER);
    expect(settings.ok && settings.plan.pay).toMatchObject({ currency: 'USD', secondaryFactor: 0.25 });
    const badCurrency = applyEdit(plan, { kind: 'pay:settings', currency: 'euro' }, LATER);
    expect(badCurrency).toMatchObject({
      ok: false,
      reason: 'pay.currency: expected a three-letter currency code such as EUR',
    });
  });
});

describe('priceMinuteAt', () => {
  it('prices by the member group, the secondary factor, a holiday and a one-off period', () => {
    const plan = handPlan();
    // Diego (US contract), Sat 13 Mar 2027 23:00 New York: the US night rule (22:00–06:00) at 12/h.
    expect(priceMinuteAt(plan, plan.pay!, 'diego', 'primary', '2027-03-13', '23:00')).toMatchObject({
      rule: 'night',
      hourly: 12,
      group: 'US contract',
      instant: '2027-03-14T04:00:00Z',
    });
    // Maya on the secondary layer on Labour Day (Sat 1 May 2027): holiday 30/h × 0.5.
    expect(priceMinuteAt(plan, plan.pay!, 'maya', 'secondary', '2027-05-01', '10:00')).toMatchObject({
      rule: 'holiday',
      hourly: 15,
      factor: 0.5,
    });
    // Maya on 24 Dec 2027: the one-off "year end" period takes precedence (40/h).
    expect(priceMinuteAt(plan, plan.pay!, 'maya', 'primary', '2027-12-24', '12:00')).toMatchObject({
      rule: 'year end',
      hourly: 40,
    });
  });
});
