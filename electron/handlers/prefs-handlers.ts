import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** `prefs:*`: the user's preferences, kept apart from the plan. */
export function prefsHandlers(_ctx: HandlerContext): HandlerGroup {
  const notYet = async (): Promise<never> => {
    throw new IpcError('unsupported', 'Preferences are not available yet.');
  };
  return { 'prefs:get': notYet, 'prefs:set': notYet };
}
