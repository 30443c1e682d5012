import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

let sequence = 0;

/** The temporary files of `path` start with this: `.plan.rotaplan.json.<pid>-<n>.tmp`, beside the file. */
const tempPrefix = (path: string) => `.${basename(path)}.`;

/** A temporary name unique to this process and this write, so two processes saving one file never share it. */
function tempNameFor(path: string): string {
  sequence += 1;
  return join(dirname(path), `${tempPrefix(path)}${process.pid}-${sequence}.tmp`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Windows refuses a rename while a virus scanner or indexer holds the target open for a moment; retrying is
 * what steno (lowdb's writer) does too. Elsewhere a failed rename is final.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient =
        process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 10) throw error;
      await sleep(100);
    }
  }
}

/** Flushes a directory entry (the rename) to disk; Windows cannot open a directory, and its rename is journaled. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems (network shares, some containers) refuse fsync on a directory: the rename still stands.
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces a file's content so that, whenever the process or the machine stops, the file holds either the whole
 * old text or the whole new text: write a temporary file beside it, fsync it, rename it over the file, fsync the
 * folder. Why not steno (lowdb's default writer): it shares one temporary name between processes and never
 * fsyncs, so a power cut right after a save could leave an empty file.
 */
export async function writeFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  let temp: string | null = null;
  try {
    temp = await writeTempBeside(path, content);
    await renameWithRetry(temp, path);
  } catch (error) {
    if (temp) await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Writes content to a new temporary file beside `path` (same folder, so a rename or link to `path` stays on one
 * file system), flushed to disk; returns the temporary file's path. A failed write removes it.
 */
export async function writeTempBeside(path: string, content: string | Uint8Array): Promise<string> {
  const temp = tempNameFor(path);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return temp;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed process left beside `path`: those whose process is gone, and any older
 * than `maxAgeMs` (a live save holds its temporary file for milliseconds).
 * Why: a crash mid-save leaves `.plan.rotaplan.json.<pid>-<n>.tmp` behind; the plan itself is whole, but the
 * leftovers would pile up in the user's folder.
 */
export async function removeStaleTemps(path: string, maxAgeMs = 60_000): Promise<number> {
  const dir = dirname(path);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const prefix = tempPrefix(path);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)-\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info) continue;
    const old = Date.now() - info.mtimeMs > maxAgeMs;
    if (pid !== process.pid && (old || !processIsAlive(pid))) {
      await unlink(file).catch(() => undefined);
      removed += 1;
    }
  }
  return removed;
}

/**
 * A lowdb adapter that writes with `writeFileDurably` and serialises with the caller's function (so the store
 * knows the exact bytes written, and hence their revision).
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly serialise: (data: T) => string | Uint8Array,
  ) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.path, this.serialise(data));
  }
}
