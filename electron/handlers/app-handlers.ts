import { planGitStatus } from '../git/plan-git-status';
import type { HandlerGroup } from './dispatch';
import type { HandlerContext } from './context';
import { tzDataVersions } from './tz-versions';

/** `app:*`: facts about the running app. */
export function appHandlers(ctx: HandlerContext): HandlerGroup {
  return {
    'app:info': async () => ({
      version: ctx.version,
      mode: ctx.mode,
      planPath: ctx.store.currentPath,
      userDataDir: ctx.userDataDir,
      tz: tzDataVersions(),
    }),
    'app:gitStatus': async () => planGitStatus(ctx.store.currentPath),
  };
}
