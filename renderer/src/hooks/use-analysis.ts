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

// The last numbers each remembering view showed, kept across its mounts (see `useAnalysis`'s `rememberAs`).
const remembered = new Map<string, Settled>();

/**
 * Analyses `plan` over `range` off the UI thread on every plan change (memoised on the plan object, see
 * `analyse`), keeping the last numbers on screen until the new ones arrive. With `rememberAs` (a name for what is
 * analysed, such as the live plan or one scenario) the last numbers outlive the view: a view that comes back
 * after the plan changed shows them at once, marked stale, instead of a loader. Only numbers of the same plan file
 * (its creation time) are shown so.
 */
export function useAnalysis(plan: Plan | null, range: AnalysisWindow, rememberAs?: string): AnalysisView {
  const key = `${range.from ?? ''}|${range.to ?? ''}`;
  const memory = rememberAs === undefined ? null : `${rememberAs}|${key}`;
  const [settled, setSettled] = useState<Settled | null>(null);
  const { from, to } = range;
  useEffect(() => {
    if (!plan) return;
    let live = true;
    void analyse(plan, { from, to }).then((outcome) => {
      if (!live) return;
      const next = { plan, key, outcome };
      if (memory !== null && outcome.ok) remembered.set(memory, next);
      setSettled(next);
    });
    return () => {
      live = false;
    };
  }, [plan, key, from, to, memory]);
  if (!plan) {
    return { running: false, stale: false, analysis: null, regionNotices: [], error: null, elapsedMs: null };
  }
  const current =
    settled && settled.plan === plan && settled.key === key ? settled.outcome : peekAnalysis(plan, range);
  const earlier = memory === null ? undefined : remembered.get(memory);
  const sameFile = earlier !== undefined && earlier.plan.meta.createdAt === plan.meta.createdAt;
  const shown = current ?? settled?.outcome ?? (sameFile ? earlier.outcome : undefined);
  return {
    running: current === undefined,
    stale: current === undefined && shown !== undefined,
    analysis: shown?.ok ? shown.analysis : null,
    regionNotices: shown?.ok ? shown.regionNotices : [],
    error: current && !current.ok ? current.reason : null,
    elapsedMs: current?.ok ? current.elapsedMs : null,
  };
}
