import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import type { Backup, LoadedPlan, LoadNotice, PlanComparison } from '../../shared/ipc/contract';
import { applyPlanPatch, type PlanPatch } from '../../shared/plan/plan-patch';
import type { PlanProblem } from '../../shared/plan/validate';
import { CURRENT_SCHEMA_VERSION, type Plan } from '../../shared/plan/schema';
import { layoutPlan } from '../../shared/plan/plan-layout';
import { PlanValidator } from '../../shared/plan/plan-validator';
import { validatePlanFully as validatePlan } from '../../shared/plan/validate-full';
import { StoreError } from './store-error';
import { comparePlans, compareWithUnreadable } from './compare-plans';
import { DurableJsonFile, FileChangedError, recoverSetAside, removeStaleTemps } from '../files/durable-file';
import { parseJsonBytes } from '../files/parse-json-bytes';
import { fileStamp, PLAN_EXTENSION, planBaseName, planDisplayName, readableStamp } from '../files/file-names';
import {
  migratedNotice,
  planRefusal,
  planRefusalPhrase,
  problemSummary,
  readPlan,
  type PlanRefusalReason,
} from '../files/read-plan';
import { createTrustedRevisions } from './trusted-revisions';

export type PlanStoreOptions = {
  /** The app's user-data folder: the default plan and the backups live here. */
  userDataDir: string;
  /** The plan a first start (or an unrecoverable file) begins with; gets the current time as ISO instant. */
  createDefaultPlan: (nowIso: string) => Plan;
  /** The clock, injected so tests can pin it. */
  now?: () => Date;
  /** Keep at most this many backups per plan (default 10). */
  maxBackups?: number;
  /** Take a new backup at most this often while saving (default 10 minutes); loads always take one. */
  backupIntervalMs?: number;
  /**
   * The app's version: plan files this version wrote or validated are not validated again when their bytes are
   * unchanged (see TrustedRevisions). Without it every load validates in full.
   */
  appVersion?: string;
  /** Told when the store continues in another file (open, save as): the recent-files list listens. */
  onOpened?: (path: string) => void;
};

export type SaveOutcome = { path: string; revision: string; savedAt: string };

/** The plan store's public face, shared by Electron main and the browser preview. */
export type PlanStore = ReturnType<typeof createPlanStore>;

// Exactly the bytes the adapter writes (the plan file layout of `layoutPlan`): the revision of
// what we wrote must equal the revision of what we read back, or every save after the first would be refused as a
// conflict.
// The adapter serialises the plan it writes and the store then hashes the same bytes: the last bytes are kept for
// their plan object (plans are never changed after validation), so an 8 MB plan is serialised once per save, not
// twice, and encoded to UTF-8 once (hashing a string encodes it again).
let lastSerialised: { plan: Plan; bytes: Buffer } | null = null;
const serialise = (plan: Plan): Buffer => {
  if (lastSerialised?.plan === plan) return lastSerialised.bytes;
  const bytes = Buffer.from(layoutPlan(plan));
  lastSerialised = { plan, bytes };
  return bytes;
};
// A revision is the hash of a file's bytes, read or written. Not of the text: a plan with any character beyond ASCII
// is a two-byte string in V8, and hashing (so encoding) that is far slower for a big plan than hashing its bytes.
const revisionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** A plan name as a file name on every OS: no folder separators, reserved characters or control characters. */
export function safeFileStem(name: string): string {
  const stem = name
    .replace(/\.rotaplan\.json$/i, '')
    .replace(/\.json$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return stem === '' ? 'plan' : stem;
}

type ReadResult =
  | { kind: 'missing' }
  | {
      kind: 'ok';
      plan: Plan;
      /** The file's bytes, as read: the load's backup compares and copies these instead of reading again. */
      bytes: Buffer;
      revision: string;
      migratedFrom: number | null;
      trusted?: true;
    }
  | {
      kind: 'bad';
      reason: PlanRefusalReason;
      revision: string;
      problems: PlanProblem[];
    };

/**
 * Reads and validates a plan file. With `trusts`, bytes whose revision this app version wrote or validated before
 * (see TrustedRevisions) are taken as the valid plan they were, without judging every shift again.
 */
async function readPlanFile(
  path: string,
  validator: PlanValidator,
  trusts?: (revision: string) => Promise<boolean>,
): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new StoreError('io', `Could not read ${path}: ${(error as Error).message}`);
  }
  const revision = revisionOf(bytes);
  if (trusts && (await trusts(revision))) {
    const known = parseJsonBytes(bytes) as Plan;
    // After the answer: recording every shift of a big plan would delay its load. An edit saved before then is
    // only validated in full.
    setImmediate(() => validator.markValidated(known));
    return { kind: 'ok', plan: known, bytes, revision, migratedFrom: null, trusted: true };
  }
  const read = readPlan(bytes, validator);
  if (!read.ok) return { kind: 'bad', reason: read.reason, revision, problems: read.problems };
  return { kind: 'ok', plan: read.plan, bytes, revision, migratedFrom: read.migratedFrom };
}

