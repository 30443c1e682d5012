import { appHandlers } from './app-handlers';
import { conflictHandlers } from './conflict-handlers';
import type { HandlerContext } from './context';
import { mergeHandlers, type HandlerMap } from './dispatch';
import { planHandlers } from './plan-handlers';
import { refHandlers } from './ref-handlers';

/** Every handler, merged from the domain groups; used by Electron main and the preview server alike. */
export function createHandlers(ctx: HandlerContext): HandlerMap {
  return mergeHandlers(appHandlers(ctx), planHandlers(ctx), refHandlers(), conflictHandlers(ctx));
}

export type { HandlerContext } from './context';
