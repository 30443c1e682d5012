import { loadPlanFile } from '../load-plan';
import { parseFlags, UsageError, type Command } from '../cli-io';

export const validateCommand: Command = {
  async run(args, io) {
    const { positionals } = parseFlags(args, {});
    if (positionals.length !== 1) throw new UsageError('validate takes exactly one FILE');
    const file = positionals[0]!;
    const { plan, migratedFrom } = await loadPlanFile(file, io);
    const note = migratedFrom === null ? '' : ` (migrated from schema ${migratedFrom})`;
    io.stdout(
      `${file}: valid plan "${plan.meta.name}"${note}: ${plan.members.length} members, ${plan.pipelines.length} pipelines, ${plan.shifts.length} shifts\n`,
    );
    return 0;
  },
};
