import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlanStore, type PlanStoreOptions } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { refusal } from './refusal';

// Real files and (for the CLI) real processes: generous limits so a busy CI machine does not fail them.
vi.setConfig({ testTimeout: 20_000 });

const START = Date.parse('2027-03-01T10:00:00.000Z');
const MINUTE = 60_000;

/** A clock the test moves by hand, so file stamps and backup times are exact. */
function manualClock(start = START) {
  let t = start;
  return {
    now: () => new Date(t),
    set: (iso: string) => void (t = Date.parse(iso)),
    advance: (ms: number) => void (t += ms),
  };
}

let dir: string;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-store-'));
  clock = manualClock();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

function makeStore(extra: Partial<PlanStoreOptions> = {}) {
  return createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan, now: clock.now, ...extra });
}

const renamed = (plan: Plan, name: string): Plan => ({ ...plan, meta: { ...plan.meta, name } });
const planPath = () => join(dir, 'plan.rotaplan.json');
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('first start', () => {
  it('creates the sample plan in the user-data folder and says so', async () => {
    const store = makeStore();
    const loaded = await store.load();
    expect(loaded.path).toBe(planPath());
    expect(store.currentPath).toBe(planPath());
    expect(loaded.notice).toEqual({
      kind: 'first-run',
      message: `Welcome to Rotaplan. This is a sample plan for Pacific Infra Group, saved as ${planPath()}. Change it or start your own.`,
    });
    expect(loaded.plan).toEqual(createSamplePlan('2027-03-01T10:00:00.000Z'));
    expect(await readJson(planPath())).toEqual(loaded.plan);
  });

  it('the second start reads the file back without a notice', async () => {
    await makeStore().load();
    const again = await makeStore().load();
    expect(again.notice).toBeNull();
    expect(again.plan.meta.createdAt).toBe('2027-03-01T10:00:00.000Z');
  });
});

describe('save and load', () => {
  it('round-trips: save, a new store instance, load gives the same plan', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    const edited = renamed(plan, 'Coverage after the reorg');
    clock.advance(MINUTE);
    const saved = await store.save(edited);
    expect(saved).toEqual({
      path: planPath(),
      revision: expect.stringMatching(/^[0-9a-f]{16}$/),
      savedAt: '2027-03-01T10:01:00.000Z',
    });
    const reloaded = await makeStore().load();
    expect(reloaded.plan).toEqual(edited);
    expect(reloaded.notice).toBeNull();
    expect(reloaded.revision).toBe(saved.revision);
  });

  it('saves again and again after the first start (its own writes are not taken for a conflict)', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    await store.save(renamed(plan, 'one'));
    await store.save(renamed(plan, 'two'));
    await store.save(renamed(plan, 'three'));
    expect(await readJson(planPath())).toEqual(renamed(plan, 'three'));
  });

  it('a save refused as invalid leaves the file byte-identical and names the path', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    const before = await readFile(planPath());
    const bad = structuredClone(plan);
    bad.members[1]!.email = 'not-an-address';
    const error = await refusal(store.save(bad));
    expect(error.code).toBe('invalid-plan');
    expect(error.problems).toEqual([{ path: 'members[1].email', message: 'expected an e-mail address' }]);
    expect(error.message).toBe(
      'The plan was not saved: members[1].email: expected an e-mail address. The file on disk is unchanged.',
    );
    expect(await readFile(planPath())).toEqual(before);
    // The refusal does not poison the queue: a good save still goes through.
    await store.save(renamed(plan, 'after the refusal'));
    expect(((await readJson(planPath())) as Plan).meta.name).toBe('after the refusal');
  });

  it('refuses to save over a file another program changed since it was read', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    const theirs = `${JSON.stringify(renamed(plan, 'edited in a text editor'), null, 2)}\n`;
    await writeFile(planPath(), theirs);
    const error = await refusal(store.save(renamed(plan, 'mine')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`${planPath()} was changed by another program`);
    expect(await readFile(planPath(), 'utf8')).toBe(theirs);
  });

  it('serialises two saves started without await between them: the last one wins', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    const first = store.save(renamed(plan, 'first'));
    const second = store.save(renamed(plan, 'second'));
    const [a, b] = await Promise.all([first, second]);
    expect(a.revision).not.toBe(b.revision);
    expect(await readJson(planPath())).toEqual(renamed(plan, 'second'));
    expect((await makeStore().load()).revision).toBe(b.revision);
  });

  it('a plan with text beyond ASCII: its revision is the hash of the file bytes, and saving after a load works', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    const saved = await store.save(renamed(plan, 'Équipe données — São Paulo’s “plan” ≥ 4'));
    const bytes = await readFile(planPath());
    expect(saved.revision).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    const again = makeStore();
    const loaded = await again.load();
    expect(loaded.plan.meta.name).toBe('Équipe données — São Paulo’s “plan” ≥ 4');
    expect(loaded.revision).toBe(saved.revision);
    await again.save(renamed(loaded.plan, 'Zoë'));
    expect(((await readJson(planPath())) as Plan).meta.name).toBe('Zoë');
  });

  it('a file that is not UTF-8 is kept aside, and the next save replaces it without a conflict', async () => {
    const latin1 = Buffer.from('{"name": "caf\xe9"}', 'latin1');
    await writeFile(planPath(), latin1);
    const store = makeStore();
    const loaded = await store.load();
    expect(loaded.notice?.kind).toBe('recovered');
    await store.save(renamed(loaded.plan, 'after the broken file'));
    expect(((await readJson(planPath())) as Plan).meta.name).toBe('after the broken file');
    expect(await readFile(loaded.notice!.keptAs!)).toEqual(latin1);
  });

  it('keeps the file whole, valid JSON while many saves run and it is read in between', async () => {
    const store = makeStore({ backupIntervalMs: 0 });
    const { plan } = await store.load();
    const saves = Array.from({ length: 20 }, (_, i) => store.save(renamed(plan, `save ${i}`)));
    let done = false;
    const all = Promise.all(saves).finally(() => (done = true));
    let reads = 0;
    while (!done) {
      // A save moves the file aside for a few system calls (its compare-and-swap): a reader may find no file
      // then, but never a partial one.
      const text = await readFile(planPath(), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (text === null) continue;
      expect(() => JSON.parse(text)).not.toThrow();
      reads += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await all;
    expect(reads).toBeGreaterThan(0);
    expect(((await readJson(planPath())) as Plan).meta.name).toBe('save 19');
    const leftovers = (await readdir(dir)).filter((f) => /\.(tmp|aside|old)$/.test(f));
    expect(leftovers).toEqual([]);
  });
});

