import type { Analysis } from '../../../../shared/fairness/analyze';
import type { PayReport } from '../../../../shared/pay/pay-report';
import type { Plan } from '../../../../shared/plan/schema';
import { api } from '../../api/api';

/**
 * The pay section's figures for a report over the analysis window, priced by main (`pay:report`); undefined when
 * the plan has no pay rules. Why main: the report's pay must be `rotaplan pay`'s to the cent, and the browser
 * engine may ship other time-zone rules than Node.
 */
export async function reportPay(plan: Plan, analysis: Analysis): Promise<PayReport | undefined> {
  if (!plan.pay) return undefined;
  return api.pay.report({
    plan: plan as unknown as Record<string, unknown>,
    from: analysis.from,
    to: analysis.to,
  });
}
