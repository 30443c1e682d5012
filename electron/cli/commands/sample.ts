import { writeFile } from 'node:fs/promises';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { parseFlags, UsageError, type Command } from '../cli-io';
import { checkOutPath, describeWriteError } from '../out-path';

export const sampleCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError('sample takes no file argument (use --out FILE)');
    const text = `${JSON.stringify(createSamplePlan(io.now().toISOString()), null, 2)}\n`;
    if (typeof values.out === 'string') {
      const out = values.out;
      const path = await checkOutPath(out, 'sample', []);
      await writeFile(path, text, 'utf8').catch((error: unknown) => {
        throw new Error(describeWriteError(out, error));
      });
      io.stderr(`Wrote the sample plan to ${values.out}\n`);
    } else io.stdout(text);
    return 0;
  },
};
