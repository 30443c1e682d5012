import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './cli-io';

/**
 * What a command writes to `--out`: a plan made from its input (optimize, import, export json), the sample plan
 * (which must not land on a plan someone made), or anything else (which must not land on any plan).
 */
export type OutKind = 'plan' | 'sample' | 'other';

/** A plan file by its name: the extension the app registers. */
const PLAN_NAME = /\.rotaplan\.json$/i;

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** True when two stats are the same file: a symbolic link, a hard link or another spelling of one path. */
const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * True when an existing file holds a Rotaplan plan whatever its name: a JSON object with `schemaVersion` and `meta`
 * near its start. Why a sniff of the first bytes: a plan saved as `team.json` deserves the same protection, and
 * reading 4 KB costs nothing next to an export.
 */
async function looksLikePlan(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return /^\s*\{/.test(head) && head.includes('"schemaVersion"') && head.includes('"meta"');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Checks an `--out` path before a command does any work, throwing a usage error (exit 2) with one plain sentence
 * naming the path when it cannot or must not be written: empty, a folder, in a folder that does not exist, under
 * a file, one of the command's own input files (also through a link), or, for output that is not a plan (or is the
 * sample), an existing plan file. Why up front: the user's plan is never replaced by accident, and the error names what is
 * wrong instead of a temporary file's rename failing.
 */
export async function checkOutPath(out: string, kind: OutKind, inputs: readonly string[]): Promise<string> {
  if (out.trim() === '') throw new UsageError('--out is empty: name the file to write, such as report.md');
  const path = resolve(out);
  const target = await statOrNull(path);
  if (target?.isDirectory()) {
    throw new UsageError(`--out ${out} is a folder: name a file inside it, such as ${out}/report.md`);
  }
  if (!target) await checkFolder(out, path);
  else if (!target.isFile()) throw new UsageError(`--out ${out} is not a regular file: name another file`);
  if (target) {
    for (const input of inputs) {
      const read = await statOrNull(resolve(input));
      if (resolve(input) === path || (read && sameFile(read, target))) {
        throw new UsageError(
          `--out must name another file: ${out} is the file this command reads (${input}), which stays as it is`,
        );
      }
    }
    if (kind !== 'plan' && (PLAN_NAME.test(path) || (await looksLikePlan(path)))) {
      const what = kind === 'sample' ? 'the sample plan' : 'an export';
      throw new UsageError(
        `--out ${out} is a Rotaplan plan: ${what} never replaces a plan, name another file`,
      );
    }
  }
  return path;
}

/** Throws when the folder `path` would be written in is missing or is a file; `out` is the path as typed. */
async function checkFolder(out: string, path: string): Promise<void> {
  let folder = dirname(path);
  for (;;) {
    const found = await statOrNull(folder);
    if (found?.isDirectory()) break;
    if (found) throw new UsageError(`--out ${out} is under ${folder}, which is a file, not a folder`);
    const up = dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  if (folder !== dirname(path)) {
    throw new UsageError(`--out ${out} is in a folder that does not exist: ${dirname(path)}`);
  }
}

/**
 * Turns a failed write of `out` into one sentence naming the path and the reason (exit 1): something changed
 * between the check and the write, or the disk refused (full, read-only, no permission).
 */
export function describeWriteError(out: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder',
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
  };
  return `cannot write ${out}: ${(code && reasons[code]) ?? code ?? (error as Error).message}`;
}
