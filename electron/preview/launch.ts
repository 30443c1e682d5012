import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { readAppVersion } from '../app-version';
import { createDispatcher } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { defaultUserDataDir } from '../main/user-data';
import { createPlanStore } from '../store/plan-store';
import { startPreviewServer, type PreviewServer } from './server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type LaunchOptions = { userDataDir?: string; port?: number; token?: string; rendererDir?: string };

/**
 * Starts the browser preview with the real store and handlers: the same user-data folder (and plan file) as the
 * desktop app unless told otherwise. Used by `npm run preview`, `npm start` without Electron, and the e2e tests.
 */
export async function launchPreview(
  options: LaunchOptions = {},
): Promise<PreviewServer & { userDataDir: string }> {
  const userDataDir = options.userDataDir ?? defaultUserDataDir();
  const store = createPlanStore({ userDataDir, createDefaultPlan: createSamplePlan });
  const handlers = createHandlers({
    store,
    mode: 'preview',
    version: readAppVersion(join(repoRoot, 'package.json')),
    userDataDir,
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
  return { ...server, userDataDir };
}
