import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXPORT_FORMATS, EXPORTERS, type ExportFormat } from '../export-formats';
import { InputError, isoDateFlag, parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';

export const exportCommand: Command = {
  usage:
    'export FILE --format md|html|pdf|ics|csv|json [--member ID] [--from DATE] [--to DATE] [--out OUT]\n                             write the plan (or its shifts) in another format',
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      format: { type: 'string' },
      member: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('export takes exactly one FILE');
    const format = values.format;
    if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const exporter = EXPORTERS[format as ExportFormat];
    if (!exporter) {
      io.stderr(`rotaplan export: the ${format} format is not available in this version of Rotaplan\n`);
      throw new InputError('format not available');
    }
    const { plan } = await loadPlanFile(positionals[0]!, io);
    const memberId = typeof values.member === 'string' ? values.member : undefined;
    if (memberId !== undefined && !plan.members.some((m) => m.id === memberId)) {
      io.stderr(
        `--member: no team member has id "${memberId}" (known: ${plan.members.map((m) => m.id).join(', ')})\n`,
      );
      throw new InputError('unknown member');
    }
    const output = await exporter(plan, { memberId, from, to, now: io.now() });
    if (typeof values.out === 'string') {
      await writeFile(resolve(values.out), output);
      io.stderr(`Wrote ${format} to ${values.out}\n`);
    } else io.stdout(typeof output === 'string' ? output : Buffer.from(output).toString('latin1'));
    return 0;
  },
};
