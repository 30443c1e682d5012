import type { StateCreator } from 'zustand';
import { api, ApiError } from '../api/api';
import type { AppState } from './store';

/** How long after the last edit the plan is written (edits in a burst become one save). */
export const SAVE_DEBOUNCE_MS = 400;

/** The save state the top bar always shows. */
export type SaveSlice = {
  saveStatus: 'saved' | 'pending' | 'saving' | 'failed';
  saveError: string | null;
  lastSavedAt: string | null;
  scheduleSave: () => void;
  /** Saves now (used by Ctrl+S and before the window closes); resolves when the plan on disk is current. */
  saveNow: () => Promise<void>;
};

let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> = Promise.resolve();

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set, get) => {
  async function write(): Promise<void> {
    const plan = get().plan;
    if (!plan) return;
    set({ saveStatus: 'saving' });
    try {
      const saved = await api.plan.save({ plan });
      // Another edit may have arrived while this save ran: it has its own save scheduled.
      if (get().plan === plan) set({ saveStatus: 'saved', saveError: null, lastSavedAt: saved.savedAt });
    } catch (error) {
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      set({ saveStatus: 'failed', saveError: message });
    }
  }
  return {
    saveStatus: 'saved',
    saveError: null,
    lastSavedAt: null,
    scheduleSave() {
      set({ saveStatus: 'pending' });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        running = running.then(write);
      }, SAVE_DEBOUNCE_MS);
    },
    saveNow() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      running = running.then(write);
      return running;
    },
  };
};
