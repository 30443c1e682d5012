import type { StateCreator } from 'zustand';
import { api, ApiError } from '../api/api';
import type { AppState } from './store';

/** How long after the last edit the plan is written (edits in a burst become one save). */
export const SAVE_DEBOUNCE_MS = 400;

/** A save refused because another program changed the file: the conflict dialog asks what to keep. */
export type SaveConflict = { message: string };

/** The save state the top bar always shows. */
export type SaveSlice = {
  saveStatus: 'saved' | 'pending' | 'saving' | 'failed';
  saveError: string | null;
  lastSavedAt: string | null;
  /** Set while a conflict waits for the user's choice; saves wait too (they would be refused again). */
  conflict: SaveConflict | null;
  /** The user chose (reload, keep mine): saves resume. */
  clearConflict: () => void;
  scheduleSave: () => void;
  /** Saves now (used by Ctrl+S and before the window closes); resolves when the plan on disk is current. */
  saveNow: () => Promise<void>;
};

let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> = Promise.resolve();

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set, get) => {
  async function write(): Promise<void> {
    const plan = get().plan;
    if (!plan || get().conflict) return;
    set({ saveStatus: 'saving' });
    try {
      const saved = await api.plan.save({ plan });
      // Another edit may have arrived while this save ran: it has its own save scheduled.
      if (get().plan === plan) set({ saveStatus: 'saved', saveError: null, lastSavedAt: saved.savedAt });
    } catch (error) {
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      // Another program changed the file: never retry over it; the conflict dialog offers the ways out.
      const conflict = error instanceof ApiError && error.shape.code === 'conflict' ? { message } : null;
      set({ saveStatus: 'failed', saveError: message, ...(conflict ? { conflict } : {}) });
    }
  }
  return {
    saveStatus: 'saved',
    saveError: null,
    lastSavedAt: null,
    conflict: null,
    clearConflict() {
      set({ conflict: null });
    },
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
