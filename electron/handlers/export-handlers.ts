import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';

/** `export:*`: writes exports the renderer built to disk. */
export function exportHandlers(_ctx: HandlerContext): HandlerGroup {
  const notYet = async (): Promise<never> => {
    throw new IpcError('unsupported', 'Writing exports is not available yet.');
  };
  return { 'export:save': notYet, 'export:pdf': notYet };
}
