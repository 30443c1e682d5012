import type { Criticality, Pipeline } from '../plan/schema';
import { assertNever } from '../plan/edits';
import { coverPlan, type PlanContext } from '../fairness/plan-context';
import { HOUR_MS } from '../fairness/zone-days';
import { cronRuns, parseCron } from './cron';

const WEEK_MS = 7 * 24 * HOUR_MS;

/**
 * Incidents per week assumed for a pipeline whose `incidents.ratePerWeek` is null, by criticality: critical 0.5,
 * high 0.35, medium 0.25, low 0.1. Why these: a critical pipeline that breaks every other week and a low one
 * every ten weeks match what small data teams report; the user overrides them per pipeline.
 */
export function defaultRatePerWeek(criticality: Criticality): number {
  switch (criticality) {
    case 'critical':
      return 0.5;
    case 'high':
      return 0.35;
    case 'medium':
      return 0.25;
    case 'low':
      return 0.1;
    default:
      return assertNever(criticality);
  }
}

/** The incidents-per-week rate the simulator uses for a pipeline (its own, else the criticality default). */
export function effectiveRate(pipeline: Pipeline): number {
  return pipeline.incidents.ratePerWeek ?? defaultRatePerWeek(pipeline.criticality);
}

/**
 * Where a pipeline's incidents can happen over the window: slots [start, start + length) with the expected number
 * of incidents in each, and their running total for drawing a slot in O(log n).
 * - cron schedule: one slot per run, as long as `expectedDurationMinutes` (incidents strike while a job runs);
 *   each run carries rate × window weeks / runs, so the weekly rate holds on average;
 * - text schedule (streaming, "hourly at :15"…) or a cron the parser cannot read: one slot per hour, uniform.
 * A slot that starts in an investor-report week (plan zone) carries `investorWeekFactor` × its expectation.
 */
export type IncidentSlots = {
  pipelineId: string;
  start: Float64Array;
  length: Float64Array;
  /** cumulative[i] = expected incidents in slots 0..i. */
  cumulative: Float64Array;
  total: number;
  /** "cron" or "uniform" (and why, when a cron could not be read). */
  model: string;
};

function investorFlags(ctx: PlanContext, starts: number[], fromMs: number, toMs: number): boolean[] {
  coverPlan(ctx, fromMs, toMs);
  const weeks = ctx.investor;
  let w = 0;
  return starts.map((s) => {
    while (w < weeks.length && weeks[w]!.end <= s) w++;
    return w < weeks.length && weeks[w]!.start <= s;
  });
}

/** Builds the incident slots of one pipeline over [fromMs, toMs). */
export function incidentSlots(
  ctx: PlanContext,
  pipeline: Pipeline,
  fromMs: number,
  toMs: number,
): IncidentSlots {
  const rate = effectiveRate(pipeline);
  const weeks = (toMs - fromMs) / WEEK_MS;
  let starts: number[] = [];
  let lengths: number[] = [];
  let perSlot: number[] = [];
  let model = 'uniform';
  const cron = pipeline.schedule.kind === 'cron' ? parseCron(pipeline.schedule.expression) : null;
  if (typeof cron === 'string') model = `uniform (cron "${pipeline.schedule.expression}": ${cron})`;
  if (cron && typeof cron !== 'string') {
    const runs = cronRuns(cron, ctx.tables.zoneDays(pipeline.schedule.timeZone, fromMs, toMs), fromMs, toMs);
    if (runs.length > 0) {
      model = 'cron';
      starts = runs;
      lengths = runs.map(() => pipeline.schedule.expectedDurationMinutes * 60_000);
      perSlot = runs.map(() => (rate * weeks) / runs.length);
    } else model = 'uniform (the cron schedule has no run in the window)';
  }
  if (model !== 'cron') {
    for (let s = fromMs; s < toMs; s += HOUR_MS) {
      const len = Math.min(HOUR_MS, toMs - s);
      starts.push(s);
      lengths.push(len);
      perSlot.push((rate * len) / WEEK_MS);
    }
  }
  const investor = investorFlags(ctx, starts, fromMs, toMs);
  const factor = pipeline.incidents.investorWeekFactor;
  const cumulative = new Float64Array(starts.length);
  let total = 0;
  perSlot.forEach((mu, i) => {
    total += investor[i] ? mu * factor : mu;
    cumulative[i] = total;
  });
  return {
    pipelineId: pipeline.id,
    start: Float64Array.from(starts),
    length: Float64Array.from(lengths),
    cumulative,
    total,
    model,
  };
}

/** Index of the slot holding cumulative mass `x` (0 ≤ x < total). */
export function slotAt(slots: IncidentSlots, x: number): number {
  const c = slots.cumulative;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
