import { analyzePlan } from '../../../shared/fairness/analyze';
import { missingRegionNotices } from '../../../shared/time/missing-region';
import type { AnalysisOutcome, AnalysisRequest } from './worker-protocol';

/**
 * Analyses one plan and times it. Why apart from the worker file: the worker and the inline fallback (no Worker,
 * as in jsdom) share it, so both give the same outcome.
 */
export function runAnalysisRequest(request: Omit<AnalysisRequest, 'id'>): AnalysisOutcome {
  const started = performance.now();
  try {
    const analysis = analyzePlan(request.plan, { from: request.from, to: request.to });
    const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
    const regionNotices = missingRegionNotices(request.plan, analysis.from, analysis.to);
    return { ok: true, analysis, regionNotices, elapsedMs };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
