import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { readAppVersion } from '../app-version';
import { createDispatcher } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { createChromiumPdfRenderer } from '../export/pdf-chromium';
import { OPTIMIZER_WARM_AFTER_MS } from '../handlers/optimize-handlers';
import { createOptimizeJobs, type OptimizeJobs } from '../optimize/optimize-jobs';
import { defaultUserDataDir } from '../main/user-data';
import { createPrefsStore } from '../prefs/prefs-store';
import { createPlanStore } from '../store/plan-store';
import { startPreviewServer, type PreviewServer } from './server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type LaunchOptions = {
  userDataDir?: string;
  port?: number;
  token?: string;
  rendererDir?: string;
  /** How long after start the optimiser worker is readied (default: as the desktop app does). */
  optimizerWarmAfterMs?: number;
};

/**
 * Starts the browser preview with the real store and handlers: the same user-data folder (and plan file) as the
 * desktop app unless told otherwise. Used by `npm run preview`, `npm start` without Electron, and the e2e tests.
 * Like the desktop app it readies an optimiser worker shortly after start, so a first "Propose" is not cold;
 * `optimizer` is that job registry, stopped on close.
 */
export async function launchPreview(
  options: LaunchOptions = {},
): Promise<PreviewServer & { userDataDir: string; optimizer: OptimizeJobs }> {
  const userDataDir = options.userDataDir ?? defaultUserDataDir();
  const prefs = createPrefsStore({ userDataDir });
  const version = readAppVersion(join(repoRoot, 'package.json'));
  const store = createPlanStore({
    userDataDir,
    createDefaultPlan: createSamplePlan,
    appVersion: version,
    onOpened: (path) =>
      void prefs.addRecentFile(path).catch((e) => console.error('[preview] recent files:', e)),
  });
  await prefs.load().catch((e) => console.error('[preview] preferences:', e));
  if (prefs.notice) console.warn(`[preview] ${prefs.notice.message}`);
  const optimizer = createOptimizeJobs({
    warmAfterMs: options.optimizerWarmAfterMs ?? OPTIMIZER_WARM_AFTER_MS,
  });
  const handlers = createHandlers({
    store,
    prefs,
    mode: 'preview',
    version,
    userDataDir,
    renderPdf: createChromiumPdfRenderer(),
    optimizeJobs: optimizer,
  });
  const dispatch = createDispatcher(handlers, (error, channel) =>
    console.error(`[preview] ${channel}:`, error),
  );
  const server = await startPreviewServer({
    rendererDir: options.rendererDir ?? join(repoRoot, 'out/renderer'),
    dispatch,
    port: options.port,
    token: options.token,
  });
  return {
    ...server,
    userDataDir,
    optimizer,
    close: async () => {
      await optimizer.dispose();
      await server.close();
    },
  };
}
