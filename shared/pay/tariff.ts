import type { Member, PayRules } from '../plan/schema';

/** The pricing one member is paid by: ordered hourly rules, one-off periods, allowances and the secondary factor. */
export type Tariff = {
  /** The group's name, or null for the plan's default tariff. */
  group: string | null;
  rules: PayRules['rules'];
  oneOff: NonNullable<PayRules['oneOff']>;
  allowances: NonNullable<PayRules['allowances']>;
  secondaryFactor: number;
};

/**
 * The tariff of a member: the first group naming the member's id or holiday-region country, else the default.
 * A group replaces the hourly rules; one-off periods, allowances and the secondary factor it leaves out are the
 * default's. Why: contracts differ per country in their rates, while a company-wide year-end period usually does not.
 */
export function tariffFor(rules: PayRules, member: Member): Tariff {
  const group = (rules.groups ?? []).find(
    (g) =>
      (g.memberIds ?? []).includes(member.id) || (g.countries ?? []).includes(member.holidayRegion.country),
  );
  return {
    group: group?.name ?? null,
    rules: group?.rules ?? rules.rules,
    oneOff: group?.oneOff ?? rules.oneOff ?? [],
    allowances: group?.allowances ?? rules.allowances ?? [],
    secondaryFactor: group?.secondaryFactor ?? rules.secondaryFactor ?? 1,
  };
}
