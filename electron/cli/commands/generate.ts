import { checkOutPath, describeWriteError } from '../out-path';
import type { Plan } from '../../../shared/plan/schema';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import { generatePlan, type GenerateResult } from '../../../shared/rotation/generate-plan';
import { isoDateFlag, parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { writeFileDurably } from '../../files/durable-file';

/** The `generate --json` document: one line, so it can be read as the output's last line. */
function toJson(result: GenerateResult): string {
  return JSON.stringify({
    shifts: result.plan.shifts.length,
    changed: result.changed,
    layers: result.layers,
    warnings: result.warnings,
  });
}

function render(plan: Plan, result: GenerateResult, wrote: string | null): string {
  const layers = result.layers.map((l) => `${l.name} ${l.shifts}`).join(', ');
  const lines = [
    `${plan.meta.name}: ${result.plan.shifts.length} shifts (${layers}); ${result.changed} differ from the plan read`,
  ];
  for (const w of result.warnings.slice(0, 30)) lines.push(`  ${w.kind}: ${w.message}`);
  if (result.warnings.length > 30) lines.push(`  … and ${result.warnings.length - 30} more warnings`);
  lines.push(
    wrote ? `Wrote the generated plan to ${wrote}` : 'Nothing written: add --out FILE2 to save the plan.',
  );
  return `${lines.join('\n')}\n`;
}

export const generateCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('generate takes exactly one FILE');
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const file = positionals[0]!;
    const outPath = typeof values.out === 'string' ? await checkOutPath(values.out, 'plan', [file]) : null;
    const { plan } = await loadPlanFile(file, io);
    const result = generatePlan(plan, { from, to });
    let wrote: string | null = null;
    if (outPath !== null && typeof values.out === 'string') {
      const out = values.out;
      const next: Plan = { ...result.plan, meta: { ...plan.meta, updatedAt: io.now().toISOString() } };
      await writeFileDurably(outPath, layoutPlan(next)).catch((error: unknown) => {
        throw new Error(describeWriteError(out, error));
      });
      wrote = out;
    }
    if (values.json) {
      if (wrote) io.stderr(`Wrote the generated plan to ${wrote}\n`);
      io.stdout(`${toJson(result)}\n`);
    } else io.stdout(render(plan, result, wrote));
    return 0;
  },
};
