import { planSchema } from '../../../shared/plan/validate';
import { payRulesSchema } from '../../../shared/plan/schema';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const issueRules = {
  currency: 'EUR',
  rules: [
    { name: 'holiday', when: { holiday: true }, hourly: 30 },
    { name: 'weekend', when: { weekdays: [6, 7] }, hourly: 20 },
    { name: 'night', when: { from: '22:00', to: '07:00' }, hourly: 15 },
    { name: 'base', when: {}, hourly: 10 },
  ],
  oneOff: [{ name: 'year end', from: '2027-12-24', to: '2027-12-31', hourly: 40 }],
  secondaryFactor: 0.5,
};

describe('pay section of the plan', () => {
  it('a plan without pay stays valid, and one with the example rules is valid too', () => {
    const { pay: _pay, ...plan } = createSamplePlan('2026-11-27T00:00:00.000Z');
    expect(planSchema.safeParse(plan).success).toBe(true);
    const withPay = planSchema.safeParse({ ...plan, pay: issueRules });
    expect(withPay.success).toBe(true);
  });

  it('refuses an unknown field by name, a half time window and a one-off that ends before it starts', () => {
    const bad = payRulesSchema.safeParse({
      ...issueRules,
      rules: [{ name: 'night', when: { from: '22:00' }, hourly: 15, rate: 3 }],
      oneOff: [{ name: 'x', from: '2027-12-31', to: '2027-12-24', hourly: 1 }],
      bonus: 1,
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^: Unrecognized key: "bonus"$/),
        expect.stringMatching(/^rules\.0: Unrecognized key: "rate"$/),
        'oneOff.0.to: a one-off period ends before it starts',
      ]),
    );
  });
});
