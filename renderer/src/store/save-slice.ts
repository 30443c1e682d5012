import type { StateCreator } from 'zustand';
import { MAX_PATCH_SHIFTS } from '../../../shared/ipc/contract';
import { diffPlan } from '../../../shared/plan/plan-patch';
import type { Plan } from '../../../shared/plan/schema';
import { api, ApiError } from '../api/api';
import type { AppState } from './store';

/** How long after the last edit the plan is written (edits in a burst become one save). */
export const SAVE_DEBOUNCE_MS = 400;

/** A save refused because another program changed the file: the conflict dialog asks what to keep. */
export type SaveConflict = { message: string };

/**
 * The plan as main last stored it and that version's revision: saves send only what changed since (a patch).
 * Why: a big plan is megabytes; serialising it whole on every save blocked input. Null when unsure what
 * main holds: the next save then sends the whole plan.
 */
export type SavedBase = { plan: Plan; revision: string };

/** The save state the top bar always shows. */
export type SaveSlice = {
  saveStatus: 'saved' | 'pending' | 'saving' | 'failed';
  saveError: string | null;
  lastSavedAt: string | null;
  /** Set while a conflict waits for the user's choice; saves wait too (they would be refused again). */
  conflict: SaveConflict | null;
  /** What main holds, for patch saves; set on load, open and each save, null when unknown. */
  savedBase: SavedBase | null;
  /** The user chose (reload, keep mine): saves resume. */
  clearConflict: () => void;
  scheduleSave: () => void;
  /** Saves now (used by Ctrl+S and before the window closes); resolves when the plan on disk is current. */
  saveNow: () => Promise<void>;
};

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set, get) => {
  // The debounce timer and the queue of writes belong to this store: a second store (a test's, a second window's)
  // has its own, and never waits for or cancels another's saves.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  /** Sends what changed since the base; a base main no longer holds (or a main without patches) gets it whole. */
  async function send(plan: Plan, base: SavedBase | null) {
    if (base) {
      const patch = diffPlan(base.plan, plan);
      if (patch.upsert.length <= MAX_PATCH_SHIFTS && patch.remove.length <= MAX_PATCH_SHIFTS) {
        try {
          return await api.plan.savePatch({ baseRevision: base.revision, patch });
        } catch (error) {
          const code = error instanceof ApiError ? error.shape.code : null;
          // Nothing was written in either case; any other refusal (a conflict, an invalid plan) stands.
          if (code !== 'stale-base' && code !== 'unknown-channel') throw error;
        }
      }
    }
    // The revision the app last saw goes along: a store that restarted since has read nothing and compares with it.
    return api.plan.save(base ? { plan, baseRevision: base.revision } : { plan });
  }

  async function write(): Promise<void> {
    const { plan, savedBase } = get();
    if (!plan || get().conflict) return;
    set({ saveStatus: 'saving' });
    try {
      const saved = await send(plan, savedBase);
      // A plan opened while this save ran brought its own base; otherwise main now holds exactly `plan`.
      if (get().savedBase === savedBase) set({ savedBase: { plan, revision: saved.revision } });
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
    savedBase: null,
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
