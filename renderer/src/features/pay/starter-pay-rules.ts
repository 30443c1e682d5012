import type { PayRules } from '../../../../shared/plan/schema';

/**
 * The rules a plan starts with when the user adds pay: holiday, weekend, night and base rates in that order (the
 * first match prices a minute), secondary layers at half. Why these: the shape most on-call pay policies share;
 * every rate and the currency are meant to be edited.
 */
export const STARTER_PAY_RULES: PayRules = {
  currency: 'EUR',
  rules: [
    { name: 'holiday', when: { holiday: true }, hourly: 30 },
    { name: 'weekend', when: { weekdays: [6, 7] }, hourly: 20 },
    { name: 'night', when: { from: '22:00', to: '07:00' }, hourly: 15 },
    { name: 'base', when: {}, hourly: 10 },
  ],
  secondaryFactor: 0.5,
};
