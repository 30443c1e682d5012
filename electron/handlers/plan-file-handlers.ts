import { join } from 'node:path';
import type { LoadNotice } from '../../shared/ipc/contract';
import { migratedNotice, planRefusal, readPlan } from '../files/read-plan';
import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** Where new plans and opened copies live: `<userDataDir>/plans/`. */
export const plansFolder = (userDataDir: string) => join(userDataDir, 'plans');

/**
 * Reads a plan handed over as text (a browser's file input, a drop): parse, validate and migrate exactly as a
 * load would, or refuse with a message naming the problem (and the version, for a plan from a newer Rotaplan).
 * Why it throws IpcError: the dispatcher turns it into `{ code, message, problems }` for the renderer.
 */
export function planFromText(text: string, fileName: string): { plan: unknown; notice: LoadNotice | null } {
  const read = readPlan(text);
  if (!read.ok) {
    throw new IpcError(
      read.reason === 'newer-version' ? 'newer-version' : 'invalid-plan',
      `${planRefusal(fileName, read.reason, read.problems)}. The plan you had open is unchanged.`,
      read.problems,
    );
  }
  const notice =
    read.migratedFrom === null
      ? null
      : migratedNotice(fileName, read.migratedFrom, 'the file you picked is unchanged');
  return { plan: read.plan, notice };
}

/** `plan:new` and `plan:openText`: new plan files and copies of plans handed over as text. */
export function planFileHandlers({ store, userDataDir }: HandlerContext): HandlerGroup {
  return {
    'plan:openText': async ({ text, fileName }) => {
      const { plan, notice } = planFromText(text, fileName);
      return store.createFile(plansFolder(userDataDir), fileName, plan, notice);
    },
    'plan:new': async ({ plan }) => {
      const name = (plan as { meta?: { name?: unknown } }).meta?.name;
      return store.createFile(plansFolder(userDataDir), typeof name === 'string' ? name : 'New plan', plan);
    },
  };
}
