import type { Analysis } from '../../../shared/fairness/analyze';
import type { Plan } from '../../../shared/plan/schema';
import type { SimulationResult } from '../../../shared/simulation/simulate';
import type { StoredHoliday } from '../../../shared/time/holiday-store';
import type { MissingRegionNotice } from '../../../shared/time/missing-region';

/** Asks the simulation worker for one Monte Carlo run set. Cancel = terminate the worker (its loop never yields). */
export type SimulationRequest = { plan: Plan; runs: number; seed: number; from?: string; to?: string };

/** What the simulation worker reports: progress (~every 1 % of the runs), then exactly one done or failed. */
export type SimulationMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: SimulationResult; elapsedMs: number }
  | { type: 'failed'; reason: string };

/** Asks the analysis worker to analyse a plan over a window (plan-zone dates; missing sides take the horizon). */
export type AnalysisRequest = { id: number; plan: Plan; from?: string; to?: string };

/** Holiday lists by region-year ("US-CA:2027") kept from earlier sessions, handed to the analysis worker. */
export type HolidayListsMessage = { type: 'holidays'; lists: Record<string, StoredHoliday[]> };

/** What the analysis worker is sent: holiday lists it may read instead of computing them, or a plan to analyse. */
export type AnalysisWorkerInput = HolidayListsMessage | AnalysisRequest;

/** A holiday list the analysis worker computed, for the page to keep for later sessions. */
export type HolidayListComputed = { type: 'holiday-list'; key: string; holidays: StoredHoliday[] };

/**
 * The analysis of a plan, with the members whose regional holidays are not counted (no region in a country that
 * has them), or why it failed (for example a window that ends before it starts).
 */
export type AnalysisOutcome =
  | { ok: true; analysis: Analysis; regionNotices: MissingRegionNotice[]; elapsedMs: number }
  | { ok: false; reason: string };

/** The analysis worker's answer to request `id`. */
export type AnalysisMessage = AnalysisOutcome & { id: number };

/** What the analysis worker sends: answers, and the holiday lists it computed. */
export type AnalysisWorkerOutput = AnalysisMessage | HolidayListComputed;

/** The part of a dedicated worker's global scope the workers use (the DOM lib types `self` as a window). */
export type WorkerScope = {
  postMessage: (message: unknown) => void;
  onmessage: ((event: MessageEvent) => void) | null;
};
