import type { HandlerGroup } from './dispatch';
import type { HandlerContext } from './context';

/** `plan:*`: load, save, open, save-as and backups, all through the plan store. */
export function planHandlers({ store }: HandlerContext): HandlerGroup {
  return {
    'plan:load': () => store.load(),
    'plan:save': ({ plan }) => store.save(plan),
    'plan:open': ({ path }) => store.open(path),
    'plan:saveAs': ({ path }) => store.saveAs(path),
    'plan:backups': () => store.listBackups(),
    'plan:restoreBackup': ({ id }) => store.restoreBackup(id),
  };
}
