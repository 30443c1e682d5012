import { ICS_EXTRAS, MAX_REMINDER_MINUTES, type IcsExtra } from '../../../shared/export/ics-export';
import { ChromiumNotFoundError } from '../../export/pdf-chromium';
import { CSV_KINDS, EXPORT_FORMATS, EXPORTERS, type CsvKind, type ExportFormat } from '../export-formats';
import { InputError, isoDateFlag, parseFlags, UsageError, type CliIo, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { writeFileDurably } from '../../files/durable-file';
import { checkOutPath, describeWriteError } from '../out-path';

/**
 * Which flags only some formats read; any other format given one of them is a usage error, not a silent no-op.
 * `--member` is left out: the CLI contract (docs/architecture.md) lists it for every format (it is checked against the plan always and
 * narrows ics and the shift CSV).
 */
const FLAG_FORMATS: Record<string, readonly ExportFormat[]> = {
  layer: ['ics', 'csv'],
  reminder: ['ics'],
  include: ['ics'],
  csv: ['csv'],
};

function parseReminder(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > MAX_REMINDER_MINUTES) {
    throw new UsageError(`--reminder expects whole minutes from 0 to ${MAX_REMINDER_MINUTES}, such as 15`);
  }
  return n;
}

function parseInclude(value: unknown): IcsExtra[] | undefined {
  if (value === undefined) return undefined;
  const parts = String(value)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(ICS_EXTRAS as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) {
    throw new UsageError(`--include takes a comma-separated list of ${ICS_EXTRAS.join(', ')}`);
  }
  return [...new Set(parts)] as IcsExtra[];
}

function refuse(io: CliIo, message: string): never {
  io.stderr(`rotaplan export: ${message}\n`);
  throw new InputError(message);
}

export const exportCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      format: { type: 'string' },
      member: { type: 'string' },
      layer: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      csv: { type: 'string' },
      reminder: { type: 'string' },
      include: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('export takes exactly one FILE');
    const format = values.format;
    if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    }
    for (const [flag, formats] of Object.entries(FLAG_FORMATS)) {
      if (
        (values as Record<string, unknown>)[flag] !== undefined &&
        !formats.includes(format as ExportFormat)
      ) {
        throw new UsageError(`--${flag} applies to --format ${formats.join(' or ')} only`);
      }
    }
    const csvKind = values.csv;
    if (csvKind !== undefined && !(CSV_KINDS as readonly string[]).includes(csvKind)) {
      throw new UsageError(`--csv must be one of ${CSV_KINDS.join(', ')}`);
    }
    if (csvKind !== undefined && csvKind !== 'shifts' && (values.member || values.layer)) {
      throw new UsageError(`--member and --layer apply to --csv shifts only`);
    }
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const reminderMinutes = parseReminder(values.reminder);
    const include = parseInclude(values.include);
    if (format === 'pdf' && typeof values.out !== 'string') {
      throw new UsageError('--format pdf needs --out FILE (a PDF is not written to the terminal)');
    }
    // A JSON export is the plan itself; every other format must never land on a plan file.
    const outPath =
      typeof values.out === 'string'
        ? await checkOutPath(values.out, format === 'json' ? 'plan' : 'other', [positionals[0]!])
        : null;
    const { plan } = await loadPlanFile(positionals[0]!, io);
    const memberId = typeof values.member === 'string' ? values.member : undefined;
    if (memberId !== undefined && !plan.members.some((m) => m.id === memberId)) {
      io.stderr(
        `--member: no team member has id "${memberId}" (known: ${plan.members.map((m) => m.id).join(', ')})\n`,
      );
      throw new InputError('unknown member');
    }
    const layerId = typeof values.layer === 'string' ? values.layer : undefined;
    if (layerId !== undefined && !plan.rotation.layers.some((l) => l.id === layerId)) {
      io.stderr(
        `--layer: no rotation layer has id "${layerId}" (known: ${plan.rotation.layers.map((l) => l.id).join(', ')})\n`,
      );
      throw new InputError('unknown layer');
    }
    let output: string | Uint8Array;
    try {
      output = await EXPORTERS[format as ExportFormat](plan, {
        memberId,
        layerId,
        from,
        to,
        now: io.now(),
        csv: csvKind as CsvKind | undefined,
        reminderMinutes,
        include,
      });
    } catch (error) {
      if (error instanceof RangeError || error instanceof ChromiumNotFoundError) refuse(io, error.message);
      if (format === 'pdf') refuse(io, (error as Error).message);
      throw error;
    }
    if (outPath !== null && typeof values.out === 'string') {
      await writeFileDurably(outPath, output).catch((error: unknown) => {
        throw new Error(describeWriteError(values.out!, error));
      });
      io.stderr(`Wrote ${format} to ${values.out}\n`);
    } else io.stdout(typeof output === 'string' ? output : Buffer.from(output).toString('latin1'));
    return 0;
  },
};
