import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashTrials } from '../../../bench/crash/trials';
import { removeStaleTemps, writeFileDurably } from '../../../electron/store/durable-file';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

// Each kill trial starts a real process that saves through the plan store until it is SIGKILLed; on a busy
// machine a trial takes a second or two, so the limit is generous.
vi.setConfig({ testTimeout: 240_000 });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-durable-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A process id no process has (so its temporary files count as left by a killed save). */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

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
