import { appHandlers } from './app-handlers';
import { conflictHandlers } from './conflict-handlers';
import type { HandlerContext } from './context';
import { dialogHandlers } from './dialog-handlers';
import { mergeHandlers, type HandlerMap } from './dispatch';
import { exportHandlers } from './export-handlers';
import { optimizeHandlers } from './optimize-handlers';
import { payHandlers } from './pay-handlers';
import { planFileHandlers } from './plan-file-handlers';
import { planHandlers } from './plan-handlers';
import { prefsHandlers } from './prefs-handlers';
import { publishHandlers } from './publish-handlers';
import { refHandlers } from './ref-handlers';

/** Every handler, merged from the domain groups; used by Electron main and the preview server alike. */
export function createHandlers(ctx: HandlerContext): HandlerMap {
  return mergeHandlers(
    appHandlers(ctx),
    planHandlers(ctx),
    planFileHandlers(ctx),
    refHandlers(),
    conflictHandlers(ctx),
    prefsHandlers(ctx),
    dialogHandlers(ctx),
    exportHandlers(ctx),
    optimizeHandlers(ctx),
    publishHandlers(ctx),
    payHandlers(),
  );
}

export type { HandlerContext, NativeDialogs } from './context';
