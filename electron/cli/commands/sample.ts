import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { parseFlags, UsageError, type Command } from '../cli-io';

export const sampleCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError('sample takes no file argument (use --out FILE)');
    const text = layoutPlan(createSamplePlan(io.now().toISOString()));
    if (typeof values.out === 'string') {
      await writeFile(resolve(values.out), text, 'utf8');
      io.stderr(`Wrote the sample plan to ${values.out}\n`);
    } else io.stdout(text);
    return 0;
  },
};
