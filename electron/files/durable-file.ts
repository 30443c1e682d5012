import type { BigIntStats } from 'node:fs';
import {
  access,
  type FileHandle,
  link,
  open,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { fileStamp } from './file-names';

let sequence = 0;

/** The temporary files of `path` start with this: `.plan.rotaplan.json.<pid>-<n>.tmp`, beside the file. */
const tempPrefix = (path: string) => `.${basename(path)}.`;

/**
 * A name beside `path` unique to this process and this write, so two processes saving one file never share it:
 * `.tmp` for new content, `.aside` for the file a compare-and-swap moved away, `.old` once that file was verified
 * as the version the write may replace.
 */
function uniqueNameFor(path: string, kind: 'tmp' | 'aside' | 'old'): string {
  sequence += 1;
  return join(dirname(path), `${tempPrefix(path)}${process.pid}-${sequence}.${kind}`);
}
const tempNameFor = (path: string) => uniqueNameFor(path, 'tmp');

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
  // What a killed write of this same file left behind goes first, so no writer's leftovers pile up.
  await removeStaleTemps(path);
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

type Leftover = { file: string; kind: 'tmp' | 'aside' | 'old'; mtimeMs: number };

/**
 * The files a killed write left beside `path` (named by `uniqueNameFor`): those whose process is gone, and any
 * older than `maxAgeMs` (a live write holds them for milliseconds). This process's own are left to it.
 */
async function leftoversOf(path: string, maxAgeMs: number): Promise<Leftover[]> {
  const dir = dirname(path);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const prefix = tempPrefix(path);
  const found: Leftover[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-\d+\.(tmp|aside|old)$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info || pid === process.pid) continue;
    const kind = match[2] as Leftover['kind'];
    // A rename keeps a file's modification time (a plan moved aside may be days old); its change time moves.
    const touchedMs = kind === 'tmp' ? info.mtimeMs : Math.max(info.mtimeMs, info.ctimeMs);
    if (Date.now() - touchedMs > maxAgeMs || !processIsAlive(pid)) {
      found.push({ file, kind, mtimeMs: info.mtimeMs });
    }
  }
  return found.sort((a, b) => a.mtimeMs - b.mtimeMs);
}

/**
 * Removes the temporary files a killed process left beside `path`: those whose process is gone, and any older
 * than `maxAgeMs` (a live save holds its temporary file for milliseconds); also lowdb's own `.<name>.tmp` once it
 * is that old (an older Rotaplan wrote through it).
 * Why: a crash mid-save leaves `.plan.rotaplan.json.<pid>-<n>.tmp` behind; the file itself is whole, but the
 * leftovers would pile up in the user's folder. Every durable writer calls this before it writes.
 */
export async function removeStaleTemps(path: string, maxAgeMs = 60_000): Promise<number> {
  let removed = 0;
  for (const leftover of await leftoversOf(path, maxAgeMs)) {
    if (leftover.kind !== 'tmp') continue;
    await unlink(leftover.file).catch(() => undefined);
    removed += 1;
  }
  const lowdbTemp = join(dirname(path), `${tempPrefix(path)}tmp`);
  const info = await stat(lowdbTemp).catch(() => null);
  if (info?.isFile() && Date.now() - info.mtimeMs > maxAgeMs) {
    await unlink(lowdbTemp).catch(() => undefined);
    removed += 1;
  }
  return removed;
}

/**
 * Removes every temporary file a killed durable write left in `dir`, whatever file it was writing (an export
 * folder gets files of many names, and a killed export's name may never be written again).
 */
export async function removeStaleTempsIn(dir: string, maxAgeMs = 60_000): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const targets = new Set<string>();
  for (const name of names) {
    const match = /^\.(.+)\.\d+-\d+\.tmp$/.exec(name);
    if (match) targets.add(join(dir, match[1]!));
  }
  let removed = 0;
  for (const target of targets) removed += await removeStaleTemps(target, maxAgeMs);
  return removed;
}

