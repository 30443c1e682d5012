import type { LoadedPlan } from '../../../../shared/ipc/contract';
import { ApiError } from '../../api/api';
import { useAppStore } from '../../store/store';

/** What opening another plan came to: opened, cancelled by the user, or refused with a sentence. */
export type OpenOutcome =
  { kind: 'opened'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/**
 * Saves pending edits to the plan that is open, then runs `open` and takes in the plan it returns.
 * Why save first: the store switches files on open, so an edit not yet written would be saved into the new file
 * or lost; when the edits cannot be saved (a conflict, a failed save) nothing is opened and nothing is dropped.
 */
export async function openAfterSaving(open: () => Promise<LoadedPlan | null>): Promise<OpenOutcome> {
  const store = useAppStore.getState;
  if (store().conflict) {
    return {
      kind: 'failed',
      message: 'Resolve the save conflict first: your latest changes are not written yet.',
    };
  }
  for (let i = 0; i < 5 && store().saveStatus !== 'saved'; i += 1) {
    await store().saveNow();
    if (store().saveStatus === 'failed' || store().conflict) {
      return {
        kind: 'failed',
        message: `Your latest changes could not be saved (${store().saveError ?? 'unknown error'}), so no other plan was opened.`,
      };
    }
  }
  try {
    const loaded = await open();
    if (!loaded) return { kind: 'cancelled' };
    store().replacePlan(loaded);
    return { kind: 'opened', path: loaded.path };
  } catch (error) {
    return {
      kind: 'failed',
      message: error instanceof ApiError || error instanceof Error ? error.message : String(error),
    };
  }
}

/** True in the desktop app (the preload bridge is there), false in the browser preview. */
export const isDesktop = (): boolean => globalThis.rotaplan !== undefined;

/** Reads a picked or dropped file as bytes, refusing one over `limit` without reading it. */
export async function readFileBytes(file: File, limit: number): Promise<Uint8Array> {
  if (file.size > limit) {
    throw new Error(
      `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; files over ${limit / (1024 * 1024)} MB are refused.`,
    );
  }
  return new Uint8Array(await file.arrayBuffer());
}

/** Decodes bytes as strict UTF-8 or says the file is not UTF-8 text. */
export function strictUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${fileName} is not UTF-8 text; Rotaplan plans are UTF-8 JSON.`);
  }
}
