import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCrashTrials } from '../../../bench/crash/trials';
import {
  FileChangedError,
  recoverSetAside,
  removeStaleTemps,
  replaceFileIfUnchanged,
  writeFileDurably,
} from '../../../electron/files/durable-file';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { deadPid } from '../../helpers/dead-pid';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Each kill trial starts a real process that saves through the plan store until it is SIGKILLed; on a busy
// machine a trial takes a second or two, so the limit is generous.
vi.setConfig({ testTimeout: 240_000 });

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('rotaplan-durable-');
});
afterEach(() => removeDir(dir));

describe('durable writes', () => {
  it('replaces the content whole and leaves no temporary file', async () => {
    const path = join(dir, 'plan.rotaplan.json');
    await writeFile(path, 'old');
    await writeFileDurably(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
  });

  it('a failed replace keeps the old file and removes its temporary file', async () => {
    const path = join(dir, 'plan.rotaplan.json');
    await mkdir(path); // a folder where the file should be: the rename must fail
    await expect(writeFileDurably(path, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
  });

  it('removes what killed saves left (dead process or old), keeps live and unrelated files', async () => {
    const path = join(dir, 'plan.rotaplan.json');
    const dead = deadPid();
    const files = {
      dead: `.plan.rotaplan.json.${dead}-3.tmp`,
      mine: `.plan.rotaplan.json.${process.pid}-1.tmp`,
      liveFresh: `.plan.rotaplan.json.${process.ppid}-1.tmp`,
      liveOld: `.plan.rotaplan.json.${process.ppid}-2.tmp`,
      otherPlan: `.team-b.rotaplan.json.${dead}-1.tmp`,
      lowdbStyle: '.plan.rotaplan.json.tmp',
    };
    for (const name of Object.values(files)) await writeFile(join(dir, name), '{');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, files.liveOld), hourAgo, hourAgo);
    expect(await removeStaleTemps(path)).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(
      [files.mine, files.liveFresh, files.otherPlan, files.lowdbStyle].sort(),
    );
  });

  it('the store clears a killed save`s leftovers when it loads the plan', async () => {
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    await store.load();
    const leftover = `.plan.rotaplan.json.${deadPid()}-7.tmp`;
    await writeFile(join(dir, leftover), '{"half a pl');
    await createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan }).load();
    expect(await readdir(dir)).not.toContain(leftover);
  });
});