/** File systems without hard links (FAT, some network shares) answer a link with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Gives `from`'s file the name `to` only when no file has that name (a hard link fails rather than replace), so a
 * file another program put at `to` in the meantime is never replaced. Answers whether it did; `from` stays (the
 * caller removes it). File systems without hard links get a check, then a rename (a write landing between the two
 * goes unseen there).
 */
async function linkIfFree(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  const taken = await access(to).then(
    () => true,
    () => false,
  );
  if (taken) return false;
  await renameWithRetry(from, to);
  return true;
}

/**
 * Keeps the file at `from` as a visible copy beside `path` (`<name>.conflict-<stamp>`, numbered when taken),
 * never over another file; answers the copy's path.
 */
async function keepAsCopy(from: string, path: string): Promise<string> {
  const stamp = fileStamp(new Date());
  for (let n = 1; n < 1000; n++) {
    const candidate = `${path}.conflict-${stamp}${n === 1 ? '' : `-${n}`}`;
    if (await linkIfFree(from, candidate)) {
      await unlink(from).catch(() => undefined);
      return candidate;
    }
  }
  throw new Error(`Could not find a free name beside ${path} to keep ${from} as.`);
}

/** Puts a file moved aside back at `path`; when another file took the name meanwhile, keeps it as a copy. */
async function putBack(from: string, path: string): Promise<string | null> {
  if (await linkIfFree(from, path)) {
    await unlink(from).catch(() => undefined);
    return null;
  }
  return keepAsCopy(from, path);
}

/**
 * Puts back or removes what a write killed in the middle of `replaceFileIfUnchanged` left beside `path`:
 * - a file moved aside (`.aside`, not yet checked) goes back when `path` is free; when `path` holds other bytes
 *   it is kept as a visible copy (it may be another program's version);
 * - a file checked as the version the write replaces (`.old`) goes back when `path` is free, and is removed
 *   when `path` holds a file (the write's own, or another program's that replaced the same version).
 * Why: between moving the file aside and linking the new one in, `path` does not exist; a kill there must not
 * leave the user without the file. Answers the copies kept, so a caller can say where they are.
 */
export async function recoverSetAside(path: string, maxAgeMs = 60_000): Promise<string[]> {
  const kept: string[] = [];
  for (const leftover of await leftoversOf(path, maxAgeMs)) {
    if (leftover.kind === 'tmp') continue;
    const current = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (current === null) {
      const copy = await putBack(leftover.file, path);
      if (copy) kept.push(copy);
    } else if (leftover.kind === 'old') {
      await unlink(leftover.file).catch(() => undefined);
    } else {
      const bytes = await readFile(leftover.file).catch(() => null);
      if (bytes === null || bytes.equals(current)) await unlink(leftover.file).catch(() => undefined);
      else kept.push(await keepAsCopy(leftover.file, path));
    }
  }
  if (kept.length > 0) await syncDirectory(dirname(path));
  return kept;
}

/**
 * A compare-and-swap refused: the file at the path was not the version the write may replace. The other
 * version is on disk, at the path or (when yet another file took its place meanwhile) at `keptAs`.
 */
export class FileChangedError extends Error {
  constructor(
    readonly path: string,
    readonly keptAs: string | null,
  ) {
    super(
      keptAs
        ? `${path} was changed by another program; that version is kept as ${keptAs}.`
        : `${path} was changed by another program.`,
    );
    this.name = 'FileChangedError';
  }
}

/** What there is at `path` now, read through one handle kept open (so its inode cannot be reused meanwhile). */
async function openCurrent(
  path: string,
): Promise<{ handle: FileHandle; bytes: Buffer; identity: BigIntStats } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const identity = await handle.stat({ bigint: true });
    return { handle, bytes: await handle.readFile(), identity };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Whether the file moved aside is the very file read before (same inode, size and modification time): then its
 * bytes are the ones compared, without reading them again while the path has no file. File systems without inode
 * numbers (ino 0) always read again.
 */
