import { analyzePlan } from '../../../shared/fairness/analyze';
import type { AnalysisOutcome, AnalysisRequest } from './worker-protocol';

/**
 * Analyses one plan and times it. Why apart from the worker file: the worker and the inline fallback (no Worker,
 * as in jsdom) share it, so both give the same outcome.
 */
export function runAnalysisRequest(request: Omit<AnalysisRequest, 'id'>): AnalysisOutcome {
  const started = performance.now();
  try {
    const analysis = analyzePlan(request.plan, { from: request.from, to: request.to });
    return { ok: true, analysis, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
