import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dispatch } from '../../../electron/handlers/dispatch';
import type { PublishRunResult } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { previewDispatch, valueOf } from '../../helpers/handlers';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let dispatch: Dispatch;

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-publish-handlers-');
  dispatch = previewDispatch(dir);
});
afterEach(() => removeDir(dir));

const sample = () => createSamplePlan('2026-11-27T00:00:00.000Z');

describe('publish:* handlers', () => {
  it('lists the targets this build publishes to', async () => {
    const targets = valueOf<{ id: string; needsUserIds: boolean }[]>(await dispatch('publish:targets', {}));
    expect(targets).toEqual(
      expect.arrayContaining([
        { id: 'pagerduty', label: 'PagerDuty (REST API v2 bodies)', needsUserIds: true },
        { id: 'terraform-pagerduty', label: 'PagerDuty (Terraform)', needsUserIds: false },
      ]),
    );
  });

  it('verifies and writes the files into a new folder under the export folder', async () => {
    const plan = sample();
    const userIds = Object.fromEntries(plan.members.map((m) => [m.id, `PD-${m.id}`]));
    const result = valueOf<PublishRunResult>(
      await dispatch('publish:run', { plan, target: 'pagerduty', userIds, write: true }),
    );
    expect(result).toMatchObject({
      verified: true,
      differingMinutes: 0,
      schedules: 2,
      layers: 2,
      overrides: 7,
      files: ['schedules/primary.json', 'schedules/secondary.json', 'overrides.json'],
      folder: join(dir, 'exports', 'publish-pagerduty'),
    });
    const written = JSON.parse(
      await readFile(join(dir, 'exports', 'publish-pagerduty', 'overrides.json'), 'utf8'),
    );
    expect(written.overrides).toHaveLength(7);
    const again = valueOf<PublishRunResult>(
      await dispatch('publish:run', { plan, target: 'pagerduty', userIds, write: true }),
    );
    expect(again.folder).toBe(join(dir, 'exports', 'publish-pagerduty (2)'));
  });

  it('names a member without a user id and writes nothing', async () => {
    const result = await dispatch('publish:run', {
      plan: sample(),
      target: 'pagerduty',
      userIds: {},
      write: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(
      'no PagerDuty user id for Maya Chen (--map maya.chen@pacificinfra.example=ID)',
    );
  });

  it('refuses an unknown target at the door', async () => {
    const result = await dispatch('publish:run', {
      plan: sample(),
      target: 'pagerdooty',
      userIds: {},
      write: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-payload');
  });
});
