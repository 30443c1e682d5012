import { create } from 'zustand';
import { createPlanSlice, type PlanSlice } from './plan-slice';
import { createSaveSlice, type SaveSlice } from './save-slice';
import { createSimulationSlice, type SimulationSlice } from './simulation-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** The whole renderer state: one store made of typed slices; components read it through narrow selectors. */
export type AppState = PlanSlice & SaveSlice & UiSlice & SimulationSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createPlanSlice(...a),
  ...createSaveSlice(...a),
  ...createUiSlice(...a),
  ...createSimulationSlice(...a),
}));