describe('a bad plan file is kept aside, reported and never overwritten by the load', () => {
  const sampleText = `${JSON.stringify(createSamplePlan('2026-11-27T00:00:00.000Z'), null, 2)}\n`;
  const invalid = createSamplePlan('2026-11-27T00:00:00.000Z');
  invalid.members[1]!.email = 'diego-at-pacificinfra';
  const rows = [
    {
      what: 'not JSON',
      text: 'this is not JSON at all',
      problemPath: '(root)',
      problem: /^not valid JSON/,
      says: 'is not valid JSON',
    },
    {
      what: 'cut short',
      text: sampleText.slice(0, 3000),
      problemPath: '(root)',
      problem: /^not valid JSON/,
      says: 'is not valid JSON',
    },
    {
      what: 'empty',
      text: '',
      problemPath: '(root)',
      problem: /^the file is empty$/,
      says: 'is not valid JSON',
    },
    {
      what: 'invalid',
      text: JSON.stringify(invalid, null, 2),
      problemPath: 'members[1].email',
      problem: /^expected an e-mail address$/,
      says: 'is not a valid plan',
    },
    {
      what: 'from a newer version',
      text: JSON.stringify({ ...invalid, schemaVersion: 99 }),
      problemPath: 'schemaVersion',
      problem: /^this plan was written by a newer Rotaplan \(schema 99;/,
      says: 'comes from a newer Rotaplan',
    },
  ];

  it.each(rows)('$what', async ({ text, problemPath, problem, says }) => {
    await writeFile(planPath(), text);
    const loaded = await makeStore().load();
    const keptAs = `${planPath()}.corrupt-20270301T100000000Z`;
    expect(loaded.notice?.kind).toBe('recovered');
    expect(loaded.notice?.keptAs).toBe(keptAs);
    expect(loaded.notice?.problems?.[0]?.path).toBe(problemPath);
    expect(loaded.notice?.problems?.[0]?.message).toMatch(problem);
    expect(loaded.notice?.message).toContain(`${planPath()} ${says} (${problemPath}: `);
    expect(loaded.notice?.message).toContain(
      `It was kept unchanged as ${keptAs}; Rotaplan opened the sample plan instead.`,
    );
    expect(await readFile(keptAs, 'utf8')).toBe(text);
    expect(await readFile(planPath(), 'utf8')).toBe(text);
    expect(loaded.plan).toEqual(createSamplePlan('2027-03-01T10:00:00.000Z'));
  });

  it('falls back to the newest good backup, skipping a backup that is itself broken', async () => {
    const store = makeStore({ backupIntervalMs: 0 });
    const { plan } = await store.load();
    clock.set('2027-03-02T09:00:00.000Z');
    await store.save(renamed(plan, 'Version A'));
    clock.set('2027-03-03T09:00:00.000Z');
    await store.save(renamed(plan, 'Version B')); // backs up Version A at 2027-03-03T09:00
    // A newer backup that is unreadable must be passed over.
    await writeFile(join(store.backupDir, 'plan--20270304T090000000Z.rotaplan.json'), '{"schemaVersion": 1');
    await writeFile(planPath(), '{ "schemaVersion": 1, "meta": ');
    clock.set('2027-03-05T09:00:00.000Z');
    const loaded = await makeStore({ backupIntervalMs: 0 }).load();
    expect(loaded.plan.meta.name).toBe('Version A');
    expect(loaded.notice?.kind).toBe('recovered');
    expect(loaded.notice?.message).toContain(
      'Rotaplan opened the last good backup from 2027-03-03T09:00:00.000Z instead.',
    );
    expect(await readFile(`${planPath()}.corrupt-20270305T090000000Z`, 'utf8')).toBe(
      '{ "schemaVersion": 1, "meta": ',
    );
  });
});

describe('open', () => {
  it('opens another good plan file and continues there', async () => {
    const store = makeStore();
    await store.load();
    const other = join(dir, 'elsewhere', 'team-b.rotaplan.json');
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(other, JSON.stringify(renamed(createSamplePlan('2026-11-27T00:00:00.000Z'), 'Team B')));
    const opened = await store.open(other);
    expect(opened.path).toBe(other);
    expect(opened.plan.meta.name).toBe('Team B');
    expect(store.currentPath).toBe(other);
    await store.save(renamed(opened.plan, 'Team B, edited'));
    expect(((await readJson(other)) as Plan).meta.name).toBe('Team B, edited');
  });

  it.each([
    { what: 'an invalid plan', text: '{"schemaVersion": 1}', code: 'invalid-plan', path: 'meta' },
    { what: 'not JSON', text: '{{{', code: 'invalid-plan', path: '(root)' },
    {
      what: 'a newer version',
      text: JSON.stringify({ schemaVersion: 99 }),
      code: 'newer-version',
      path: 'schemaVersion',
    },
  ])('refuses $what and keeps the current plan and path', async ({ text, code, path }) => {
    const store = makeStore();
    const { plan } = await store.load();
    const bad = join(dir, 'bad.rotaplan.json');
    await writeFile(bad, text);
    const error = await refusal(store.open(bad));
    expect(error.code).toBe(code);
    expect(error.problems?.[0]?.path).toBe(path);
    expect(error.message).toContain('The plan you had open is unchanged.');
    expect(store.currentPath).toBe(planPath());
    expect(await readFile(bad, 'utf8')).toBe(text);
    await store.save(renamed(plan, 'still here'));
    expect(((await readJson(planPath())) as Plan).meta.name).toBe('still here');
  });

  it('refuses a missing file with not-found', async () => {
    const store = makeStore();
    await store.load();
    const error = await refusal(store.open(join(dir, 'nope.rotaplan.json')));
    expect(error.code).toBe('not-found');
    expect(store.currentPath).toBe(planPath());
  });
});

describe('save as', () => {
  it('writes the current plan to a new file, adds the extension and continues there', async () => {
    const store = makeStore();
    const { plan } = await store.load();
    const outcome = await store.saveAs(join(dir, 'copy'));
    expect(outcome.path).toBe(join(dir, 'copy.rotaplan.json'));
    expect(store.currentPath).toBe(join(dir, 'copy.rotaplan.json'));
    expect(await readJson(outcome.path)).toEqual(plan);
    await store.save(renamed(plan, 'the copy'));
    expect(((await readJson(outcome.path)) as Plan).meta.name).toBe('the copy');
    expect(((await readJson(planPath())) as Plan).meta.name).toBe(plan.meta.name);
  });
});

describe('backups', () => {
  it('keeps the last 10, lists them newest first and restores one', async () => {
    const store = makeStore({ backupIntervalMs: 0 });
    const { plan } = await store.load(); // first start: nothing to back up yet
    for (let i = 0; i < 15; i++) {
      clock.set(`2027-03-01T11:${String(i).padStart(2, '0')}:00.000Z`);
      await store.save(renamed(plan, `v${i}`)); // backs up what v${i} replaces
    }
    const backups = await store.listBackups();
    expect(backups).toHaveLength(10);
    // Save i backs up v(i-1): the ten newest are v4 … v13, taken at 11:05 … 11:14.
    expect(backups.map((b) => b.savedAt)).toEqual(
      Array.from({ length: 10 }, (_, k) => `2027-03-01T11:${String(14 - k).padStart(2, '0')}:00.000Z`),
    );
    expect(backups[0]).toEqual({
      id: 'plan--20270301T111400000Z.rotaplan.json',
      name: 'plan',
      savedAt: '2027-03-01T11:14:00.000Z',
      bytes: expect.any(Number),
    });
    const names = await Promise.all(
      backups.map(async (b) => ((await readJson(join(store.backupDir, b.id))) as Plan).meta.name),
    );
    expect(names).toEqual(['v13', 'v12', 'v11', 'v10', 'v9', 'v8', 'v7', 'v6', 'v5', 'v4']);
    expect(await readdir(store.backupDir)).toHaveLength(10);

    clock.set('2027-03-01T12:00:00.000Z');
    const restored = await store.restoreBackup(backups[9]!.id);
    expect(restored.plan).toEqual(renamed(plan, 'v4'));
    expect(restored.path).toBe(planPath());
    expect(await readJson(planPath())).toEqual(renamed(plan, 'v4'));
    // The version the restore replaced is itself kept, and the total stays at 10.
    const after = await store.listBackups();
    expect(after).toHaveLength(10);
    expect(after[0]!.savedAt).toBe('2027-03-01T12:00:00.000Z');
    expect(((await readJson(join(store.backupDir, after[0]!.id))) as Plan).meta.name).toBe('v14');
    // And saving after a restore is not taken for a conflict.
    await store.save(renamed(plan, 'after restore'));
    expect((await makeStore().load()).plan.meta.name).toBe('after restore');
  });

  it('does not keep the same version twice: reloading an unchanged file keeps the older backups', async () => {
    const store = makeStore({ backupIntervalMs: 0 });
    const { plan } = await store.load();
    clock.set('2027-03-01T11:00:00.000Z');
    await store.save(renamed(plan, 'v1')); // backs up the sample
    for (let i = 0; i < 12; i++) {
      clock.advance(MINUTE);
      await makeStore().load(); // each load backs up v1, unless it is already kept
    }
    const backups = await store.listBackups();
    expect(backups.map((b) => b.savedAt)).toEqual(['2027-03-01T11:01:00.000Z', '2027-03-01T11:00:00.000Z']);
    const names = await Promise.all(
      backups.map(async (b) => ((await readJson(join(store.backupDir, b.id))) as Plan).meta.name),
    );
    expect(names).toEqual(['v1', 'Data pipeline coverage 2027']);
  });

  it('takes at most one backup per interval while saving', async () => {
    const store = makeStore({ backupIntervalMs: 10 * MINUTE });
    const { plan } = await store.load();
    for (let i = 0; i < 5; i++) {
      clock.advance(MINUTE);
      await store.save(renamed(plan, `edit ${i}`));
    }
    expect(await store.listBackups()).toHaveLength(1);
    clock.advance(10 * MINUTE);
    await store.save(renamed(plan, 'later'));
    expect(await store.listBackups()).toHaveLength(2);
  });

  it('refuses to restore a backup that does not exist', async () => {
    const store = makeStore();
    await store.load();
    const error = await refusal(store.restoreBackup('plan--20990101T000000000Z.rotaplan.json'));
    expect(error.code).toBe('not-found');
  });
});
