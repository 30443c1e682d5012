import { parseArgs } from 'node:util';
import { isRealDate } from '../../shared/time/zoned';

/** Where the CLI writes; injected so tests run it in-process and read what it printed. */
export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void; now: () => Date };

/** A wrong call (unknown flag, missing file): exit code 2. */
export class UsageError extends Error {}

/** Invalid input (a bad plan, a junk import, `--fail-on` findings) already reported on stderr: exit code 1. */
export class InputError extends Error {}

/** One CLI command: what it does; returns the exit code. Its usage line is in the registry (commands/index.ts). */
export type Command = { run: (args: string[], io: CliIo) => Promise<number> };

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * Joins `--name -5` into `--name=-5` for a string option, so a negative number reaches the option's own range
 * check (which names the range) instead of parseArgs refusing it as an ambiguous argument.
 */
function joinNegativeValues(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (
      name !== null &&
      options !== undefined &&
      Object.hasOwn(options, name) &&
      options[name]!.type === 'string' &&
      next !== undefined &&
      /^-\d|^-\.\d/.test(next)
    ) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** parseArgs with strict flags, turning its errors into usage errors (exit 2). */
export function parseFlags<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Checks an ISO date flag (`2027-01-04`), or throws a usage error naming the flag. */
export function isoDateFlag(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) {
    throw new UsageError(`--${name} expects an ISO date such as 2027-01-04`);
  }
  return value;
}