function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.ino !== 0n && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/**
 * Replaces `path` with `content` only when the file it replaces is the one `expected` accepts (its bytes, or
 * null when there is no file), durably, as a compare-and-swap rather than a check and then a write:
 * 1. the new content goes to a temporary file, flushed; the file at `path` is read and compared;
 * 2. that file is renamed aside to a name unique to this write (atomic: whatever another program renames over
 *    `path` from now on lands beside the moved file, not in it);
 * 3. what was moved aside must be the file compared in step 1 (same inode, or else its bytes are compared
 *    again): if not, it goes back (or, when another file took `path` meanwhile, is kept as a copy);
 * 4. the new file is hard-linked to `path`, which fails when another program wrote `path` after step 2: theirs
 *    stays; then the moved-aside file is removed.
 * Any refusal throws FileChangedError and leaves the other version on disk. A kill at any step leaves `path`
 * whole, or missing with the old file beside it, which `recoverSetAside` puts back. Between steps 2 and 4 (a few
 * system calls) a reader finds no file at `path`, never a partial one.
 */
export async function replaceFileIfUnchanged(
  path: string,
  content: string | Uint8Array,
  expected: (current: Buffer | null) => boolean,
): Promise<void> {
  const temp = await writeTempBeside(path, content);
  const before = await openCurrent(path).catch(async (error: unknown) => {
    await unlink(temp).catch(() => undefined);
    throw error;
  });
  // Where the file that was at `path` is now, until it is back or removed.
  let movedTo: string | null = null;
  try {
    if (!expected(before?.bytes ?? null)) throw new FileChangedError(path, null);
    if (before) {
      const aside = uniqueNameFor(path, 'aside');
      try {
        await renameWithRetry(path, aside);
      } catch (error) {
        // Gone since it was read: another program removed or is replacing it; not ours to decide.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileChangedError(path, null);
        throw error;
      }
      movedTo = aside;
      const moved = await stat(aside, { bigint: true });
      if (!sameFile(moved, before.identity) && !expected(await readFile(aside))) {
        movedTo = null;
        throw new FileChangedError(path, await putBack(aside, path));
      }
      const old = uniqueNameFor(path, 'old');
      await rename(aside, old);
      movedTo = old;
    }
    if (!(await linkIfFree(temp, path))) {
      // Another program wrote the file after the expected version was moved aside: theirs replaced that version,
      // and it stays.
      if (movedTo) await unlink(movedTo).catch(() => undefined);
      movedTo = null;
      throw new FileChangedError(path, null);
    }
    const replaced = movedTo;
    movedTo = null;
    if (replaced) await unlink(replaced).catch(() => undefined);
  } catch (error) {
    // Anything else that failed (a full disk, a permission) leaves the file that was there where it was.
    if (movedTo) await putBack(movedTo, path).catch(() => undefined);
    throw error;
  } finally {
    await before?.handle.close();
    await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dirname(path));
}

/**
 * A lowdb adapter that writes with `writeFileDurably` and serialises with the caller's function (so the store
 * knows the exact bytes written, and hence their revision). With `expected` set, a write is a compare-and-swap
 * (`replaceFileIfUnchanged`) and throws FileChangedError when the file on disk is not what it accepts. Reading
 * first removes what a killed write left beside the file.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** What the next writes may replace (the file's bytes, or null for no file); unset: anything. */
  expected: ((current: Buffer | null) => boolean) | null = null;

  constructor(
    private readonly path: string,
    private readonly serialise: (data: T) => string | Uint8Array,
  ) {}

  async read(): Promise<T | null> {
    await removeStaleTemps(this.path);
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    const bytes = this.serialise(data);
    if (this.expected) return replaceFileIfUnchanged(this.path, bytes, this.expected);
    return writeFileDurably(this.path, bytes);
  }
}
