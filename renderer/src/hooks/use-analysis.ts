import { useEffect, useState } from 'react';
import type { Analysis } from '../../../shared/fairness/analyze';
import type { Plan } from '../../../shared/plan/schema';
import type { MissingRegionNotice } from '../../../shared/time/missing-region';
import { analyse, peekAnalysis, type AnalysisWindow } from '../workers/analysis-client';
import type { AnalysisOutcome } from '../workers/worker-protocol';

/**
 * An analysis as a view sees it: the numbers for the current plan and window when known (`running` false), or the
 * previous ones while the new ones are computed (`running` true, `stale` true), and why it failed.
 */
export type AnalysisView = {
  running: boolean;
  stale: boolean;
  analysis: Analysis | null;
  /** Members whose regional holidays the analysis does not count (see `missingRegionNotices`). */
  regionNotices: MissingRegionNotice[];
  error: string | null;
  elapsedMs: number | null;
};

type Settled = { plan: Plan; key: string; outcome: AnalysisOutcome };

/**
 * Analyses `plan` over `range` off the UI thread on every plan change (memoised on the plan object, see
 * `analyse`), keeping the last numbers on screen until the new ones arrive.
 */
export function useAnalysis(plan: Plan | null, range: AnalysisWindow): AnalysisView {
  const key = `${range.from ?? ''}|${range.to ?? ''}`;
  const [settled, setSettled] = useState<Settled | null>(null);
  const { from, to } = range;
  useEffect(() => {
    if (!plan) return;
    let live = true;
    void analyse(plan, { from, to }).then((outcome) => {
      if (live) setSettled({ plan, key, outcome });
    });
    return () => {
      live = false;
    };
  }, [plan, key, from, to]);
  if (!plan) {
    return { running: false, stale: false, analysis: null, regionNotices: [], error: null, elapsedMs: null };
  }
  const current =
    settled && settled.plan === plan && settled.key === key ? settled.outcome : peekAnalysis(plan, range);
  const shown = current ?? settled?.outcome;
  return {
    running: current === undefined,
    stale: current === undefined && shown !== undefined,
    analysis: shown?.ok ? shown.analysis : null,
    regionNotices: shown?.ok ? shown.regionNotices : [],
    error: current && !current.ok ? current.reason : null,
    elapsedMs: current?.ok ? current.elapsedMs : null,
  };
}
