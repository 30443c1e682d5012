import { setImmediate as pause } from 'node:timers/promises';
import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { createHighsThread } from '../../../electron/optimize/highs-thread';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { largeNeighbourhoodSearch } from '../../../shared/optimize/lns';
import { decodeRosterAssignment } from '../../../shared/optimize/roster-milp';
import { solveRosterWithLns } from '../../../shared/optimize/roster-lns';
import { mulberry32 } from '../../../shared/simulation/prng';
import { instance1, tickingClock } from './nrp-instance1';

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
      // A hand-over gap below zero: as soon as there is a bound and a roster, the full model stops for a search.
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
        now: () => performance.now(),
        seed: 9,
        timeLimitSeconds: 8,
        neighbourhoodSize: 10,
        absoluteGap: 0.99,
        handOverShare: 0,
        handOverGap: -1,
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
