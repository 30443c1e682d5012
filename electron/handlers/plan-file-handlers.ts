import { join } from 'node:path';
import type { LoadNotice } from '../../shared/ipc/contract';
import { validatePlanFully } from '../../shared/plan/validate-full';
import { describeJsonError } from '../files/json-error';
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
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const p = describeJsonError(text, error);
    throw new IpcError(
      'invalid-plan',
      `${fileName} is not JSON (${p.path}: ${p.message}). The plan you had open is unchanged.`,
      [p],
    );
  }
  const result = validatePlanFully(raw);
  if (!result.ok) {
    const shown = result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
    const more = result.problems.length > 3 ? ` (and ${result.problems.length - 3} more)` : '';
    const what = result.kind === 'newer-version' ? 'comes from a newer Rotaplan' : 'is not a valid plan';
    throw new IpcError(
      result.kind === 'newer-version' ? 'newer-version' : 'invalid-plan',
      `${fileName} ${what}: ${shown.join('; ')}${more}. The plan you had open is unchanged.`,
      result.problems,
    );
  }
  const notice: LoadNotice | null =
    result.migratedFrom === null
      ? null
      : {
          kind: 'migrated',
          message: `${fileName} was written by an older Rotaplan (schema ${result.migratedFrom}); this copy was upgraded, the file you picked is unchanged.`,
        };
  return { plan: result.plan, notice };
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
