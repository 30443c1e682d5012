import { analyzePlan } from '../../../shared/fairness/analyze';
import { FairnessTables } from '../../../shared/fairness/fairness-tables';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';
import type { HolidayStore } from '../../../shared/time/holiday-store';
import { missingRegionNotices } from '../../../shared/time/missing-region';
import type { AnalysisOutcome, AnalysisRequest } from './worker-protocol';

/**
 * Fairness tables for whoever runs analyses, over a holiday calendar that keeps its lists in `store`: the worker
 * keeps one for its life, the inline fallback one too.
 */
export function createFairnessTables(store: HolidayStore | null): FairnessTables {
  return new FairnessTables(new HolidayCalendar(store));
}

/**
 * Analyses one plan with the runner's warm `tables` and times it. Why apart from the worker file: the worker and
 * the inline fallback (no Worker, as in jsdom) share it, so both give the same outcome.
 */
export function runAnalysisRequest(
  request: Omit<AnalysisRequest, 'id'>,
  tables: FairnessTables,
): AnalysisOutcome {
  const started = performance.now();
  try {
    const analysis = analyzePlan(request.plan, { from: request.from, to: request.to }, tables);
    const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
    const regionNotices = missingRegionNotices(tables.calendar, request.plan, analysis.from, analysis.to);
    return { ok: true, analysis, regionNotices, elapsedMs };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
