import type { FairnessTables } from '../../../shared/fairness/fairness-tables';
import type { Plan } from '../../../shared/plan/schema';
import type { HolidayStore, StoredHoliday } from '../../../shared/time/holiday-store';
import type {
  AnalysisOutcome,
  AnalysisRequest,
  AnalysisWorkerOutput,
  HolidayListsMessage,
} from './worker-protocol';

/** The window of an analysis: plan-zone dates, both inclusive; a missing side takes the plan's horizon. */
export type AnalysisWindow = { from?: string; to?: string };

/** Settles one request: `keep` says whether the outcome belongs to the plan (a crashed worker's does not). */
type Pending = (outcome: AnalysisOutcome, keep: boolean) => void;

const done = new WeakMap<Plan, Map<string, AnalysisOutcome>>();
const running = new WeakMap<Plan, Map<string, Promise<AnalysisOutcome>>>();
let worker: Worker | null = null;
// Where the lists the worker computes are kept (the page's localStorage), also used by the inline fallback.
let pageHolidays: HolidayStore | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
/** The inline fallback's fairness tables, kept between analyses as the worker keeps its own (created on first use). */
let inlineTables: FairnessTables | undefined;

const keyOf = (w: AnalysisWindow) => `${w.from ?? ''}|${w.to ?? ''}`;

function failAll(reason: string) {
  for (const settle of pending.values()) settle({ ok: false, reason }, false);
  pending.clear();
}

function analysisWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (worker) return worker;
  worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<AnalysisWorkerOutput>) => {
    if ('type' in event.data) {
      pageHolidays?.write(event.data.key, event.data.holidays);
      return;
    }
    const { id, ...outcome } = event.data;
    pending.get(id)?.(outcome, true);
    pending.delete(id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    failAll(event.message || 'the analysis worker stopped unexpectedly');
  };
  return worker;
}

/**
 * Starts the analysis worker now, handing it the holiday lists kept from earlier sessions (by region-year, as the
 * holiday store names them); the lists it computes come back to the page's holiday store.
 * Why at the app's start: the worker's code (the fairness domain, the holiday and zone data) loads while the plan
 * does, and the first analysis reads the holidays instead of computing them, so the Fairness view's first figures
 * are ready soon after the plan is.
 */
export function warmAnalysisWorker(holidays: Record<string, StoredHoliday[]>, store: HolidayStore): void {
  pageHolidays = store;
  const target = analysisWorker();
  if (!target || Object.keys(holidays).length === 0) return;
  const message: HolidayListsMessage = { type: 'holidays', lists: holidays };
  target.postMessage(message);
}

/**
 * The analysis of `plan` over `window` if it is already known, without starting one.
 * Why: a view that returns to a plan it has seen shows its numbers at once, with no "analysing" flash.
 */
export function peekAnalysis(plan: Plan, range: AnalysisWindow): AnalysisOutcome | undefined {
  return done.get(plan)?.get(keyOf(range));
}

/**
 * Analyses a plan in the analysis worker (one long-lived worker; inline where there is no Worker), memoised on
 * the plan object and the window: the store hands out a new plan object on every edit, so the same object means
 * the same numbers. Why a worker: the first analysis loads holiday tables and a year of weekly shifts
 * takes more than a frame after that (bench/analysis.ts).
 */
export function analyse(plan: Plan, range: AnalysisWindow): Promise<AnalysisOutcome> {
  const key = keyOf(range);
  const known = done.get(plan)?.get(key);
  if (known) return Promise.resolve(known);
  const inFlight = running.get(plan)?.get(key);
  if (inFlight) return inFlight;
  const remember = (outcome: AnalysisOutcome, keep = true) => {
    if (keep) {
      if (!done.has(plan)) done.set(plan, new Map());
      done.get(plan)!.set(key, outcome);
    }
    running.get(plan)?.delete(key);
    return outcome;
  };
  const target = analysisWorker();
  const promise = target
    ? new Promise<AnalysisOutcome>((resolve) => {
        const id = nextId++;
        pending.set(id, (outcome, keep) => resolve(remember(outcome, keep)));
        const request: AnalysisRequest = { id, plan, ...range };
        target.postMessage(request);
      })
    : // Imported on demand so that importing this client does not put the fairness domain in the first chunk.
      import('./analysis-handler').then(({ runAnalysisRequest, createFairnessTables }) => {
        inlineTables ??= createFairnessTables(pageHolidays);
        return remember(runAnalysisRequest({ plan, ...range }, inlineTables));
      });
  if (!running.has(plan)) running.set(plan, new Map());
  running.get(plan)!.set(key, promise);
  return promise;
}