/**
 * The plan store on lowdb: load, validate, migrate, atomic save, backups, conflict detection.
 * Why one object for Electron and the preview: both route the same IPC contract to the same store and file.
 * Writes go through lowdb with a durable adapter (temporary file, fsync, rename, fsync of the folder) inside one
 * promise queue, so two saves never interleave and the file on disk is always a whole, valid plan, even when the
 * process is killed mid-save (bench/crash checks it).
 */
export function createPlanStore(options: PlanStoreOptions) {
  const now = options.now ?? (() => new Date());
  const maxBackups = options.maxBackups ?? 10;
  const backupIntervalMs = options.backupIntervalMs ?? 10 * 60_000;
  const defaultPath = join(options.userDataDir, `plan${PLAN_EXTENSION}`);
  const backupDir = join(options.userDataDir, 'backups');
  const databases = new Map<string, { db: Low<Plan>; file: DurableJsonFile<Plan> }>();
  const lastBackupAt = new Map<string, number>();
  // Remembers the shifts of the plans this store read or validated, so a patch or a save of an edited plan judges
  // only the shifts that changed.
  const validator = new PlanValidator();

  const trusted = createTrustedRevisions(
    join(options.userDataDir, 'trusted-revisions.json'),
    options.appVersion ? `${options.appVersion}/schema-${CURRENT_SCHEMA_VERSION}` : undefined,
  );
  const trustsFile = (path: string) => (revision: string) => trusted.trusts(path, revision);
  /**
   * After a full validation, off the load's path: a file that is exactly what this app would write for the plan
   * (same bytes) is remembered as trusted, so the next start skips judging it again.
   */
  function trustIfCanonical(path: string, plan: Plan, bytes: Buffer, revision: string): void {
    setImmediate(() => {
      if (serialise(plan).equals(bytes)) void trusted.remember(path, revision);
    });
  }

  let currentPath = defaultPath;
  let current: { plan: Plan; revision: string } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs store operations one after another, whatever the caller awaits. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** One lowdb database per file; lowdb refuses `undefined` as default data, so the first plan written seeds it. */
  function database(path: string, plan: Plan): { db: Low<Plan>; file: DurableJsonFile<Plan> } {
    let entry = databases.get(path);
    if (!entry) {
      const file = new DurableJsonFile<Plan>(path, serialise);
      entry = { db: new Low<Plan>(file, plan), file };
      databases.set(path, entry);
    }
    return entry;
  }

  /**
   * Writes a plan durably. With `expected`, only over the file it accepts (its bytes, or null for no file), as a
   * compare-and-swap: anything else on disk stays and FileChangedError is thrown. Without, over whatever is there
   * (save as: the user chose to replace that file).
   */
  async function writePlan(
    path: string,
    plan: Plan,
    expected: ((current: Buffer | null) => boolean) | null,
  ): Promise<string> {
    await mkdir(dirname(path), { recursive: true });
    const { db, file } = database(path, plan);
    db.data = plan;
    file.expected = expected;
    await db.write();
    const revision = revisionOf(serialise(plan));
    void trusted.remember(path, revision);
    return revision;
  }

  /**
   * Backs the file up (at most every `backupIntervalMs` unless forced); `read` is its content when just read.
   * Answers the bytes backed up (null when none were: not due, or no file).
   */
  async function backup(path: string, force: boolean, read?: Buffer): Promise<Buffer | null> {
    const last = lastBackupAt.get(path) ?? 0;
    if (!force && now().getTime() - last < backupIntervalMs) return null;
    let content: Buffer;
    try {
      content = read ?? (await readFile(path));
    } catch {
      return null;
    }
    // A version identical to the newest backup is not kept twice: ten reloads of the same file must not push the
    // older versions out of the ten kept.
    const newest = (await listBackupFiles()).find((b) => b.name === planBaseName(path));
    if (newest?.bytes === content.length) {
      const kept = await readFile(join(backupDir, newest.id)).catch(() => null);
      if (kept?.equals(content)) {
        lastBackupAt.set(path, now().getTime());
        return content;
      }
    }
    await mkdir(backupDir, { recursive: true });
    const name = `${planBaseName(path)}--${fileStamp(now())}${PLAN_EXTENSION}`;
    // The bytes compared above, not the file again: another program may have written it since.
    await writeFile(join(backupDir, name), content);
    lastBackupAt.set(path, now().getTime());
    const mine = (await listBackupFiles()).filter((b) => b.name === planBaseName(path));
    for (const old of mine.slice(maxBackups)) await unlink(join(backupDir, old.id)).catch(() => undefined);
    return content;
  }

  async function listBackupFiles(): Promise<Backup[]> {
    let names: string[];
    try {
      names = await readdir(backupDir);
    } catch {
      return [];
    }
    const backups: Backup[] = [];
    for (const name of names) {
      const match = /^(.+)--(\d{8}T\d{9}Z)\.rotaplan\.json$/.exec(name);
      if (!match) continue;
      const stamp = match[2]!;
      const savedAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
      const info = await stat(join(backupDir, name));
      backups.push({ id: name, name: match[1]!, savedAt, bytes: info.size });
    }
    return backups.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  async function newestGoodBackup(path: string): Promise<{ plan: Plan; savedAt: string } | null> {
    const mine = (await listBackupFiles()).filter((b) => b.name === planBaseName(path));
    for (const b of mine) {
      const read = await readPlanFile(join(backupDir, b.id), validator);
      if (read.kind === 'ok') return { plan: read.plan, savedAt: b.savedAt };
    }
    return null;
  }

  async function keepAside(path: string): Promise<string> {
    const keptAs = `${path}.corrupt-${fileStamp(now())}`;
    await copyFile(path, keptAs);
    return keptAs;
  }

  function loaded(plan: Plan, revision: string, notice: LoadNotice | null): LoadedPlan {
    current = { plan, revision };
    return { plan, path: currentPath, revision, notice };
  }

  /** Loads the current plan file, creating the sample on first start and recovering from a bad file. */
  function load(): Promise<LoadedPlan> {
    return exclusive(async () => {
      const path = currentPath;
      // A save killed between moving the file aside and linking the new one in left it beside: put it back first.
      await recoverSetAside(path);
      await removeStaleTemps(path);
      for (let attempt = 1; ; attempt++) {
        try {
          return await loadFrom(path);
        } catch (error) {
          // Another program created the file just as the sample was about to be: read theirs instead.
          if (!(error instanceof FileChangedError) || attempt >= 3) throw error;
        }
      }
    });
  }

  /** One try of `load`: reads the file, or writes the sample plan when there is none (and still none). */
  async function loadFrom(path: string): Promise<LoadedPlan> {
    const read = await readPlanFile(path, validator, trustsFile(path));
    switch (read.kind) {
      case 'missing': {
        const plan = options.createDefaultPlan(now().toISOString());
        const revision = await writePlan(path, plan, (found) => found === null);
        return loaded(plan, revision, {
          kind: 'first-run',
          message: `Welcome to Rotaplan. This is a sample plan for Pacific Infra Group, saved as ${path}. Change it or start your own.`,
        });
      }
      case 'ok': {
        await backup(path, true, read.bytes);
        if (!read.trusted && read.migratedFrom === null) {
          trustIfCanonical(path, read.plan, read.bytes, read.revision);
        }
        const notice: LoadNotice | null =
          read.migratedFrom === null
            ? null
            : migratedNotice('This plan', read.migratedFrom, 'the original is kept as a backup');
        return loaded(read.plan, read.revision, notice);
      }
      case 'bad': {
        const keptAs = await keepAside(path);
        const fallback = await newestGoodBackup(path);
        const plan = fallback?.plan ?? options.createDefaultPlan(now().toISOString());
        const what = planRefusalPhrase(read.reason);
        const opened = fallback ? `the last good backup from ${fallback.savedAt}` : 'the sample plan';
        // The unreadable file's content is taken as superseded: it is kept aside, and the next save replaces it.
        return loaded(plan, read.revision, {
          kind: 'recovered',
          message: `${path} ${what} (${problemSummary(read.problems)}). It was kept unchanged as ${keptAs}; Rotaplan opened ${opened} instead.`,
          keptAs,
          problems: read.problems,
        });
      }
    }
  }

  /** The plan the app sent, validated; refused with its JSON paths when it is not a valid plan. */
  function validOrRefuse(raw: unknown): Plan {
    const result = validatePlan(raw, validator);
    if (!result.ok) {
      throw new StoreError(
        result.kind === 'newer-version' ? 'newer-version' : 'invalid-plan',
        `The plan was not saved: ${problemSummary(result.problems)}. The file on disk is unchanged.`,
        result.problems,
      );
    }
    return result.plan;
  }

  /**
   * Writes a validated plan to the current file (inside `exclusive`), as a compare-and-swap: it replaces only the
   * revision this store last read or wrote (or, when it has none, e.g. after a restart, `baseRevision`, the one the
   * app last saw), or no file at all. Anything else on disk, including a file this store never read, stays and the
   * save is refused as a conflict.
   */
  async function writeCurrent(plan: Plan, baseRevision?: string): Promise<SaveOutcome> {
    const known = current?.revision ?? baseRevision ?? null;
    await backup(currentPath, false);
    let revision: string;
    try {
      revision = await writePlan(currentPath, plan, (found) =>
        found === null ? true : known !== null && revisionOf(found) === known,
      );
    } catch (error) {
      if (!(error instanceof FileChangedError)) throw error;
      const why =
        known === null
          ? `Rotaplan has not read ${currentPath} since it started, so it does not write over it.`
          : `${currentPath} was changed by another program since Rotaplan read it.`;
      const kept = error.keptAs ? ` The version that was on disk is kept as ${error.keptAs}.` : '';
      throw new StoreError(
        'conflict',
        `${why} Your changes were not written; reload the file or save yours as a copy.${kept}`,
      );
    }
    current = { plan, revision };
    return { path: currentPath, revision, savedAt: now().toISOString() };
  }

  /**
   * Validates and saves a plan to the current file, refusing when the file on disk is not the revision the store
   * last read or wrote (`baseRevision`: the one the app last saw, used when the store has read nothing yet).
   */
  function save(raw: unknown, baseRevision?: string): Promise<SaveOutcome> {
    return exclusive(async () => writeCurrent(validOrRefuse(raw), baseRevision));
  }

  /**
   * Saves the plan rebuilt from the store's current plan and a patch (what changed since `baseRevision`), then
   * exactly as `save`: full validation, the conflict check, backup, durable write.
   * Why: a big plan is megabytes; sending it whole on every save blocked the renderer. Refused with
   * `stale-base` when the current plan is not the revision the patch was made against (the renderer then sends the
   * whole plan), and with `invalid-plan` when the patch does not fit or the rebuilt plan is not valid.
   */
  function savePatch(baseRevision: string, patch: PlanPatch): Promise<SaveOutcome> {
    return exclusive(async () => {
      if (!current || current.revision !== baseRevision) {
        throw new StoreError(
          'stale-base',
          `The plan's revision is ${current?.revision ?? 'unknown'}, not ${baseRevision} that the changes were made against; send the whole plan. The file on disk is unchanged.`,
        );
      }
      const applied = applyPlanPatch(current.plan, patch);
      if (!applied.ok) {
        throw new StoreError(
          'invalid-plan',
          `The plan was not saved: ${applied.reason}. The file on disk is unchanged.`,
          [{ path: '(root)', message: applied.reason }],
        );
      }
      return writeCurrent(validOrRefuse(applied.plan));
    });
  }

  /**
   * Writes a plan under the first of `candidates` (tried in order) that no file has, never over a file; answers
   * the path and the revision. Why not check, then write: another program could take the name in between.
   */
  async function writeNewFile(
    candidates: (n: number) => string,
    plan: Plan,
  ): Promise<{ path: string; revision: string }> {
    for (let n = 1; n < 10_000; n++) {
      const target = candidates(n);
      const taken = await access(target).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      try {
        return { path: target, revision: await writePlan(target, plan, (found) => found === null) };
      } catch (error) {
        if (!(error instanceof FileChangedError)) throw error;
      }
    }
    throw new StoreError('io', `Could not find a free file name for ${candidates(1)}.`);
  }

  /** Free names beside `path`: `<name> (my copy 2027-03-01T10-00-00Z).rotaplan.json`, numbered if taken. */
  function copyPathFor(path: string): (n: number) => string {
    const stem = `${planDisplayName(path)} (my copy ${readableStamp(now())}`;
    return (n) => join(dirname(path), `${stem}${n === 1 ? '' : ` ${n}`})${PLAN_EXTENSION}`);
  }

  /**
   * Conflict, "keep mine": writes the app's plan as a copy beside the file another program changed, and continues
   * there. The other program's file is left exactly as it is.
   */
  function keepMineAsCopy(raw: unknown): Promise<SaveOutcome> {
    return exclusive(async () => {
      const plan = validOrRefuse(raw);
      const { path: target, revision } = await writeNewFile(copyPathFor(currentPath), plan);
      currentPath = target;
      current = { plan, revision };
      return { path: target, revision, savedAt: now().toISOString() };
    });
  }

  /** Conflict, "compare": what differs between the app's plan and the file on disk now. */
  function compareWithDisk(raw: unknown): Promise<PlanComparison> {
    return exclusive(async () => {
      const mine = validOrRefuse(raw);
      const read = await readPlanFile(currentPath, validator);
      switch (read.kind) {
        case 'missing':
          return compareWithUnreadable(currentPath, mine, 'missing', `${currentPath} no longer exists.`);
        case 'bad':
          return compareWithUnreadable(
            currentPath,
            mine,
            'unreadable',
            `${currentPath} is not a plan Rotaplan can read: ${problemSummary(read.problems)}.`,
          );
        case 'ok':
          return comparePlans(currentPath, mine, read.plan);
      }
    });
  }

  /** Opens another plan file; a bad file is refused and the current plan stays open and untouched. */
  function open(path: string): Promise<LoadedPlan> {
    return exclusive(async () => {
      const target = resolve(path);
      // As at load: a save of this file killed mid-swap may have left it beside its name.
      await recoverSetAside(target);
      await removeStaleTemps(target);
      const read = await readPlanFile(target, validator, trustsFile(target));
      if (read.kind === 'missing') throw new StoreError('not-found', `There is no file at ${target}.`);
      if (read.kind === 'bad') {
        throw new StoreError(
          read.reason === 'newer-version' ? 'newer-version' : 'invalid-plan',
          `${planRefusal(target, read.reason, read.problems)}. The plan you had open is unchanged.`,
          read.problems,
        );
      }
      // Back up first: should that fail, the plan that was open stays the current one, path and all.
      await backup(target, true, read.bytes);
      if (!read.trusted && read.migratedFrom === null) {
        trustIfCanonical(target, read.plan, read.bytes, read.revision);
      }
      currentPath = target;
      options.onOpened?.(target);
      return loaded(
        read.plan,
        read.revision,
        read.migratedFrom === null
          ? null
          : migratedNotice(target, read.migratedFrom, 'the original is kept as a backup'),
      );
    });
  }

  /** Conflict, "reload": reads the current file again as the other program left it (a bad file is refused). */
  function reload(): Promise<LoadedPlan> {
    return open(currentPath);
  }

  /** Writes the current plan to a new file and continues there. */
  function saveAs(path: string): Promise<SaveOutcome> {
    return exclusive(async () => {
      if (!current) throw new StoreError('not-found', 'No plan is open yet.');
      let target = resolve(path);
      if (!target.toLowerCase().endsWith('.json')) target += PLAN_EXTENSION;
      const revision = await writePlan(target, current.plan, null);
      currentPath = target;
      options.onOpened?.(target);
      current = { ...current, revision };
      return { path: target, revision, savedAt: now().toISOString() };
    });
  }

  /**
   * Writes a plan as a new file in `folder`, named `<name>.rotaplan.json` (numbered when taken), and continues
   * there (plan:new, plan:openText). Why here and not in a handler: the free-name check and the write happen in
   * the store's queue, so two creations never pick the same name, and the file is written durably like any save.
   * The plan that was open is left exactly as it is on disk.
   */
  function createFile(
    folder: string,
    name: string,
    raw: unknown,
    notice: LoadNotice | null = null,
  ): Promise<LoadedPlan> {
    return exclusive(async () => {
      const plan = validOrRefuse(raw);
      await mkdir(folder, { recursive: true });
      const stem = safeFileStem(name);
      const { path: target, revision } = await writeNewFile(
        (n) => join(folder, `${stem}${n === 1 ? '' : ` ${n}`}${PLAN_EXTENSION}`),
        plan,
      );
      currentPath = target;
      options.onOpened?.(target);
      return loaded(plan, revision, notice);
    });
  }

  /** Restores a backup as the current plan (the version it replaces is backed up first). */
  function restoreBackup(id: string): Promise<LoadedPlan> {
    return exclusive(async () => {
      const backups = await listBackupFiles();
      const found = backups.find((b) => b.id === id);
      if (!found) throw new StoreError('not-found', `There is no backup called ${id}.`);
      const read = await readPlanFile(join(backupDir, found.id), validator);
      if (read.kind !== 'ok')
        throw new StoreError('invalid-plan', `The backup ${id} cannot be read; nothing was changed.`);
      // Replaces exactly the bytes just backed up: a version another program writes meanwhile is not lost.
      const replaced = await backup(currentPath, true);
      let revision: string;
      try {
        revision = await writePlan(
          currentPath,
          read.plan,
          (found) => found === null || (replaced !== null && found.equals(replaced)),
        );
      } catch (error) {
        if (!(error instanceof FileChangedError)) throw error;
        throw new StoreError(
          'conflict',
          `${currentPath} was changed by another program while the backup was being restored; nothing was written. ${error.message}`,
        );
      }
      return loaded(read.plan, revision, null);
    });
  }

  return {
    defaultPath,
    backupDir,
    get currentPath() {
      return currentPath;
    },
    load,
    save,
    savePatch,
    open,
    reload,
    saveAs,
    keepMineAsCopy,
    compareWithDisk,
    listBackups: () => exclusive(listBackupFiles),
    restoreBackup,
    createFile,
  };
}
