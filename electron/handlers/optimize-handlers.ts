import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** `optimize:*`: optimiser jobs. */
export function optimizeHandlers(_ctx: HandlerContext): HandlerGroup {
  const notYet = async (): Promise<never> => {
    throw new IpcError('unsupported', 'The optimiser is not available yet.');
  };
  return { 'optimize:start': notYet, 'optimize:status': notYet, 'optimize:cancel': notYet };
}
