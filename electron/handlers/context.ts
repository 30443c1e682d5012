import type { PlanStore } from '../store/plan-store';

/** What handlers may use: the store and facts about the shell they run in (Electron or the preview). */
export type HandlerContext = {
  store: PlanStore;
  mode: 'electron' | 'preview';
  version: string;
  userDataDir: string;
};
