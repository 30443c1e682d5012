import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

/** How bad an entry is. */
export type LogLevel = 'info' | 'warn' | 'error';

export type RotatingLogOptions = {
  /** The folder of the log files (the app's user-data folder, `logs/`). */
  dir: string;
  /** The live file's name (default `main.log`); older ones are `main.log.1` (newest) … `main.log.<keep>`. */
  name?: string;
  /** Rotate before the live file would pass this size (default 1 MB). */
  maxBytes?: number;
  /** How many rotated files to keep (default 3). */
  keep?: number;
  /** The clock, injected so tests can pin it. */
  now?: () => Date;
  /** Where an entry goes when the file cannot be written (default stderr). */
  fallback?: (line: string) => void;
};

/** A log that appends to one file and rotates it by size. */
export type RotatingLog = {
  readonly path: string;
  write: (level: LogLevel, message: string, detail?: unknown) => void;
  error: (message: string, detail?: unknown) => void;
  warn: (message: string, detail?: unknown) => void;
  info: (message: string, detail?: unknown) => void;
};

// One entry never grows the file by more than this: a runaway error message must not push every other entry out.
const MAX_ENTRY_CHARS = 16_000;

/** An error with its stack (and cause), anything else as Node prints it. */
export function describeDetail(detail: unknown): string {
  if (detail instanceof Error) return inspect(detail, { depth: 4, breakLength: Infinity });
  if (typeof detail === 'string') return detail;
  return inspect(detail, { depth: 4, breakLength: 120 });
}

/**
 * A size-rotated log file: `main.log`, then `main.log.1` … `main.log.<keep>`, oldest dropped. Writes are
 * synchronous so an entry written just before the process dies (an uncaught exception) is on disk.
 * Why its own few lines instead of a logging library: main has three kinds of entries and must not depend on a
 * package for the one thing that has to work when everything else failed. Never throws: a log that cannot be
 * written falls back to stderr.
 */
export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const name = options.name ?? 'main.log';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const fallback = options.fallback ?? ((line: string) => void process.stderr.write(line));
  const path = join(options.dir, name);
  const rotated = (n: number) => `${path}.${n}`;

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    if (keep >= 1) renameSync(path, rotated(1));
    else rmSync(path, { force: true });
  }

  function write(level: LogLevel, message: string, detail?: unknown): void {
    let entry = `${now().toISOString()} ${level.toUpperCase()} ${message}`;
    if (detail !== undefined) entry += `\n  ${describeDetail(detail).replace(/\n/g, '\n  ')}`;
    if (entry.length > MAX_ENTRY_CHARS)
      entry = `${entry.slice(0, MAX_ENTRY_CHARS)} … (cut at ${MAX_ENTRY_CHARS} characters)`;
    const line = `${entry}\n`;
    try {
      mkdirSync(options.dir, { recursive: true });
      const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(path, line);
    } catch (error) {
      fallback(`${line}(could not write ${path}: ${(error as Error).message})\n`);
    }
  }

  return {
    path,
    write,
    error: (message, detail) => write('error', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    info: (message, detail) => write('info', message, detail),
  };
}
