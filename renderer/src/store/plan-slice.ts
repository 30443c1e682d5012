import type { StateCreator } from 'zustand';
import type { LoadedPlan, LoadNotice } from '../../../shared/ipc/contract';
import { applyEdit, type EditResult, type PlanEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import { PlanValidator } from '../../../shared/plan/plan-validator';
import type { HolidayCalendar } from '../../../shared/time/holiday-calendar';
import { api, ApiError } from '../api/api';
import { takeStartedPlanLoad } from '../api/early-plan-load';
import { loadHolidayCalendar } from './holiday-calendar';
import type { AppState } from './store';

const HISTORY_LIMIT = 100;

/** A dry run of an edit: the plan it ran on and the valid plan it gave. */
export type EditTrial = { before: Plan; after: Plan };

/** The open plan, its history for undo/redo, and how it was loaded. */
export type PlanSlice = {
  loadStatus: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: string | null;
  plan: Plan | null;
  path: string;
  notice: LoadNotice | null;
  past: Plan[];
  future: Plan[];
  /**
   * Validates every edit of the open plan, judging again only the shifts an edit changed. Owned here: it remembers
   * the shifts of this store's plans, and another store (a test's, say) has its own.
   */
  validator: PlanValidator;
  /**
   * This window's public holidays (date-holidays, lists kept in localStorage), loaded beside the first plan and
   * set with it, so it is there whenever a plan is: edits that regenerate shifts (shadow learners' holidays) and
   * the calendar's holiday marks ask it. Owned here, like the validator: what it has computed stays warm.
   */
  holidays: HolidayCalendar | null;
  loadPlan: () => Promise<void>;
  /**
   * Applies a pure edit; on success it is recorded for undo and saved soon after. `trial` is a dry run of the same
   * edit the caller already made (`applyEdit` on `before`): while the open plan is still `before`, its result is
   * taken (stamped with the current time) instead of applying and validating the edit a second time.
   */
  edit: (edit: PlanEdit, trial?: EditTrial) => EditResult;
  undo: () => void;
  redo: () => void;
  dismissNotice: () => void;
  /** Replaces the open plan with one the store handed out (open, restore); the old one stays undoable. */
  replacePlan: (loaded: LoadedPlan) => void;
  /**
   * Main opened another file (`plan:switched`): writes pending edits to the old file first, then opens the new
   * one. Refused, with the reason, while edits cannot be saved (a conflict, a failed save): nothing is dropped.
   */
  switchToFile: (path: string) => Promise<{ ok: true } | { ok: false; message: string }>;
};

export const createPlanSlice: StateCreator<AppState, [], [], PlanSlice> = (set, get) => ({
  loadStatus: 'idle',
  loadError: null,
  plan: null,
  path: '',
  notice: null,
  past: [],
  future: [],
  validator: new PlanValidator(),
  holidays: null,
  async loadPlan() {
    set({ loadStatus: 'loading', loadError: null });
    try {
      // The first load was asked for as the app started (boot.ts); Try again asks anew.
      const [loaded, holidays] = await Promise.all([
        takeStartedPlanLoad() ?? api.plan.load({}),
        get().holidays ?? loadHolidayCalendar(),
      ]);
      // Main validated it before sending: the first edit then re-judges only the shifts it changes.
      get().validator.markValidated(loaded.plan);
      set({
        loadStatus: 'ready',
        holidays,
        plan: loaded.plan,
        path: loaded.path,
        notice: loaded.notice,
        past: [],
        future: [],
        saveStatus: 'saved',
        saveError: null,
        savedBase: { plan: loaded.plan, revision: loaded.revision },
      });
    } catch (error) {
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      set({ loadStatus: 'failed', loadError: message });
    }
  },
  edit(edit, trial) {
    const { plan } = get();
    if (!plan) return { ok: false, reason: 'No plan is open.', problems: [] };
    const now = new Date().toISOString();
    // Only the stamp differs from the dry run's result; applying and validating again is slow on a big plan.
    const result: EditResult =
      trial && trial.before === plan
        ? { ok: true, plan: { ...trial.after, meta: { ...trial.after.meta, updatedAt: now } } }
        : applyEdit(plan, edit, now, get().validator, get().holidays ?? undefined);
    if (result.ok) {
      set((s) => ({ plan: result.plan, past: [...s.past, plan].slice(-HISTORY_LIMIT), future: [] }));
      get().scheduleSave();
    }
    return result;
  },
  undo() {
    const { past, plan, future } = get();
    const previous = past[past.length - 1];
    if (!previous || !plan) return;
    set({ plan: previous, past: past.slice(0, -1), future: [plan, ...future] });
    get().scheduleSave();
  },
  redo() {
    const { past, plan, future } = get();
    const next = future[0];
    if (!next || !plan) return;
    set({ plan: next, past: [...past, plan], future: future.slice(1) });
    get().scheduleSave();
  },
  dismissNotice() {
    set({ notice: null });
  },
  replacePlan(loaded) {
    const { plan } = get();
    get().validator.markValidated(loaded.plan);
    set((s) => ({
      plan: loaded.plan,
      path: loaded.path,
      notice: loaded.notice,
      past: plan && s.path === loaded.path ? [...s.past, plan].slice(-HISTORY_LIMIT) : [],
      future: [],
      saveStatus: 'saved',
      saveError: null,
      savedBase: { plan: loaded.plan, revision: loaded.revision },
    }));
  },
  async switchToFile(path) {
    const unsaved = (why: string) => ({
      ok: false as const,
      message: `${path} was not opened: ${why} Your plan stays open; open the file again once it is saved.`,
    });
    if (get().conflict) return unsaved('your latest changes wait for you to resolve a conflict.');
    // An edit made while a save runs schedules another save; flush until nothing is pending.
    for (let i = 0; i < 5 && get().saveStatus !== 'saved'; i += 1) {
      await get().saveNow();
      if (get().saveStatus === 'failed' || get().conflict)
        return unsaved(`your latest changes could not be saved (${get().saveError ?? 'unknown error'}).`);
    }
    try {
      get().replacePlan(await api.plan.open({ path }));
      return { ok: true };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },
});
