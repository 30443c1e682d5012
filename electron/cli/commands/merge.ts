import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { mergePlans } from '../../../shared/git/plan-merge';
import { showValue } from '../../../shared/git/plan-entities';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import type { MergeConflict, Plan } from '../../../shared/plan/schema';
import { writeFileDurably } from '../../files/durable-file';
import { parseFlags, UsageError, type CliIo, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';

/** A conflict as `--json` names it. */
function conflictJson(c: MergeConflict) {
  return {
    kind: c.kind,
    entity: c.entity,
    id: c.entityId ?? null,
    path: c.path,
    message: c.message,
    ours: c.ours ?? null,
    theirs: c.theirs ?? null,
  };
}

function report(conflicts: readonly MergeConflict[], json: boolean, io: CliIo, file: string): void {
  if (json) {
    io.stdout(
      `${JSON.stringify({ clean: conflicts.length === 0, conflicts: conflicts.map(conflictJson) }, null, 2)}\n`,
    );
    return;
  }
  if (conflicts.length === 0) {
    io.stderr(`rotaplan merge: merged ${file} cleanly\n`);
    return;
  }
  io.stderr(
    `rotaplan merge: ${conflicts.length} conflict(s) recorded in ${file}; resolve them in Rotaplan:\n`,
  );
  for (const c of conflicts) {
    io.stderr(
      `  ${c.path || '(plan)'}: ${c.message} (ours ${showValue(c.ours)}, theirs ${showValue(c.theirs)})\n`,
    );
  }
}

/** The common ancestor, or null when git has none (both sides added the file): then every difference is theirs vs ours. */
async function loadBase(file: string, io: CliIo): Promise<Plan | null> {
  const text = await readFile(resolve(file), 'utf8').catch(() => null);
  if (text !== null && text.trim() === '') return null;
  return (await loadPlanFile(file, io)).plan;
}

export const mergeCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } });
    const json = values.json === true;
    if (positionals.length === 1) {
      // The conflicts a merge left in a plan, for a person or script after `git merge` stopped.
      const { plan } = await loadPlanFile(positionals[0]!, io);
      const recorded = plan.mergeConflicts ?? [];
      report(recorded, json, io, positionals[0]!);
      return recorded.length === 0 ? 0 : 1;
    }
    if (positionals.length !== 3) {
      throw new UsageError(
        'merge takes BASE OURS THEIRS (git: rotaplan merge %O %A %B), or one FILE to list its conflicts',
      );
    }
    const [baseFile, oursFile, theirsFile] = positionals as [string, string, string];
    const base = await loadBase(baseFile, io);
    const { plan: ours } = await loadPlanFile(oursFile, io);
    const { plan: theirs } = await loadPlanFile(theirsFile, io);
    const merged = mergePlans(base, ours, theirs);
    await writeFileDurably(resolve(oursFile), layoutPlan(merged.plan));
    report(merged.conflicts, json, io, oursFile);
    return merged.conflicts.length === 0 ? 0 : 1;
  },
};
