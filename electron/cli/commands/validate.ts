import { layerOverlapProblems } from '../../../shared/plan/layer-overlaps';
import { unknownPlanKeys } from '../../../shared/plan/unknown-keys';
import { loadPlanFile } from '../load-plan';
import { parseFlags, UsageError, type Command } from '../cli-io';

export const validateCommand: Command = {
  async run(args, io) {
    const { positionals } = parseFlags(args, {});
    if (positionals.length !== 1) throw new UsageError('validate takes exactly one FILE');
    const file = positionals[0]!;
    const { plan, migratedFrom } = await loadPlanFile(file, io);
    const overlaps = layerOverlapProblems(plan);
    if (overlaps.length > 0) {
      for (const p of overlaps) io.stderr(`${p.path}: ${p.message}\n`);
      return 1;
    }
    const note = migratedFrom === null ? '' : ` (migrated from schema ${migratedFrom})`;
    io.stdout(
      `${file}: valid plan "${plan.meta.name}"${note}: ${plan.members.length} members, ${plan.pipelines.length} pipelines, ${plan.shifts.length} shifts\n`,
    );
    const unknown = unknownPlanKeys(plan);
    if (unknown.length > 0) {
      io.stderr(
        `note: ${unknown.length} key${unknown.length === 1 ? '' : 's'} this Rotaplan does not know ${unknown.length === 1 ? 'is' : 'are'} kept as ${unknown.length === 1 ? 'it is' : 'they are'}:\n${unknown.map((k) => `  ${k}\n`).join('')}`,
      );
    }
    return 0;
  },
};
