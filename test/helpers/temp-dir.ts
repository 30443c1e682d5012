import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new empty folder under the system's temp folder, its name starting with `prefix`. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Removes a test's folder and everything in it.
 *
 * Why the retries: on Windows a file a child process or watcher just closed can still be locked for a moment.
 */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/** A plan written as JSON to `name` in a new temp folder: the folder and the file's path. */
export async function writePlanFile(
  plan: unknown,
  prefix: string,
  name = 'plan.rotaplan.json',
): Promise<{ dir: string; file: string }> {
  const dir = await makeTempDir(prefix);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(plan));
  return { dir, file };
}
