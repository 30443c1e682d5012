import { setImmediate as pause } from 'node:timers/promises';
import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { createHighsThread } from '../../../electron/optimize/highs-thread';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { largeNeighbourhoodSearch } from '../../../shared/optimize/lns';
import type { MilpSolver } from '../../../shared/optimize/milp-model';
import { decodeRosterAssignment } from '../../../shared/optimize/roster-milp';
import { solveRosterWithLns } from '../../../shared/optimize/roster-lns';
import { mulberry32 } from '../../../shared/simulation/prng';
import { instance1, tickingClock } from './nrp-instance1';

/** A short solve of Instance1 whose full model hands over as soon as there is a bound and a roster (gap below 0). */
const handOverAtOnce = {
  now: () => performance.now(),
  seed: 9,
  timeLimitSeconds: 8,
  neighbourhoodSize: 10,
  absoluteGap: 0.99,
  handOverShare: 0,
  handOverGap: -1,
};

describe('the full model on a second thread beside the search', () => {
  it('solves a large roster with both at once and returns the proven optimum', async () => {
    const { model, milp } = await instance1();
    const [full, search] = [createHighsThread(), createHighsThread()];
    const here: number[] = [];
    const searched: number[] = [];
    try {
      // 104 decisions against neighbourhoods of 10: large, so both run.
      const solution = await solveRosterWithLns(model, milp, {
        solve: async (problem, options) => {
          here.push(problem.numCols);
          return solveWithHighs(problem, options);
        },
        aside: {
          solve: full.solve,
          search: async (problem, options) => {
            searched.push(problem.numCols);
            return search.solve(problem, options);
          },
          pause: async () => {
            await pause();
          },
        },
        now: () => performance.now(),
        seed: 5,
        timeLimitSeconds: 60,
        neighbourhoodSize: 10,
        absoluteGap: 0.99,
      });
      // Nothing was solved on this thread: the full model on one thread, the built roster's people on the other.
      expect(here).toEqual([]);
      expect(searched.length).toBeGreaterThanOrEqual(8);
      expect(searched.every((columns) => columns < milp.problem.numCols)).toBe(true);
      expect(solution.lns.builtObjective).not.toBeNull();
      expect(solution.status).toBe('optimal');
      expect(Math.ceil(solution.bound! - 1e-6)).toBe(607);
      const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
      expect(check.violations).toEqual([]);
      expect(check.objective).toBe(607);
      expect(solution.elapsedMs).toBeLessThan(60_000);
    } finally {
      await Promise.all([full.close(), search.close()]);
    }
  }, 120_000);

  it('hands the full model’s thread over to a second search when the gap will not close', async () => {
    const { model, milp } = await instance1();
    const thread = createHighsThread();
    const onThread: number[] = [];
    try {
      const solution = await solveRosterWithLns(model, milp, {
        solve: solveWithHighs,
        aside: {
          solve: async (problem, options) => {
            onThread.push(problem.numCols);
            return thread.solve(problem, options);
          },
          pause: async () => {
            await pause();
          },
        },
        ...handOverAtOnce,
      });
      expect(solution.lns.handedOver).toBe(true);
      // The full model first (every column), then neighbourhoods (fewer columns) on the same thread.
      expect(onThread[0]).toBe(milp.problem.numCols);
      expect(onThread.length).toBeGreaterThan(1);
      expect(onThread.slice(1).every((columns) => columns < milp.problem.numCols)).toBe(true);
      const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
      expect(check.violations).toEqual([]);
      expect(Math.round(solution.objective!)).toBe(check.objective);
      expect(solution.bound!).toBeLessThanOrEqual(solution.objective!);
      expect(check.objective).toBeLessThanOrEqual(solution.lns.builtObjective!);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it('ends the full model’s thread at the hand-over when it can, and searches on the one that replaces it', async () => {
    const { model, milp } = await instance1();
    const first = createHighsThread();
    let second: ReturnType<typeof createHighsThread> | null = null;
    let onFirst = 0;
    const onSecond: number[] = [];
    try {
      const solution = await solveRosterWithLns(model, milp, {
        solve: solveWithHighs,
        aside: {
          solve: async (problem, options) => {
            onFirst++;
            return first.solve(problem, options);
          },
          pause: async () => {
            await pause();
          },
          abandon: async () => {
            await first.close();
            second = createHighsThread();
            const solve = second.solve;
            return async (problem, options) => {
              onSecond.push(problem.numCols);
              return solve(problem, options);
            };
          },
        },
        ...handOverAtOnce,
      });
      // The full model was the first thread's one solve; it was ended, not awaited, so it reports no roster.
      expect(solution.lns.handedOver).toBe(true);
      expect(onFirst).toBe(1);
      expect(solution.lns.fullObjective).toBeNull();
      expect(second).not.toBeNull();
      expect(onSecond.length).toBeGreaterThan(0);
      expect(onSecond.every((columns) => columns < milp.problem.numCols)).toBe(true);
      expect(solution.bound).not.toBeNull();
      const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
      expect(check.violations).toEqual([]);
      expect(Math.round(solution.objective!)).toBe(check.objective);
      expect(check.objective).toBeLessThanOrEqual(solution.lns.builtObjective!);
    } finally {
      await Promise.all([first.close(), (second as ReturnType<typeof createHighsThread> | null)?.close()]);
    }
  }, 120_000);

  it('hands over at a fifth of the time when the roster is over a quarter above the bound', async () => {
    const { model, milp } = await instance1();
    // A clock that moves one second per sub-solve, and a full model that only reports a bound of 100 (every roster
    // of Instance1 costs 607 or more: the gap stays above 80 %) and waits to be stopped.
    let t = 0;
    let stoppedAt: number | null = null;
    const parts: MilpSolver = async (problem, options) => {
      t += 1000;
      return solveWithHighs(problem, options);
    };
    const solution = await solveRosterWithLns(model, milp, {
      solve: parts,
      aside: {
        solve: async (problem, options) => {
          if (problem !== milp.problem) return parts(problem, options);
          options.onProgress?.({ objective: null, bound: 100, gap: null, elapsedMs: 0 });
          while (!options.shouldStop?.()) await pause();
          stoppedAt = t;
          return {
            status: 'feasible',
            objective: null,
            bound: 100,
            gap: null,
            colValues: null,
            elapsedMs: t,
          };
        },
        pause: async () => {
          await pause();
        },
      },
      now: () => t,
      seed: 9,
      timeLimitSeconds: 100,
      neighbourhoodSize: 10,
      absoluteGap: 0.99,
    });
    // Handed over with the first round past 20 s (0.4 / 2 of the time), not at 40 s.
    expect(solution.lns.handedOver).toBe(true);
    expect(stoppedAt).toBe(20_000);
    expect(solution.bound).toBe(100);
    const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
    expect(check.violations).toEqual([]);
    expect(Math.round(solution.objective!)).toBe(check.objective);
  }, 120_000);

  it('lets the search adopt a better roster found elsewhere before its next round', async () => {
    const { model, milp, start } = await instance1();
    const optimum = await solveWithHighs(milp.problem, { absoluteGap: 0.99 });
    const fixable = Int32Array.from([...milp.x].filter((c) => c >= 0));
    const seen: number[] = [];
    let rounds = 0;
    const result = await largeNeighbourhoodSearch(milp.problem, start, {
      solve: solveWithHighs,
      now: tickingClock(),
      deadline: 10_000,
      rng: mulberry32(3),
      fixable,
      // The first person's first four cells: too small to reach the optimum from the poor start.
      neighbourhood: (_rng, _size, best) => {
        seen.push(Math.round(best.objective));
        return Int32Array.from(fixable.slice(0, 4));
      },
      size: { start: 4, min: 4, max: 4 },
      subTimeLimitSeconds: 5,
      absoluteGap: 0.99,
      adopt: () => (rounds++ === 2 ? { objective: optimum.objective!, colValues: optimum.colValues! } : null),
    });
    // The poor start (2230) in the first two rounds, the adopted optimum from the third on.
    expect(seen.slice(0, 3)).toEqual([2230, 2230, 607]);
    expect(seen.slice(3).every((objective) => objective === 607)).toBe(true);
    expect(Math.round(result.best.objective)).toBe(607);
    const check = checkRoster(model, decodeRosterAssignment(model, milp, result.best.colValues));
    expect(check.violations).toEqual([]);
  }, 60_000);
});
