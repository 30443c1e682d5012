import { create } from 'zustand';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/prefs/preferences';
import { api, ApiError } from '../api/api';

/** The user's preferences in the renderer: loaded once, changed through `prefs:set`, applied live. */
export type PreferencesState = {
  prefs: Preferences;
  status: 'idle' | 'loading' | 'ready' | 'unavailable';
  error: string | null;
  load: () => Promise<void>;
  /** Saves a change; the store keeps what main answered (the validated whole), or the error. */
  update: (patch: Partial<Preferences>) => Promise<boolean>;
};

const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

/**
 * Preferences live in their own small store, apart from the plan's slices: they are the person's, not the
 * plan's, and survive opening another plan. Until they load (or where a shell has none) the defaults apply.
 */
export const usePreferences = create<PreferencesState>()((set, get) => ({
  prefs: DEFAULT_PREFERENCES,
  status: 'idle',
  error: null,
  async load() {
    set({ status: 'loading' });
    try {
      set({ prefs: await api.prefs.get({}), status: 'ready', error: null });
    } catch (error) {
      set({ status: 'unavailable', error: messageOf(error) });
    }
  },
  async update(patch) {
    // Applied at once so the theme switches while the write runs; main's answer is then the truth, and a
    // refused change is taken back so the screen never shows a preference that was not kept.
    const before = get().prefs;
    set({ prefs: { ...before, ...patch } });
    try {
      set({ prefs: await api.prefs.set({ patch }), error: null });
      return true;
    } catch (error) {
      set({ prefs: before, error: messageOf(error) });
      return false;
    }
  },
}));
