import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlerContext } from './context';
import type { HandlerGroup } from './dispatch';
import { IpcError } from './ipc-error';
import { removeStaleTempsIn, syncDirectory, writeFileDurably, writeTempBeside } from '../files/durable-file';

/** What the save dialog offers for each extension, so the user sees only files of the kind being written. */
const FILTERS: Record<string, string> = {
  ics: 'iCalendar',
  csv: 'CSV',
  md: 'Markdown',
  html: 'HTML report',
  pdf: 'PDF',
  json: 'Rotaplan plan',
};

/** Splits a file name into stem and extension, keeping `.rotaplan.json` whole (`plan (2).rotaplan.json`). */
export function splitExtension(fileName: string): { stem: string; ext: string } {
  const match = /(\.rotaplan\.json|\.[^.]+)$/i.exec(fileName);
  if (!match || match.index === 0) return { stem: fileName, ext: '' };
  return { stem: fileName.slice(0, match.index), ext: match[0] };
}

/** The n-th candidate name for a file: the name itself, then `name (2).ext`, `name (3).ext` … */
export function numberedName(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const { stem, ext } = splitExtension(fileName);
  return `${stem} (${n})${ext}`;
}

/**
 * The folder exports go to: the `exportDir` preference when set, else `<userData>/exports`. Preferences come from
 * the prefs store when the shell has one, else from `<userData>/preferences.json` when it exists; a missing or
 * unreadable file means the default (an export must not fail because of a preference).
 */
export async function exportFolder(ctx: Pick<HandlerContext, 'userDataDir' | 'prefs'>): Promise<string> {
  const userDataDir = ctx.userDataDir;
  try {
    const prefs = ctx.prefs
      ? await ctx.prefs.get()
      : (JSON.parse(await readFile(join(userDataDir, 'preferences.json'), 'utf8')) as unknown);
    const dir = (prefs as { exportDir?: unknown } | null)?.exportDir;
    if (typeof dir === 'string' && dir.trim() !== '') return dir;
  } catch {
    // No preferences yet, or a broken file: the default folder.
  }
  return join(userDataDir, 'exports');
}

/**
 * Writes a new file in `dir` under `fileName`, or `name (2).ext`, `name (3).ext` … when that is taken — never
 * over an existing file — durably: the bytes are flushed in a temporary file first, then hard-linked to the first
 * free name (a link fails rather than replace, so two exports at once cannot take the same name), then the
 * folder is flushed. File systems without hard links get an exclusive create instead.
 */
export async function writeUniqueDurably(dir: string, fileName: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  // Exports of any name land here: what a killed one left goes first, whatever its name.
  await removeStaleTempsIn(dir);
  const temp = await writeTempBeside(join(dir, fileName), bytes);
  try {
    for (let n = 1; n < 10_000; n++) {
      const target = join(dir, numberedName(fileName, n));
      try {
        await link(temp, target);
        await syncDirectory(dir);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
        const handle = await open(target, 'wx').catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'EEXIST') return null;
          throw e;
        });
        if (!handle) continue;
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return target;
      }
    }
    throw new IpcError('io', `Could not find a free file name for ${fileName} in ${dir}.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function ioError(path: string, error: unknown): IpcError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the folder is read-only'
          : (error as Error).message;
  return new IpcError('io', `Could not write ${path}: ${why}. Nothing was changed.`);
}

/**
 * Saves an export's bytes: in Electron through the native save dialog, starting in the export folder (null when
 * the user cancels); in the preview straight into the export folder under a name that is free.
 */
async function save(
  ctx: HandlerContext,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ path: string } | null> {
  const folder = await exportFolder(ctx);
  if (ctx.dialogs) {
    await mkdir(folder, { recursive: true }).catch(() => undefined);
    const ext = splitExtension(fileName)
      .ext.replace(/^\.(rotaplan\.)?/i, '')
      .toLowerCase();
    const chosen = await ctx.dialogs.saveFile({
      title: 'Export',
      defaultPath: join(folder, fileName),
      filters: FILTERS[ext] ? [{ name: FILTERS[ext]!, extensions: [ext] }] : [],
    });
    if (chosen === null) return null;
    try {
      await writeFileDurably(chosen, bytes);
    } catch (error) {
      throw ioError(chosen, error);
    }
    return { path: chosen };
  }
  try {
    return { path: await writeUniqueDurably(folder, fileName, bytes) };
  } catch (error) {
    if (error instanceof IpcError) throw error;
    throw ioError(join(folder, fileName), error);
  }
}

/** `export:*`: writes exports the renderer built (text, bytes, or a report to print as PDF) to disk. */
export function exportHandlers(ctx: HandlerContext): HandlerGroup {
  return {
    'export:save': async ({ fileName, content, encoding }) => {
      if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) {
        throw new IpcError(
          'bad-payload',
          `The content of ${fileName} is not valid base64; nothing was written.`,
        );
      }
      const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
      return save(ctx, fileName, bytes);
    },
    'export:pdf': async ({ fileName, html }) => {
      if (!ctx.renderPdf) {
        throw new IpcError(
          'unsupported',
          'PDF export is not available here: this shell has no PDF renderer. Export the HTML report and print it to PDF from a browser.',
        );
      }
      let bytes: Uint8Array;
      try {
        bytes = await ctx.renderPdf(html);
      } catch (error) {
        // No browser to print with is a missing capability, not a failed write: say what to install.
        const code = (error as Error).name === 'ChromiumNotFoundError' ? 'unsupported' : 'io';
        throw new IpcError(code, `The PDF could not be made: ${(error as Error).message}`);
      }
      return save(ctx, fileName, bytes);
    },
  };
}
