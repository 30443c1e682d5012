import { fileURLToPath } from 'node:url';
import { scenarios } from '../../../bench/optimize/scenarios';
import { createOptimizeJobs, resolveWorkerEntry } from '../../../electron/optimize/optimize-jobs';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const sample = () => createSamplePlan('2026-11-27T00:00:00.000Z');

async function until<T>(read: () => T, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('resolveWorkerEntry', () => {
  it('runs the .ts source under tsx from source, and the built .js next to the bundle', () => {
    // This checkout's own source, wherever it was cloned: tsx is resolved from there.
    const source = new URL('../../../electron/optimize/optimize-jobs.ts', import.meta.url);
    const worker = new URL('../../../electron/optimize/optimize-worker.ts', import.meta.url);
    const fromSource = resolveWorkerEntry(source.href);
    expect(fromSource.kind).toBe('source');
    expect(fromSource.path).toBe(fileURLToPath(worker));
    if (fromSource.kind === 'source') {
      expect(fromSource.script).toMatch(/tsx\/dist\/esm\/api\/index\.mjs/);
      expect(fromSource.script).toContain(`"${worker.href}"`);
    }
    const thread = resolveWorkerEntry(source.href, 'highs-thread-worker');
    expect(thread.path).toBe(
      fileURLToPath(new URL('../../../electron/optimize/highs-thread-worker.ts', import.meta.url)),
    );
    expect(() => resolveWorkerEntry('file:///nonexistent/out/main/index.js', 'highs-thread-worker')).toThrow(
      'the optimiser worker is missing (looked for /nonexistent/out/main/highs-thread-worker.js, /nonexistent/out/highs-thread-worker.js)',
    );
    expect(() => resolveWorkerEntry('file:///nonexistent/out/main/index.js')).toThrow(
      'the optimiser worker is missing (looked for /nonexistent/out/main/optimize-worker.js, /nonexistent/out/optimize-worker.js)',
    );
  });
});

describe('createOptimizeJobs (real worker thread)', () => {
  it('solves the sample plan off the main thread: running, then done with a proven optimum', async () => {
    const jobs = createOptimizeJobs();
    try {
      const id = jobs.start({ plan: sample(), strategy: 'optimal', timeLimitSeconds: 30 });
      expect(id).toMatch(/^[A-Za-z0-9-]{1,64}$/);
      expect(jobs.status(id)).toMatchObject({ jobId: id, state: 'running', result: null, error: null });
      const done = await jobs.settled(id);
      expect(done?.state).toBe('done');
      expect(done?.result?.status).toBe('optimal');
      expect(done?.result?.strategy).toBe('optimal');
      expect(done?.result?.violations).toEqual([]);
      expect(done?.result?.members.map((m) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
      expect(done?.result?.proposal?.changes.length).toBe(done?.result?.changedShifts);
      expect(done!.elapsedMs).toBeGreaterThan(0);
      // Kept after it finished.
      expect(jobs.status(id)?.state).toBe('done');
    } finally {
      await jobs.dispose();
    }
  }, 60_000);

  it('reports progress from HiGHS and stops on cancel with the best schedule so far', async () => {
    const medium = scenarios().find((s) => s.id === 'medium')!;
    const jobs = createOptimizeJobs();
    try {
      // The fewest-changes cost keeps HiGHS busy well past its first progress report.
      const id = jobs.start({
        plan: medium.plan,
        strategy: 'optimal',
        timeLimitSeconds: 300,
        changeWeight: 5,
      });
      const withProgress = await until(
        () => jobs.status(id)!,
        (s) => s.progress !== null || s.state !== 'running',
        120_000,
      );
      expect(withProgress.state).toBe('running');
      expect(withProgress.progress?.objective).toEqual(expect.any(Number));
      const cancelledAt = Date.now();
      expect(jobs.cancel(id)).toBe(true);
      const final = await jobs.settled(id);
      expect(Date.now() - cancelledAt).toBeLessThan(5_000);
      expect(final?.state).toBe('cancelled');
      expect(final?.result?.proposal).not.toBeNull();
      expect(final?.result?.violations).toEqual([]);
      expect(jobs.cancel(id)).toBe(false);
    } finally {
      await jobs.dispose();
    }
  }, 180_000);

  it('keeps the worker warm between jobs: one thread serves a proposal, then a comparison of three', async () => {
    const jobs = createOptimizeJobs();
    try {
      await jobs.warm();
      expect(jobs.workers()).toEqual({ busy: 0, idle: 1 });
      const first = jobs.start({ plan: sample(), strategy: 'optimal', timeLimitSeconds: 30 });
      expect(jobs.workers()).toEqual({ busy: 1, idle: 0 });
      expect((await jobs.settled(first))?.result?.status).toBe('optimal');
      expect(jobs.workers()).toEqual({ busy: 0, idle: 1 });
      const results = [];
      for (const strategy of ['least-recent', 'round-robin', 'optimal'] as const) {
        const id = jobs.start({ plan: sample(), strategy, timeLimitSeconds: 30 });
        expect(jobs.workers()).toEqual({ busy: 1, idle: 0 });
        results.push((await jobs.settled(id))?.result);
      }
      expect(results.map((r) => [r?.strategy, r?.status])).toEqual([
        ['least-recent', 'feasible'],
        ['round-robin', 'infeasible'],
        ['optimal', 'optimal'],
      ]);
      expect(jobs.workers()).toEqual({ busy: 0, idle: 1 });
    } finally {
      await jobs.dispose();
    }
    expect(jobs.workers()).toEqual({ busy: 0, idle: 0 });
  }, 120_000);

  it('keeps at most one running job per plan and forgets finished jobs after the time to live', async () => {
    let clock = 0;
    const jobs = createOptimizeJobs({ ttlMs: 1000, now: () => clock });
    try {
      const first = jobs.start({ plan: sample(), strategy: 'optimal', timeLimitSeconds: 30 });
      const second = jobs.start({ plan: sample(), strategy: 'round-robin', timeLimitSeconds: 30 });
      expect((await jobs.settled(first))?.state).toBe('cancelled');
      const done = await jobs.settled(second);
      expect(done?.state).toBe('done');
      expect(done?.result?.strategy).toBe('round-robin');
      clock = 999;
      expect(jobs.status(second)?.state).toBe('done');
      clock = 1001;
      expect(jobs.status(second)).toBeNull();
      expect(jobs.status('no-such-job')).toBeNull();
    } finally {
      await jobs.dispose();
    }
  }, 60_000);
});

describe('createOptimizeJobs warm-up timer', () => {
  afterEach(() => vi.useRealTimers());

  it('starts a worker when the warm-up time comes, and none after a dispose that came first', async () => {
    vi.useFakeTimers();
    const warmed = createOptimizeJobs({ warmAfterMs: 1000 });
    const stopped = createOptimizeJobs({ warmAfterMs: 1000 });
    await stopped.dispose();
    try {
      vi.advanceTimersByTime(999);
      expect(warmed.workers()).toEqual({ busy: 0, idle: 0 });
      vi.advanceTimersByTime(1);
      expect(warmed.workers()).toEqual({ busy: 0, idle: 1 });
      expect(stopped.workers()).toEqual({ busy: 0, idle: 0 });
    } finally {
      vi.useRealTimers();
      await warmed.dispose();
    }
  });
});
