import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { parseFlags, UsageError, type Command } from '../cli-io';
import { checkOutPath, describeWriteError } from '../out-path';
import { writeFileDurably } from '../../files/durable-file';

/** The sample plans by `--variant` name; the first is the default. */
const VARIANTS = {
  weekly: { make: createSamplePlan, what: 'the sample plan' },
  'follow-the-sun': {
    make: (now: string) => createFollowTheSunPlan(now),
    what: 'the follow-the-sun sample plan (Kolkata, Berlin, New York)',
  },
} as const;

export const sampleCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      out: { type: 'string' },
      variant: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError('sample takes no file argument (use --out FILE)');
    const name = values.variant ?? 'weekly';
    if (!Object.hasOwn(VARIANTS, name)) {
      throw new UsageError(`--variant must be one of ${Object.keys(VARIANTS).join(', ')}`);
    }
    const variant = VARIANTS[name as keyof typeof VARIANTS];
    const text = layoutPlan(variant.make(io.now().toISOString()));
    if (typeof values.out === 'string') {
      const out = values.out;
      const path = await checkOutPath(out, 'sample', []);
      await writeFileDurably(path, text).catch((error: unknown) => {
        throw new Error(describeWriteError(out, error));
      });
      io.stderr(`Wrote ${variant.what} to ${values.out}\n`);
    } else io.stdout(text);
    return 0;
  },
};
