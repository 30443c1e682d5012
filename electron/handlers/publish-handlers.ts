import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isPublishProblem } from '../../shared/publish/publish-problem';
import { availablePublishTargets, publishTarget } from '../../shared/publish/targets';
import { publishPlan, publishWindow } from '../../shared/publish/verify-publish';
import { writeFileDurably } from '../files/durable-file';
import type { HandlerContext } from './context';
import { checkedPlan } from './checked-plan';
import type { HandlerGroup } from './dispatch';
import { exportFolder } from './export-handlers';
import { IpcError } from './ipc-error';

/** A new folder `<base>`, `<base> (2)` … under `parent`, created here so two publishes never share one. */
async function newFolder(parent: string, base: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  for (let n = 1; n < 10_000; n++) {
    const folder = join(parent, n === 1 ? base : `${base} (${n})`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new IpcError('io', `There is no free folder name for ${base} in ${parent}.`);
}

/**
 * `publish:*`: the paging tools this build publishes to, and publishing: the plan compiled for a target, expanded
 * back by the tool's rules and compared with the plan; the files go into a new folder under the export folder only
 * when they page exactly the plan. The plan is checked at the same door as a save.
 */
export function publishHandlers(ctx: HandlerContext): HandlerGroup {
  return {
    'publish:targets': async () =>
      availablePublishTargets().map((t) => ({ id: t.id, label: t.label, needsUserIds: t.needsUserIds })),
    'publish:run': async ({ plan: raw, target: id, userIds, write }) => {
      const plan = checkedPlan(raw, 'Nothing was published');
      const target = publishTarget(id);
      if (isPublishProblem(target))
        throw new IpcError('unsupported', `Nothing was published: ${target.message}.`);
      const outcome = publishPlan(target, { plan, window: publishWindow(plan), userIds });
      if (isPublishProblem(outcome))
        throw new IpcError('bad-payload', `Nothing was published: ${outcome.message}.`);
      let folder: string | null = null;
      if (write && outcome.verified) {
        folder = await newFolder(await exportFolder(ctx), `publish-${target.id}`);
        for (const file of outcome.files) {
          const path = join(folder, ...file.path.split('/'));
          await mkdir(dirname(path), { recursive: true });
          await writeFileDurably(path, file.text);
        }
      }
      return {
        target: target.id,
        verified: outcome.verified,
        differingMinutes: outcome.differingMinutes,
        differences: outcome.differences.map((d) => d.message),
        notes: outcome.notes,
        schedules: outcome.schedules,
        layers: outcome.layers,
        overrides: outcome.overrides,
        files: outcome.files.map((f) => f.path),
        folder,
      };
    },
  };
}
