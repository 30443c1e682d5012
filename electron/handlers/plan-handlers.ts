import type { PlanPatch } from '../../shared/plan/plan-patch';
import type { HandlerGroup } from './dispatch';
import type { HandlerContext } from './context';

/** `plan:*`: load, save (whole or as a patch), open, save-as and backups, all through the plan store. */
export function planHandlers({ store }: HandlerContext): HandlerGroup {
  return {
    'plan:load': () => store.load(),
    'plan:save': ({ plan, baseRevision }) => store.save(plan, baseRevision),
    // The wire shape is checked by the contract; the rebuilt plan is validated in full by the store.
    'plan:savePatch': ({ baseRevision, patch }) =>
      store.savePatch(baseRevision, patch as unknown as PlanPatch),
    'plan:open': ({ path }) => store.open(path),
    'plan:saveAs': ({ path }) => store.saveAs(path),
    'plan:backups': () => store.listBackups(),
    'plan:restoreBackup': ({ id }) => store.restoreBackup(id),
  };
}
