import type { PayRule, PayRules, Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/**
 * Edits of the plan's on-call pay rules (the default tariff's ordered rules, currency and secondary factor).
 * Why their own domain: the order of the rules is their meaning (the first match prices a minute), so moving a rule
 * is an edit of its own, undoable like any other. `pay:set` with null removes the section, so a plan without pay
 * rules stays as it was.
 */
export type PayEdit =
  | { kind: 'pay:set'; pay: PayRules | null }
  | { kind: 'pay:addRule'; rule: PayRule; at?: number }
  | { kind: 'pay:updateRule'; index: number; rule: PayRule }
  | { kind: 'pay:removeRule'; index: number }
  | { kind: 'pay:moveRule'; from: number; to: number }
  | { kind: 'pay:settings'; currency?: string; secondaryFactor?: number };

function withPay(plan: Plan, pay: PayRules | null): Plan {
  const { pay: _old, ...rest } = plan;
  return pay === null ? rest : { ...rest, pay };
}

function indexProblem(rules: readonly PayRule[], index: number, what: string): string | null {
  if (!Number.isInteger(index) || index < 0 || index >= rules.length)
    return `there is no pay rule ${index + 1} to ${what} (the plan has ${rules.length})`;
  return null;
}

/** Applies a pay edit (unvalidated; `applyEdit` validates the result, e.g. a rule's time window or its name). */
export function applyPayEdit(plan: Plan, edit: PayEdit): EditOutcome {
  if (edit.kind === 'pay:set') return withPay(plan, edit.pay);
  const pay = plan.pay;
  if (!pay) return refuse('this plan has no pay rules yet: add them first');
  const rules = pay.rules;
  switch (edit.kind) {
    case 'pay:addRule': {
      if (rules.some((r) => r.name === edit.rule.name))
        return refuse(`a pay rule named "${edit.rule.name}" exists`);
      const at = Math.max(0, Math.min(edit.at ?? rules.length, rules.length));
      return withPay(plan, { ...pay, rules: [...rules.slice(0, at), edit.rule, ...rules.slice(at)] });
    }
    case 'pay:updateRule': {
      const problem = indexProblem(rules, edit.index, 'change');
      if (problem) return refuse(problem);
      if (rules.some((r, i) => i !== edit.index && r.name === edit.rule.name))
        return refuse(`a pay rule named "${edit.rule.name}" exists`);
      return withPay(plan, { ...pay, rules: rules.map((r, i) => (i === edit.index ? edit.rule : r)) });
    }
    case 'pay:removeRule': {
      const problem = indexProblem(rules, edit.index, 'remove');
      if (problem) return refuse(problem);
      if (rules.length === 1) return refuse('pay needs at least one hourly rule');
      return withPay(plan, { ...pay, rules: rules.filter((_, i) => i !== edit.index) });
    }
    case 'pay:moveRule': {
      const problem = indexProblem(rules, edit.from, 'move') ?? indexProblem(rules, edit.to, 'move to');
      if (problem) return refuse(problem);
      const next = [...rules];
      const [moved] = next.splice(edit.from, 1);
      next.splice(edit.to, 0, moved!);
      return withPay(plan, { ...pay, rules: next });
    }
    case 'pay:settings':
      return withPay(plan, {
        ...pay,
        ...(edit.currency !== undefined ? { currency: edit.currency } : {}),
        ...(edit.secondaryFactor !== undefined ? { secondaryFactor: edit.secondaryFactor } : {}),
      });
  }
}
