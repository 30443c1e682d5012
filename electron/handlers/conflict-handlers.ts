import type { HandlerGroup } from './dispatch';
import type { HandlerContext } from './context';

/**
 * `conflict:*`: the three ways out of a save refused because another program changed the file (reload theirs,
 * keep mine as a copy beside it, compare the two). Why a domain of its own: the store refuses the save; these are
 * what the user chooses next, and none of them overwrites the other program's file.
 */
export function conflictHandlers({ store }: HandlerContext): HandlerGroup {
  return {
    'conflict:reload': () => store.reload(),
    'conflict:keepMine': ({ plan }) => store.keepMineAsCopy(plan),
    'conflict:compare': ({ plan }) => store.compareWithDisk(plan),
  };
}
