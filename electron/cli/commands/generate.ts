import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plan } from '../../../shared/plan/schema';
import { generatePlan, type GenerateResult } from '../../../shared/rotation/generate-plan';
import { isoDateFlag, parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';

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
  usage:
    'generate FILE --out FILE2 [--from DATE] [--to DATE] [--json]\n' +
    '                             build the shifts from the rotation settings (as Regenerate in the app does)',
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
    if (typeof values.out === 'string' && resolve(values.out) === resolve(file)) {
      throw new UsageError('--out must name another file: generate never writes over the plan it read');
    }
    const { plan } = await loadPlanFile(file, io);
    const result = generatePlan(plan, { from, to });
    let wrote: string | null = null;
    if (typeof values.out === 'string') {
      const next: Plan = { ...result.plan, meta: { ...plan.meta, updatedAt: io.now().toISOString() } };
      await writeFile(resolve(values.out), `${JSON.stringify(next, null, 2)}\n`, 'utf8');
      wrote = values.out;
    }
    if (values.json) {
      if (wrote) io.stderr(`Wrote the generated plan to ${wrote}\n`);
      io.stdout(`${toJson(result)}\n`);
    } else io.stdout(render(plan, result, wrote));
    return 0;
  },
};