describe('compare-and-swap writes', () => {
  it('replaces the file only when it is what the caller expects, and leaves nothing beside it', async () => {
    const path = join(dir, 'plan.rotaplan.json');
    await writeFile(path, 'known');
    await replaceFileIfUnchanged(path, 'mine', (found) => found?.toString() === 'known');
    expect(await readFile(path, 'utf8')).toBe('mine');
    await writeFile(path, 'theirs');
    const refused = await replaceFileIfUnchanged(
      path,
      'mine again',
      (found) => found?.toString() === 'mine',
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FileChangedError);
    expect(await readFile(path, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
  });

  it('a file that landed just before the swap goes back; with the name taken again meanwhile, it is kept as a copy', async () => {
    const path = join(dir, 'plan.rotaplan.json');
    // The comparison is the hook: the first call compares what was read; another program then renames its
    // version over the file, so the swap moves theirs aside and compares it again (the second call).
    const landTheirs = () => {
      writeFileSync(join(dir, 'theirs.partial'), 'theirs');
      renameSync(join(dir, 'theirs.partial'), path);
    };
    await writeFile(path, 'known');
    const seen: string[] = [];
    const refused = await replaceFileIfUnchanged(path, 'mine', (found) => {
      seen.push(found?.toString() ?? 'no file');
      if (seen.length === 1) landTheirs();
      return found?.toString() === 'known';
    }).catch((error: unknown) => error);
    expect(seen).toEqual(['known', 'theirs']);
    expect(refused).toMatchObject({ name: 'FileChangedError', keptAs: null });
    expect(await readFile(path, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);

    await writeFile(path, 'known');
    seen.length = 0;
    const kept = await replaceFileIfUnchanged(path, 'mine', (found) => {
      seen.push(found?.toString() ?? 'no file');
      if (seen.length === 1) landTheirs();
      // While theirs is moved aside, a third program creates the file anew.
      if (seen.length === 2) writeFileSync(path, 'a third version');
      return found?.toString() === 'known';
    }).catch((error: unknown) => error);
    expect(kept).toBeInstanceOf(FileChangedError);
    const keptAs = (kept as FileChangedError).keptAs!;
    expect(keptAs).toMatch(/plan\.rotaplan\.json\.conflict-\d{8}T\d{9}Z$/);
    expect(await readFile(keptAs, 'utf8')).toBe('theirs');
    expect(await readFile(path, 'utf8')).toBe('a third version');
    expect((await readdir(dir)).sort()).toEqual([basename(keptAs), 'plan.rotaplan.json'].sort());
  });

  it('creates a file that must not exist yet, and refuses when one does', async () => {
    const path = join(dir, 'new.rotaplan.json');
    await replaceFileIfUnchanged(path, 'first', (found) => found === null);
    await expect(replaceFileIfUnchanged(path, 'second', (found) => found === null)).rejects.toBeInstanceOf(
      FileChangedError,
    );
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['new.rotaplan.json']);
  });
});

describe('what a save killed in the middle of its swap left beside the file', () => {
  const path = () => join(dir, 'plan.rotaplan.json');
  const beside = (pid: number, n: number, kind: string) =>
    join(dir, `.plan.rotaplan.json.${pid}-${n}.${kind}`);

  it('the file moved aside goes back when the plan is missing (checked or not)', async () => {
    const dead = deadPid();
    await writeFile(beside(dead, 1, 'aside'), 'the plan');
    expect(await recoverSetAside(path())).toEqual([]);
    expect(await readFile(path(), 'utf8')).toBe('the plan');
    await rm(path());
    await writeFile(beside(dead, 2, 'old'), 'the checked plan');
    await recoverSetAside(path());
    expect(await readFile(path(), 'utf8')).toBe('the checked plan');
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
  });

  it('a checked old version is removed when the plan is there; an unchecked one only when it is the same bytes', async () => {
    const dead = deadPid();
    await writeFile(path(), 'the new plan');
    await writeFile(beside(dead, 1, 'old'), 'the version it replaced');
    await writeFile(beside(dead, 2, 'aside'), 'the new plan');
    expect(await recoverSetAside(path())).toEqual([]);
    expect(await readdir(dir)).toEqual(['plan.rotaplan.json']);
    expect(await readFile(path(), 'utf8')).toBe('the new plan');
  });

  it('an unchecked file with other bytes than the plan is kept as a visible copy, never removed', async () => {
    const dead = deadPid();
    await writeFile(path(), 'what another program wrote after the kill');
    await writeFile(beside(dead, 1, 'aside'), 'the version that was moved aside');
    const kept = await recoverSetAside(path());
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/plan\.rotaplan\.json\.conflict-\d{8}T\d{9}Z$/);
    expect(await readFile(kept[0]!, 'utf8')).toBe('the version that was moved aside');
    expect(await readFile(path(), 'utf8')).toBe('what another program wrote after the kill');
    expect((await readdir(dir)).sort()).toEqual(['plan.rotaplan.json', basename(kept[0]!)].sort());
  });

  it('leaves a live process`s files alone while it is mid-swap, however old the plan moved aside', async () => {
    await writeFile(beside(process.ppid, 1, 'aside'), 'mid-save in another process');
    // Moved aside just now, but written an hour ago: a rename keeps the modification time.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(beside(process.ppid, 1, 'aside'), hourAgo, hourAgo);
    expect(await recoverSetAside(path())).toEqual([]);
    expect(await readdir(dir)).toEqual(['.plan.rotaplan.json.' + process.ppid + '-1.aside']);
  });

  it('the store puts the plan back when it loads, instead of starting with the sample', async () => {
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    const { plan } = await store.load();
    const renamed = { ...plan, meta: { ...plan.meta, name: 'Moved aside by a killed save' } };
    await store.save(renamed);
    await rename(path(), beside(deadPid(), 4, 'aside'));
    const loaded = await createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan }).load();
    expect(loaded.notice).toBeNull();
    expect(loaded.plan.meta.name).toBe('Moved aside by a killed save');
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('opening a plan whose save was killed mid-swap', () => {
  it('finds the plan put back, not "no file"', async () => {
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    const { plan } = await store.load();
    const other = join(dir, 'team-b.rotaplan.json');
    await writeFile(other, JSON.stringify({ ...plan, meta: { ...plan.meta, name: 'Team B' } }, null, 2));
    await rename(other, join(dir, `.team-b.rotaplan.json.${deadPid()}-9.old`));
    const opened = await store.open(other);
    expect(opened.plan.meta.name).toBe('Team B');
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('crash safety: SIGKILL while saving through the plan store', () => {
  it('20 kill trials lose nothing and corrupt nothing', async () => {
    const report = await runCrashTrials({ trials: 20, seed: 7 });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ trials: 20, lost: 0, corrupt: 0 });
    // The trials must have exercised the store: saves finished, and kills that landed in the middle of one.
    expect(report.savesDone).toBeGreaterThan(0);
    expect(report.killedMidSave).toBeGreaterThan(0);
  });
});
