import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** `plan:new` and `plan:openText`: new plan files and copies of plans handed over as text. */
export function planFileHandlers(_ctx: HandlerContext): HandlerGroup {
  const notYet = async (): Promise<never> => {
    throw new IpcError('unsupported', 'Not available yet.');
  };
  return { 'plan:new': notYet, 'plan:openText': notYet };
}
