import { analyzePlan } from '../../../shared/fairness/analyze';
import type { HolidayCalendar } from '../../../shared/time/holiday-calendar';
import { missingRegionNotices } from '../../../shared/time/missing-region';
import type { AnalysisOutcome, AnalysisRequest } from './worker-protocol';

export { HolidayCalendar } from '../../../shared/time/holiday-calendar';

/**
 * Analyses one plan and times it, with the caller's holiday calendar (the worker's, kept warm between analyses).
 * Why apart from the worker file: the worker and the inline fallback (no Worker, as in jsdom) share it, so both
 * give the same outcome.
 */
export function runAnalysisRequest(
  request: Omit<AnalysisRequest, 'id'>,
  holidays: HolidayCalendar,
): AnalysisOutcome {
  const started = performance.now();
  try {
    const analysis = analyzePlan(request.plan, { from: request.from, to: request.to, holidays });
    const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
    const regionNotices = missingRegionNotices(holidays, request.plan, analysis.from, analysis.to);
    return { ok: true, analysis, regionNotices, elapsedMs };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
