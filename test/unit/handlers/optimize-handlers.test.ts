import type { Dispatch } from '../../../electron/handlers/dispatch';
import type { OptimizeJobStatus } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { previewDispatch, valueOf } from '../../helpers/handlers';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let dispatch: Dispatch;

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-optimize-handlers-');
  dispatch = previewDispatch(dir);
});
afterEach(() => removeDir(dir));

async function settle(jobId: string): Promise<OptimizeJobStatus> {
  for (;;) {
    const status = valueOf<OptimizeJobStatus>(await dispatch('optimize:status', { jobId }));
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sample = () => createSamplePlan('2026-11-27T00:00:00.000Z');

describe('optimize:* handlers', () => {
  it('refuses an invalid plan with invalid-plan and the JSON paths of what is wrong', async () => {
    const plan = sample() as unknown as { members: { email: string }[] };
    plan.members[1]!.email = 'not-an-email';
    const result = await dispatch('optimize:start', { plan, strategy: 'optimal', timeLimitSeconds: 5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-plan');
    expect(result.error.problems?.map((p) => p.path)).toEqual(['members[1].email']);
    expect(result.error.message).toMatch(/^The optimiser did not start: members\[1\]\.email: /);
  });

  it('refuses a window that ends before it starts, and an unknown strategy', async () => {
    const backwards = await dispatch('optimize:start', {
      plan: sample(),
      strategy: 'optimal',
      timeLimitSeconds: 5,
      from: '2027-06-01',
      to: '2027-05-01',
    });
    expect(backwards).toMatchObject({
      ok: false,
      error: { code: 'bad-payload', problems: [{ path: 'to' }] },
    });
    const strategy = await dispatch('optimize:start', {
      plan: sample(),
      strategy: 'greedy',
      timeLimitSeconds: 5,
    });
    expect(strategy).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
  });

  it('runs a baseline job to done and reports its result through optimize:status', async () => {
    const { jobId } = valueOf<{ jobId: string }>(
      await dispatch('optimize:start', {
        plan: sample(),
        strategy: 'round-robin',
        timeLimitSeconds: 5,
        from: '2027-01-04',
        to: '2027-03-28',
      }),
    );
    const done = await settle(jobId);
    expect(done.state).toBe('done');
    expect(done.error).toBeNull();
    expect(done.result?.strategy).toBe('round-robin');
    expect(done.result?.members.map((m) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
    // Cancelling a finished job changes nothing.
    expect(valueOf(await dispatch('optimize:cancel', { jobId }))).toEqual({ cancelled: false });
  });

  it('answers not-found for a job it does not know', async () => {
    const result = await dispatch('optimize:status', { jobId: 'nope-123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(valueOf(await dispatch('optimize:cancel', { jobId: 'nope-123' }))).toEqual({ cancelled: false });
  });
});
