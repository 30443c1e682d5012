import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** `prefs:*`: the user's preferences, kept apart from the plan (electron/prefs/prefs-store.ts). */
export function prefsHandlers(ctx: HandlerContext): HandlerGroup {
  const store = () => {
    if (!ctx.prefs) throw new IpcError('unsupported', 'Preferences are not available here.');
    return ctx.prefs;
  };
  return {
    'prefs:get': () => store().get(),
    'prefs:set': ({ patch }) => store().set(patch),
  };
}
