import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPTIMIZER_WARM_AFTER_MS } from '../../../electron/handlers/optimize-handlers';
import { launchPreview } from '../../../electron/preview/launch';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

vi.setConfig({ testTimeout: 90_000 });

type Preview = Awaited<ReturnType<typeof launchPreview>>;

/** Polls `check` every 50 ms until it holds (the test's own timeout ends a wait that never does). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

describe('the browser preview warms the optimiser like the desktop app', () => {
  let dir: string;
  let preview: Preview | null = null;
  const token = 'test-token-0123456789';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-preview-warm-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Rotaplan</title>');
  });
  afterEach(async () => {
    await preview?.close();
    preview = null;
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('readies one worker after the warm-up delay, and Propose runs on that registry', async () => {
    expect(OPTIMIZER_WARM_AFTER_MS).toBe(15_000);
    preview = await launchPreview({
      userDataDir: join(dir, 'data'),
      rendererDir: join(dir, 'renderer'),
      token,
      optimizerWarmAfterMs: 100,
    });
    const optimizer = preview.optimizer;
    expect(optimizer.workers()).toEqual({ busy: 0, idle: 0 });
    // The timer starts a worker on its own; nobody has asked for a proposal.
    await until(() => optimizer.workers().idle === 1);
    // warm() finds that worker and waits for it to load HiGHS instead of starting a second one.
    await optimizer.warm();
    expect(optimizer.workers()).toEqual({ busy: 0, idle: 1 });

    // An optimise call through the preview's IPC lands on the warmed registry.
    const response = await fetch(`http://127.0.0.1:${preview.port}/ipc/optimize:start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rotaplan-token': token },
      body: JSON.stringify({
        plan: createSamplePlan('2026-11-27T00:00:00.000Z'),
        strategy: 'least-recent',
        timeLimitSeconds: 5,
      }),
    });
    const started = (await response.json()) as { ok: boolean; value: { jobId: string } };
    expect(started.ok).toBe(true);
    const status = await optimizer.settled(started.value.jobId);
    expect(status?.state).toBe('done');
    expect(status?.result?.strategy).toBe('least-recent');
    expect(optimizer.workers()).toEqual({ busy: 0, idle: 1 });
  });
});
