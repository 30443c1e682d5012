import { resolveWindow, type AnalysisWindow } from '../../shared/fairness/window';
import { payReport } from '../../shared/pay/pay-report';
import { priceMinuteAt } from '../../shared/pay/rule-at';
import type { PayRules, Plan } from '../../shared/plan/schema';
import { comparePay } from '../../shared/scenarios/compare-pay';
import { checkedPlan } from './checked-plan';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

function rulesOf(plan: Plan, what: string): PayRules {
  if (!plan.pay)
    throw new IpcError('bad-payload', `${what} has no pay rules: add them in the Pay view first.`);
  return plan.pay;
}

/** The window for optional dates, as `rotaplan pay --from --to` reads them; a reversed window is a bad request. */
function windowOf(plan: Plan, range: { from?: string; to?: string }): AnalysisWindow {
  try {
    return resolveWindow(plan, range);
  } catch (error) {
    if (error instanceof RangeError)
      throw new IpcError('bad-payload', `Pay was not computed: ${error.message}.`);
    throw error;
  }
}

/**
 * `pay:*`: on-call pay priced in this process by the code `rotaplan pay` runs.
 * Why here and not in the window: pricing reads the members' zone rules (local days, nights, DST), and a browser
 * engine may ship other time-zone data than Node; priced here, the Pay view, the rules example and the what-if
 * costs show exactly the CLI's figures.
 */
export function payHandlers(): HandlerGroup {
  return {
    'pay:report': async ({ plan: raw, from, to }) => {
      const plan = checkedPlan(raw, 'The plan could not be priced');
      return payReport(plan, rulesOf(plan, 'The plan'), windowOf(plan, { from, to }));
    },
    'pay:priceAt': async ({ plan: raw, memberId, layerId, date, time }) => {
      const plan = checkedPlan(raw, 'The example could not be priced');
      const rules = rulesOf(plan, 'The plan');
      if (!plan.members.some((m) => m.id === memberId))
        throw new IpcError('bad-payload', `No team member has the id "${memberId}".`);
      if (!plan.rotation.layers.some((l) => l.id === layerId))
        throw new IpcError('bad-payload', `No rotation layer has the id "${layerId}".`);
      return priceMinuteAt(plan, rules, memberId, layerId, date, time);
    },
    'pay:compare': async ({ plans, from, to }) => {
      const entries = plans.map((entry) => ({
        id: entry.id,
        name: entry.name,
        plan: checkedPlan(entry.plan, `"${entry.name}" could not be priced`),
      }));
      const rules = rulesOf(entries[0]!.plan, `"${entries[0]!.name}"`);
      for (const e of entries) windowOf(e.plan, { from, to });
      return comparePay(entries, rules, { from, to });
    },
  };
}
