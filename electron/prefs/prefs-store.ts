import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '../../shared/prefs/preferences';
import { StoreError } from '../store/store-error';
import { DurableJsonFile } from '../files/durable-file';
import { fileStamp } from '../files/file-names';

/** How many recently opened plans the File menu lists. */
export const MAX_RECENT_FILES = 10;

export type PrefsStoreOptions = {
  /** The app's user-data folder: preferences live in `<userDataDir>/preferences.json`. */
  userDataDir: string;
  /** The clock, injected so tests can pin the name a corrupt file is kept under. */
  now?: () => Date;
};

/** Why the preferences on screen are not the ones in the file (a corrupt or partly invalid file). */
export type PrefsNotice = { message: string; keptAs: string };

/** The preferences store's public face, shared by Electron main and the browser preview. */
export type PrefsStore = ReturnType<typeof createPrefsStore>;

type PrefKey = keyof Preferences;

/**
 * Keeps what can be kept of a file that parsed but does not validate: every key that validates on its own, the
 * default for the rest. Why not all defaults: one bad value (say a hand-edited theme) should not cost the user
 * their recent files and window position.
 */
function salvage(raw: unknown): { prefs: Preferences; badKeys: string[] } {
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const record = source as Record<string, unknown>;
  const prefs: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  const badKeys: string[] = [];
  for (const key of Object.keys(DEFAULT_PREFERENCES) as PrefKey[]) {
    if (!(key in record)) continue;
    const parsed = preferencesSchema.shape[key].safeParse(record[key]);
    if (parsed.success) prefs[key] = parsed.data;
    else badKeys.push(key);
  }
  for (const key of Object.keys(record)) if (!(key in DEFAULT_PREFERENCES)) badKeys.push(key);
  return { prefs: prefs as Preferences, badKeys };
}

/**
 * The user's preferences on lowdb, in `<userDataDir>/preferences.json`, apart from the plan.
 * Why `new Low(new DurableJsonFile(..))` and not JSONFilePreset: the preset swaps in a memory adapter under
 * NODE_ENV=test, and the tests must see the real file; and lowdb's own writer neither fsyncs nor cleans up after
 * a kill. A file that cannot be read as preferences is copied aside
 * (`preferences.json.corrupt-<stamp>`) before anything is written over it, and a notice says so; the app then runs
 * on the defaults (or on the keys that were still valid). Writes go one after another through a queue.
 */
export function createPrefsStore(options: PrefsStoreOptions) {
  const now = options.now ?? (() => new Date());
  const path = join(resolve(options.userDataDir), 'preferences.json');
  // Written as lowdb's JSONFile writes (two-space JSON), but durably: fsynced, under a temporary name of its own
  // that a later read or write removes if a kill left it behind.
  const db = new Low<Preferences>(
    new DurableJsonFile<Preferences>(path, (data) => JSON.stringify(data, null, 2)),
    { ...DEFAULT_PREFERENCES },
  );
  let loaded: Promise<void> | null = null;
  let notice: PrefsNotice | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function keepAside(): Promise<string> {
    const keptAs = `${path}.corrupt-${fileStamp(now())}`;
    await copyFile(path, keptAs);
    return keptAs;
  }

  async function readOnce(): Promise<void> {
    try {
      await db.read();
    } catch (error) {
      if (error instanceof SyntaxError) {
        const keptAs = await keepAside();
        db.data = { ...DEFAULT_PREFERENCES };
        notice = {
          keptAs,
          message: `Your preferences file ${path} is not valid JSON (${error.message}). It was kept as ${keptAs}; Rotaplan uses the default preferences.`,
        };
        return;
      }
      throw new StoreError('io', `Could not read ${path}: ${(error as Error).message}`);
    }
    const parsed = preferencesSchema.safeParse(db.data);
    if (parsed.success) {
      db.data = parsed.data;
      return;
    }
    const { prefs, badKeys } = salvage(db.data);
    const keptAs = await keepAside();
    db.data = prefs;
    notice = {
      keptAs,
      message: `Some preferences in ${path} were not valid (${badKeys.join(', ') || '(root)'}). The file was kept as ${keptAs}; the defaults are used for those.`,
    };
  }

  function ready(): Promise<void> {
    loaded ??= readOnce().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  }

  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The current preferences (read from disk on first use; after any write still queued). */
  function get(): Promise<Preferences> {
    return exclusive(async () => {
      await ready();
      return structuredClone(db.data);
    });
  }

  /** Merges the change `change(current)` asks for, validates the result and writes it. */
  function update(change: (current: Preferences) => Partial<Preferences>): Promise<Preferences> {
    return exclusive(async () => {
      await ready();
      const next = preferencesSchema.safeParse({ ...db.data, ...change(db.data) });
      if (!next.success) {
        const problems = next.error.issues.map((issue) => ({
          path: issue.path.join('.') || '(root)',
          message: issue.message,
        }));
        throw new StoreError(
          'invalid-value',
          `Preferences not saved: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}.`,
          problems,
        );
      }
      await mkdir(dirname(path), { recursive: true });
      db.data = next.data;
      await db.write();
      return structuredClone(db.data);
    });
  }

  /** Merges a change, validates the result and writes it; a bad value is refused with its key named. */
  function set(patch: Partial<Preferences>): Promise<Preferences> {
    return update(() => patch);
  }

  /** Puts a plan file at the top of the recent files (once, newest first, at most MAX_RECENT_FILES). */
  function addRecentFile(file: string): Promise<Preferences> {
    const target = resolve(file);
    return update((current) => ({
      recentFiles: [target, ...current.recentFiles.filter((f) => f !== target)].slice(0, MAX_RECENT_FILES),
    }));
  }

  return {
    path,
    get,
    set,
    addRecentFile,
    /** Why the preferences in use differ from the file, once it was read; null when they do not. */
    get notice(): PrefsNotice | null {
      return notice;
    },
    /** Reads the file now (so a notice is known before the window opens). */
    load: ready,
  };
}
