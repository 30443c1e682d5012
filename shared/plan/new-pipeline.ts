import { slugify, uniqueId } from './ids';
import type { Criticality, Pipeline, Plan } from './schema';

/**
 * A new pipeline with the fields the dialog asked for and working defaults for the rest: a nightly 02:00 run in the
 * plan's zone, a 24-hour freshness and 8-hour resolution SLA, and the criticality's default incident rate. Every
 * default is a real value the editor shows and the user can change; none is a placeholder.
 */
export function newPipeline(
  plan: Plan,
  fields: { name: string; criticality: Criticality; reportsToInvestors: boolean },
): Pipeline {
  return {
    id: uniqueId(
      slugify(fields.name),
      plan.pipelines.map((p) => p.id),
      'pipeline',
    ),
    name: fields.name.trim(),
    description: '',
    schedule: {
      kind: 'cron',
      expression: '0 2 * * *',
      timeZone: plan.rotation.timeZone,
      expectedDurationMinutes: 60,
    },
    criticality: fields.criticality,
    reportsToInvestors: fields.reportsToInvestors,
    dataTypes: [],
    sla: { dataFreshness: '', issueResolution: '', freshnessHours: 24, resolutionHours: 8 },
    monitoring: [],
    commonIssues: [],
    incidents: { ratePerWeek: null, meanDurationMinutes: 60, investorWeekFactor: 1 },
  };
}
