import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** The views of the left navigation, in order. */
export const VIEW_IDS = [
  'team',
  'pipelines',
  'ownership',
  'calendar',
  'fairness',
  'operations',
  'export',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];

/** Which view is shown. */
export type UiSlice = { view: ViewId; setView: (view: ViewId) => void };

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'team',
  setView: (view) => set({ view }),
});
