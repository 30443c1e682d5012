import type { RotaplanApi } from '../../shared/ipc/contract';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { HolidayCalendar } from '../../shared/time/holiday-calendar';
import { useAppStore } from '../../renderer/src/store/store';

/**
 * Puts a preload bridge in place whose saves succeed. The bridge is the renderer's boundary; `extra` adds the
 * other channels a view calls (e.g. ref.holidayRegions).
 */
export function useSavingBridge(extra: Record<string, Record<string, unknown>> = {}): void {
  globalThis.rotaplan = {
    ...extra,
    plan: {
      save: async () => ({
        ok: true,
        value: { path: '/p', revision: 'r', savedAt: '2026-11-27T00:00:00Z' },
      }),
      ...extra.plan,
    },
  } as unknown as RotaplanApi;
}

/** Puts the sample plan in the store and a bridge whose saves succeed (see `useSavingBridge`). */
export function useSamplePlanWithBridge(extra: Record<string, Record<string, unknown>> = {}): void {
  useSavingBridge(extra);
  useAppStore.setState({
    plan: createSamplePlan('2026-11-27T00:00:00.000Z'),
    holidays: new HolidayCalendar(),
    past: [],
    future: [],
    loadStatus: 'ready',
  });
}

/** Removes the bridge again. */
export function removeBridge(): void {
  globalThis.rotaplan = undefined;
}
