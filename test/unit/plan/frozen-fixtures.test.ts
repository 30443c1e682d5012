import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlanStore } from '../../../electron/store/plan-store';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/plan/schema';
import { validatePlanFully } from '../../../shared/plan/validate-full';

// Frozen fixtures: one plan file per released schema version, written once (v1 by `rotaplan sample` with the
// clock pinned to 2026-11-27T00:00:00.000Z; v2 from the follow-the-sun sample with the clock pinned to
// 2026-12-06T00:00:00.000Z, its end date moved to 2027-03-01 to keep the file small) and KEPT FOREVER, never regenerated. A user may open a file written
// years ago; these files prove that every old version still validates and migrates to the current one. When the
// schema version goes up, add vN.rotaplan.json for the new version and leave the old ones exactly as they are.
const FIXTURES = fileURLToPath(new URL('../../fixtures/plans/', import.meta.url));
const fixture = (version: number) => join(FIXTURES, `v${version}.rotaplan.json`);

describe('frozen plan fixtures', () => {
  it('exist for every released schema version', async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.rotaplan.json')).sort();
    const expected = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => `v${i + 1}.rotaplan.json`);
    expect(files).toEqual(expected.sort());
  });

  it('v1 validates and migrates to the current version', async () => {
    const raw: unknown = JSON.parse(await readFile(fixture(1), 'utf8'));
    const result = validatePlanFully(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.plan.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.plan.meta.createdAt).toBe('2026-11-27T00:00:00.000Z');
    expect(result.plan.members.map((m) => m.name)).toEqual([
      'Maya Chen',
      'Diego Alvarez',
      'Priya Raman',
      'Sam Okafor',
    ]);
    expect(result.plan.shifts).toHaveLength(104);
  });

  it('v2 (the follow-the-sun sample over eight weeks) validates with its regional rotations', async () => {
    const raw: unknown = JSON.parse(await readFile(fixture(2), 'utf8'));
    const result = validatePlanFully(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(null);
    expect(result.plan.rotation.layers.map((l) => l.rotations?.map((r) => r.timeZone))).toEqual([
      ['Asia/Kolkata', 'Europe/Berlin', 'America/New_York'],
      ['Asia/Kolkata', 'Europe/Berlin', 'America/New_York'],
    ]);
    expect(result.plan.shifts).toHaveLength(336);
  });

  describe('through the store', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rotaplan-fixture-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    });

    it('v1 loads as the default plan without a recovery notice, and the fixture is not touched', async () => {
      const before = await readFile(fixture(1));
      await copyFile(fixture(1), join(dir, 'plan.rotaplan.json'));
      const store = createPlanStore({
        userDataDir: dir,
        createDefaultPlan: () => {
          throw new Error('the fixture should have been loaded, not replaced by the sample');
        },
        now: () => new Date('2027-03-01T10:00:00.000Z'),
      });
      const loaded = await store.load();
      expect(loaded.notice?.kind ?? null).toBe('migrated');
      expect(loaded.plan.meta.organisation).toBe('Pacific Infra Group');
      expect(loaded.plan.pipelines).toHaveLength(5);
      expect(await readFile(fixture(1))).toEqual(before);
    });
  });
});
