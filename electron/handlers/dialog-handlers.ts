import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** `dialog:*`: native open and save dialogs (Electron only). */
export function dialogHandlers(_ctx: HandlerContext): HandlerGroup {
  const notYet = async (): Promise<never> => {
    throw new IpcError('unsupported', 'Native dialogs are not available yet.');
  };
  return { 'dialog:openPlan': notYet, 'dialog:saveAs': notYet, 'dialog:openIcs': notYet };
}
