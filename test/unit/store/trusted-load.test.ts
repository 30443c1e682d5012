import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlanStore } from '../../../electron/store/plan-store';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/plan/schema';

vi.setConfig({ testTimeout: 20_000 });

const NOW = '2026-11-27T00:00:00.000Z';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-trust-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

const planFile = () => join(dir, 'plan.rotaplan.json');
const recordFile = () => join(dir, 'trusted-revisions.json');
const store = (appVersion?: string) =>
  createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan, appVersion });

/** Waits until the trust record holds an entry for the plan file (it is written beside the load or save). */
async function recorded(): Promise<Record<string, string>> {
  for (let i = 0; i < 100; i++) {
    const text = await readFile(recordFile(), 'utf8').catch(() => null);
    if (text) {
      const revisions = (JSON.parse(text) as { revisions: Record<string, string> }).revisions;
      if (revisions[planFile()]) return revisions;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no trust record was written');
}

/** Text a plan file would not pass validation with, made to look trusted by writing its revision into the record. */
async function trustAnInvalidFile(fingerprint: string): Promise<void> {
  const plan = createSamplePlan(NOW);
  const broken = {
    ...plan,
    members: plan.members.map((m, i) => (i === 0 ? { ...m, email: 'not an email' } : m)),
  };
  const text = JSON.stringify(broken, null, 2);
  await writeFile(planFile(), text);
  const revision = createHash('sha256').update(text).digest('hex').slice(0, 16);
  await writeFile(recordFile(), JSON.stringify({ fingerprint, revisions: { [planFile()]: revision } }));
}

describe('plan files this app wrote are not validated again', () => {
  it('records the revision of each file it writes, under the app and schema version', async () => {
    const first = store('1.2.3');
    const loaded = await first.load();
    expect(await recorded()).toEqual({ [planFile()]: loaded.revision });
    const text = JSON.parse(await readFile(recordFile(), 'utf8')) as { fingerprint: string };
    expect(text.fingerprint).toBe(`1.2.3/schema-${CURRENT_SCHEMA_VERSION}`);
  });

  it('takes bytes whose revision it recorded as the plan they were, without judging them', async () => {
    // Proof that the check is skipped: an invalid file whose revision is in the record opens as it is.
    await trustAnInvalidFile(`1.2.3/schema-${CURRENT_SCHEMA_VERSION}`);
    const loaded = await store('1.2.3').load();
    expect(loaded.notice).toBeNull();
    expect(loaded.plan.members[0]!.email).toBe('not an email');
  });

  it('validates bytes it did not record, and trusts nothing recorded by another app version', async () => {
    await trustAnInvalidFile(`1.2.2/schema-${CURRENT_SCHEMA_VERSION}`);
    const loaded = await store('1.2.3').load();
    expect(loaded.notice?.kind).toBe('recovered');
    expect(loaded.notice?.message).toContain('members[0].email');
  });

  it('validates everything when it is not told the app version, and leaves the record alone', async () => {
    await trustAnInvalidFile('undefined/schema-1');
    const loaded = await store(undefined).load();
    expect(loaded.notice?.kind).toBe('recovered');
    await expect(readFile(recordFile(), 'utf8')).resolves.toContain('undefined/schema-1');
  });

  it('trusts a file another program wrote once it has validated it and found it byte for byte its own', async () => {
    const text = layoutPlan(createSamplePlan(NOW));
    await writeFile(planFile(), text);
    const loaded = await store('1.2.3').load();
    expect(loaded.notice).toBeNull();
    expect(await recorded()).toEqual({ [planFile()]: loaded.revision });
  });
});
