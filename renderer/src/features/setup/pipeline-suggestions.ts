import type { Criticality } from '../../../../shared/plan/schema';

/** A pipeline the guided setup offers with one click: the five of the seed template. */
export type PipelineSuggestion = {
  name: string;
  description: string;
  criticality: Criticality;
  reportsToInvestors: boolean;
};

/**
 * The seed template's five pipelines, with a one-line purpose each. Why these: they are the pipelines a data team
 * of a license-based SaaS company runs; the investor-facing ones start as critical so the rotation rules for the
 * investor week apply from day one.
 */
export const PIPELINE_SUGGESTIONS: readonly PipelineSuggestion[] = [
  {
    name: 'Profit',
    description: 'Recognised revenue, refunds and costs per customer and product line; gross margin.',
    criticality: 'critical',
    reportsToInvestors: true,
  },
  {
    name: 'Growth',
    description: 'Sign-ups, trials, conversion, expansion and churn; the sales and marketing funnels.',
    criticality: 'high',
    reportsToInvestors: false,
  },
  {
    name: 'Engagement',
    description: 'Product usage events: active users, feature adoption and session depth per customer.',
    criticality: 'medium',
    reportsToInvestors: false,
  },
  {
    name: 'Aggregated (Executives & investors)',
    description:
      'ARR, net revenue retention, margin and burn for the executive dashboard and investor report.',
    criticality: 'critical',
    reportsToInvestors: true,
  },
  {
    name: 'Aggregated (Experiments)',
    description: 'A/B test assignments joined with outcomes; experiment scorecards for product teams.',
    criticality: 'medium',
    reportsToInvestors: false,
  },
];
