import type { StateCreator } from 'zustand';
import type { Plan, Scenario } from '../../../shared/plan/schema';
import { scenarioPlan } from '../../../shared/scenarios/scenario-plan';
import type { SimulationResult } from '../../../shared/simulation/simulate';
import { startSimulation, type SimulationHandle } from '../workers/simulation-client';
import type { AppState } from './store';

/** Where a simulation stands. `failed` and `cancelled` keep the last good result visible beside the reason. */
export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** What the user asked for: runs, seed and (optionally) a window in plan-zone dates. */
export type SimulationSettings = { runs: number; seed: number; from?: string; to?: string };

/**
 * The async state of the incident simulation, explicit (docs/architecture.md, the renderer): status, progress, the result with the
 * plan it was computed for (so the view can say when the plan changed since), and why it failed.
 */
export type SimulationState = {
  status: SimulationStatus;
  done: number;
  total: number;
  settings: SimulationSettings | null;
  result: SimulationResult | null;
  elapsedMs: number | null;
  /** The plan object the result belongs to; another object means the result is out of date. */
  resultPlan: Plan | null;
  error: string | null;
};

/**
 * The incident simulation and the scenario the Fairness view analyses (null: the live plan).
 * Why together: the simulation runs on whichever plan the switcher shows.
 */
export type SimulationSlice = {
  simulation: SimulationState;
  runSimulation: (settings: SimulationSettings) => void;
  cancelSimulation: () => void;
  analysedScenarioId: string | null;
  setAnalysedScenario: (scenarioId: string | null) => void;
};

const IDLE: SimulationState = {
  status: 'idle',
  done: 0,
  total: 0,
  settings: null,
  result: null,
  elapsedMs: null,
  resultPlan: null,
  error: null,
};

const scenarioPlans = new WeakMap<Scenario, Plan>();

/**
 * A scenario as a whole plan, memoised on the scenario object: while the scenario is unchanged the same plan object
 * comes back, so analyses memoised on the plan hit their cache.
 */
export function scenarioAsPlan(plan: Plan, scenario: Scenario): Plan {
  let built = scenarioPlans.get(scenario);
  if (!built) {
    built = scenarioPlan(plan, scenario);
    scenarioPlans.set(scenario, built);
  }
  return built;
}

/**
 * The plan the Fairness view analyses: the live plan, or the chosen scenario as a whole plan (see
 * `scenarioAsPlan`). A scenario that no longer exists falls back to the live plan.
 */
export function selectAnalysedPlan(state: Pick<AppState, 'plan' | 'analysedScenarioId'>): Plan | null {
  const { plan, analysedScenarioId } = state;
  if (!plan || analysedScenarioId === null) return plan;
  const scenario = plan.scenarios.find((s) => s.id === analysedScenarioId);
  if (!scenario) return plan;
  return scenarioAsPlan(plan, scenario);
}

/** The id of the scenario the view shows, or null when it shows the live plan (also when the scenario is gone). */
export function selectAnalysedScenarioId(
  state: Pick<AppState, 'plan' | 'analysedScenarioId'>,
): string | null {
  const id = state.analysedScenarioId;
  return id !== null && state.plan?.scenarios.some((s) => s.id === id) ? id : null;
}

export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (set, get) => {
  // The running simulation belongs to this store, like the save timer.
  let handle: SimulationHandle | null = null;
  const patch = (change: Partial<SimulationState>) =>
    set((s) => ({ simulation: { ...s.simulation, ...change } }));
  return {
    simulation: IDLE,
    runSimulation(settings) {
      const plan = selectAnalysedPlan(get());
      if (!plan) {
        patch({ status: 'failed', error: 'No plan is open.' });
        return;
      }
      handle?.cancel();
      patch({ status: 'running', done: 0, total: settings.runs, settings, error: null });
      const mine = startSimulation({ plan, ...settings }, (message) => {
        if (handle !== mine) return;
        switch (message.type) {
          case 'progress':
            patch({ done: message.done, total: message.total });
            return;
          case 'done':
            handle = null;
            patch({
              status: 'done',
              done: message.result.runs,
              result: message.result,
              elapsedMs: message.elapsedMs,
              resultPlan: plan,
            });
            return;
          case 'failed':
            handle = null;
            patch({ status: 'failed', error: message.reason });
            return;
        }
      });
      handle = mine;
    },
    cancelSimulation() {
      if (!handle) return;
      handle.cancel();
      handle = null;
      patch({ status: 'cancelled' });
    },
    analysedScenarioId: null,
    setAnalysedScenario(scenarioId) {
      set({ analysedScenarioId: scenarioId });
    },
  };
};
