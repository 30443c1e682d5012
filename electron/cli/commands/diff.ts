import { diffPlans, renderPlanDiff } from '../../../shared/git/plan-diff';
import { planAsText } from '../../../shared/git/plan-text';
import { parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';

/** Where git says a side of a diff does not exist (an added or deleted file). */
const NO_FILE = '/dev/null';

export const diffCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } });
    // Two files, or git's external diff call: path old-file old-hex old-mode new-file new-hex new-mode.
    let oldFile: string;
    let newFile: string;
    let title: string | null = null;
    if (positionals.length === 1) {
      // git's textconv: the plan as readable lines, so `git log -p` (which runs no external diff) reads well.
      io.stdout(planAsText((await loadPlanFile(positionals[0]!, io)).plan));
      return 0;
    }
    if (positionals.length === 2) [oldFile, newFile] = positionals as [string, string];
    else if (positionals.length === 7) {
      [title, oldFile, , , newFile] = positionals as [string, string, string, string, string];
    } else
      throw new UsageError(
        "diff takes OLD NEW, one FILE (its text view, for git textconv) or git's seven external diff arguments",
      );
    if (title !== null) io.stdout(`rotaplan diff ${title}\n`);
    if (oldFile === NO_FILE || newFile === NO_FILE) {
      const { plan } = await loadPlanFile(oldFile === NO_FILE ? newFile : oldFile, io);
      const what = oldFile === NO_FILE ? 'New plan' : 'Deleted plan';
      io.stdout(
        values.json
          ? `${JSON.stringify({ [oldFile === NO_FILE ? 'added' : 'removed']: plan.meta.name }, null, 2)}\n`
          : `${what} "${plan.meta.name}": ${plan.members.length} members, ${plan.pipelines.length} pipelines, ${plan.shifts.length} shifts\n`,
      );
      return 0;
    }
    const { plan: old } = await loadPlanFile(oldFile, io);
    const { plan: next } = await loadPlanFile(newFile, io);
    const diff = diffPlans(old, next);
    io.stdout(values.json ? `${JSON.stringify(diff, null, 2)}\n` : renderPlanDiff(old, next, diff));
    return 0;
  },
};
