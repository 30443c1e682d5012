import { readFile } from 'node:fs/promises';
import { removeStaleTemps, writeFileDurably } from '../files/durable-file';

/** At most this many files are remembered; the oldest entry goes first. */
const MAX_ENTRIES = 50;

/**
 * The revisions (content hashes) of plan files this app wrote itself, or read and validated, per path, kept in a
 * small JSON file in the user-data folder under a fingerprint (app version and schema version).
 * Why: validating every shift of a big plan is the slowest part of every start (bench/validate.ts); a file whose bytes
 * hash to a revision this same app version validated is that same valid plan. Any other bytes (changed by a sync
 * tool, a git checkout, an editor) are validated in full, and a new app version trusts nothing it has not judged.
 * A missing or unreadable record only means every file is validated.
 */
export type TrustedRevisions = {
  trusts: (path: string, revision: string) => Promise<boolean>;
  remember: (path: string, revision: string) => Promise<void>;
};

/** The record at `file` for this `fingerprint`; with no fingerprint nothing is ever trusted or written. */
export function createTrustedRevisions(file: string, fingerprint: string | undefined): TrustedRevisions {
  let entries: Promise<Map<string, string>> | null = null;
  let writing: Promise<void> = Promise.resolve();

  function read(): Promise<Map<string, string>> {
    // What a killed write of the record left beside it goes first (writes sweep too, but a start may not write).
    entries ??= removeStaleTemps(file)
      .catch(() => 0)
      .then(() => readFile(file, 'utf8'))
      .then((text) => {
        const raw = JSON.parse(text) as { fingerprint?: unknown; revisions?: unknown };
        if (raw.fingerprint !== fingerprint || typeof raw.revisions !== 'object' || raw.revisions === null)
          return new Map<string, string>();
        return new Map(
          Object.entries(raw.revisions).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
      })
      .catch(() => new Map<string, string>());
    return entries;
  }

  return {
    async trusts(path, revision) {
      if (!fingerprint) return false;
      return (await read()).get(path) === revision;
    },
    remember(path, revision) {
      if (!fingerprint) return Promise.resolve();
      writing = writing.then(async () => {
        const map = await read();
        map.delete(path);
        map.set(path, revision);
        for (const oldest of map.keys()) {
          if (map.size <= MAX_ENTRIES) break;
          map.delete(oldest);
        }
        const text = JSON.stringify({ fingerprint, revisions: Object.fromEntries(map) }, null, 2);
        // A record that cannot be written costs a full validation next time, nothing more.
        await writeFileDurably(file, text).catch(() => undefined);
      });
      return writing;
    },
  };
}
