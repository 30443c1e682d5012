import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { parseFlags, UsageError, type Command } from '../cli-io';

/** The sample plans by `--variant` name; the first is the default. */
const VARIANTS = {
  weekly: { make: createSamplePlan, what: 'the sample plan' },
  'follow-the-sun': {
    make: (now: string) => createFollowTheSunPlan(now),
    what: 'the follow-the-sun sample plan (Kolkata, Berlin, New York)',
  },
} as const;

export const sampleCommand: Command = {
  usage:
    'sample [--out FILE] [--variant weekly|follow-the-sun]\n' +
    '                             write a sample plan (Pacific Infra Group) to FILE or standard output',
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
    const text = `${JSON.stringify(variant.make(io.now().toISOString()), null, 2)}\n`;
    if (typeof values.out === 'string') {
      await writeFile(resolve(values.out), text, 'utf8');
      io.stderr(`Wrote ${variant.what} to ${values.out}\n`);
    } else io.stdout(text);
    return 0;
  },
};
