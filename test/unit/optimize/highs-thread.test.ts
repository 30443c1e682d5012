import { createHighsThread, type HighsThread } from '../../../electron/optimize/highs-thread';
import { MilpBuilder, type MilpIncumbentReport, type MilpProblem } from '../../../shared/optimize/milp-model';
import { feasibleObjective } from '../../../shared/optimize/roster-construct';
import { mulberry32 } from '../../../shared/simulation/prng';
import { instance1 } from './nrp-instance1';

/**
 * A multi-dimensional knapsack (maximise value as min −value): 120 items, 12 capacity rows at a third of each
 * row's total, seeded. HiGHS finds good solutions at once but does not prove the optimum in seconds.
 */
function hardKnapsack(): MilpProblem {
  const rng = mulberry32(2026);
  const b = new MilpBuilder();
  const items = Array.from({ length: 120 }, (_, k) =>
    b.addCol(`i${k}`, 0, 1, -(20 + Math.floor(rng() * 80)), true),
  );
  for (let r = 0; r < 12; r++) {
    const weights = items.map(() => 5 + Math.floor(rng() * 50));
    const total = weights.reduce((a, w) => a + w, 0);
    b.addRow(`cap${r}`, items, weights, -Infinity, Math.floor(total / 3));
  }
  return b.build();
}

describe('createHighsThread, closed in the middle of a solve', () => {
  it('rejects the running solve and every later one with a message', async () => {
    const thread = createHighsThread();
    const running = thread.solve(hardKnapsack(), { timeLimitSeconds: 60 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await thread.close();
    await expect(running).rejects.toThrow('HiGHS thread: the HiGHS thread has ended');
    await expect(thread.solve(hardKnapsack(), { timeLimitSeconds: 1 })).rejects.toThrow(
      'the HiGHS thread has ended',
    );
  }, 60_000);
});

describe('createHighsThread', () => {
  let thread: HighsThread;
  beforeAll(() => {
    thread = createHighsThread();
  });
  afterAll(async () => {
    await thread.close();
  });

  it('solves on its own thread and reports every new incumbent with columns that meet the model', async () => {
    const { milp } = await instance1();
    const reports: MilpIncumbentReport[] = [];
    const solution = await thread.solve(milp.problem, {
      absoluteGap: 0.99,
      onIncumbent: (incumbent) => reports.push(incumbent),
    });
    expect(solution.status).toBe('optimal');
    expect(Math.round(solution.objective!)).toBe(607);
    expect(reports.length).toBeGreaterThan(0);
    for (const [k, report] of reports.entries()) {
      expect(feasibleObjective(milp.problem, report.colValues)).toBeCloseTo(report.objective, 6);
      if (k > 0) expect(report.objective).toBeLessThan(reports[k - 1]!.objective);
    }
    expect(Math.round(reports.at(-1)!.objective)).toBe(607);
  }, 60_000);

  it('stops when told, and refuses a second solve while one runs', async () => {
    const problem = hardKnapsack();
    let stop = false;
    const started = performance.now();
    const running = thread.solve(problem, {
      timeLimitSeconds: 60,
      onIncumbent: () => (stop = true),
      shouldStop: () => stop,
    });
    await expect(thread.solve(problem, { timeLimitSeconds: 1 })).rejects.toThrow(
      'the HiGHS thread is already solving',
    );
    const solution = await running;
    expect(solution.status).toBe('feasible');
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(feasibleObjective(problem, solution.colValues!)).toBeCloseTo(solution.objective!, 6);
  }, 60_000);
});
