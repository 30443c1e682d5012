import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { largeNeighbourhoodSearch, restrictProblem } from '../../../shared/optimize/lns';
import { MilpBuilder } from '../../../shared/optimize/milp-model';
import type { MilpSolution, MilpSolver } from '../../../shared/optimize/milp-model';
import { decodeRosterAssignment } from '../../../shared/optimize/roster-milp';
import { solveRosterWithLns } from '../../../shared/optimize/roster-lns';
import { rosterNeighbourhood } from '../../../shared/optimize/roster-lns-neighbourhood';
import { mulberry32 } from '../../../shared/simulation/prng';
import { instance1, recordingSolver, tickingClock } from './nrp-instance1';

describe('large-neighbourhood search on Curtois & Qu Instance1', () => {
  it('walks a feasible start down to a roster the independent checker accepts, never above the start', async () => {
    const { model, milp, start } = await instance1();
    const startCheck = checkRoster(model, decodeRosterAssignment(model, milp, start.colValues));
    expect(startCheck.violations).toEqual([]);
    expect(startCheck.objective).toBe(start.objective);
    expect(start.objective).toBe(2230);

    const fixable = Int32Array.from([...milp.x].filter((c) => c >= 0));
    const result = await largeNeighbourhoodSearch(milp.problem, start, {
      solve: solveWithHighs,
      now: tickingClock(),
      deadline: 40_000,
      rng: mulberry32(7),
      fixable,
      neighbourhood: rosterNeighbourhood(model, milp),
      size: { start: 40, min: 20, max: 80 },
      subTimeLimitSeconds: 30,
      absoluteGap: 0.99,
    });
    const check = checkRoster(model, decodeRosterAssignment(model, milp, result.best.colValues));
    expect(check.violations).toEqual([]);
    expect(Math.round(result.best.objective)).toBe(check.objective);
    expect(check.objective).toBeLessThan(start.objective);
    // The proven optimum of Instance1 is a floor no search can go under.
    expect(check.objective).toBeGreaterThanOrEqual(607);
    expect(result.improvements).toBeGreaterThan(0);
  }, 120_000);

  it('reports the bound of the full model, never above the objective, and keeps the better roster', async () => {
    const { model, milp, start } = await instance1();
    const calls: string[] = [];
    // The full model is stubbed: cut short with the poor start and a proven bound of 550; the final full solve
    // proves 560 and finds nothing better. Neighbourhood solves go to HiGHS.
    const solve: MilpSolver = async (problem, options) => {
      if (problem === milp.problem) {
        calls.push(calls.length === 0 ? 'full' : 'final');
        const stub: MilpSolution = {
          status: 'feasible',
          objective: calls.length === 1 ? start.objective : null,
          bound: calls.length === 1 ? 550 : 560,
          gap: null,
          colValues: calls.length === 1 ? start.colValues : null,
          elapsedMs: 0,
        };
        return stub;
      }
      calls.push('neighbourhood');
      return solveWithHighs(problem, options);
    };
    let t = 0;
    const solution = await solveRosterWithLns(model, milp, {
      solve,
      now: () => (t += 500),
      seed: 3,
      timeLimitSeconds: 20,
      neighbourhoodSize: 30,
      maxStallRounds: 4,
      absoluteGap: 0.99,
      construct: false,
    });
    expect(calls[0]).toBe('full');
    expect(calls.at(-1)).toBe('final');
    expect(calls.filter((c) => c === 'neighbourhood').length).toBe(solution.lns.rounds);
    expect(solution.bound).toBe(560);
    const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
    expect(check.violations).toEqual([]);
    expect(Math.round(solution.objective!)).toBe(check.objective);
    expect(check.objective).toBeLessThan(start.objective);
    expect(solution.bound!).toBeLessThanOrEqual(solution.objective!);
    expect(solution.status).toBe(check.objective <= 560 ? 'optimal' : 'feasible');
    expect(solution.lns.fullObjective).toBe(start.objective);
  }, 120_000);
  it('on a large roster, search first: builds a roster, searches from it, runs the full model last', async () => {
    const { model, milp } = await instance1();
    const { calls, solve } = recordingSolver(milp.problem);
    let t = 0;
    // 104 decisions against neighbourhoods of 10: large. The clock moves 100 ms a reading.
    const solution = await solveRosterWithLns(model, milp, {
      solve,
      now: () => (t += 100),
      seed: 5,
      timeLimitSeconds: 60,
      neighbourhoodSize: 10,
      absoluteGap: 0.99,
      fullFirst: false,
    });
    expect(calls.indexOf('full')).toBe(calls.length - 1);
    expect(solution.lns.fullObjective).toBeNull();
    expect(solution.lns.builtObjective).not.toBeNull();
    expect(solution.lns.rounds).toBeGreaterThan(0);
    const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
    expect(check.violations).toEqual([]);
    expect(Math.round(solution.objective!)).toBe(check.objective);
    // The full model, started from the searched roster, proves Instance1's optimum.
    expect(solution.status).toBe('optimal');
    expect(check.objective).toBe(607);
    expect(Math.ceil(solution.bound! - 1e-6)).toBe(607);
  }, 120_000);
  it('on a large roster, by default: builds a roster and hands it to the full model as its start', async () => {
    const { model, milp } = await instance1();
    const { calls, solve } = recordingSolver(milp.problem);
    let t = 0;
    const solution = await solveRosterWithLns(model, milp, {
      solve,
      now: () => (t += 100),
      seed: 5,
      timeLimitSeconds: 60,
      neighbourhoodSize: 10,
      absoluteGap: 0.99,
    });
    // Eight people placed in each pass, then the full model, which proves the optimum from the built roster.
    expect(calls.indexOf('full')).toBeGreaterThanOrEqual(8);
    expect(calls.filter((c) => c === 'full')).toHaveLength(1);
    expect(solution.lns.builtObjective).not.toBeNull();
    expect(Math.round(solution.lns.fullObjective!)).toBe(607);
    expect(solution.status).toBe('optimal');
    const check = checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues!));
    expect(check.violations).toEqual([]);
    expect(check.objective).toBe(607);
  }, 120_000);
});

describe('restrictProblem', () => {
  it('moves fixed columns into the row bounds and the offset, drops rows with nothing free, and expands back', () => {
    // min 3a + 2b + c + 5  s.t.  1 ≤ a + b + c ≤ 2,  a − c ≥ 0,  b ≤ 1 (a row on b alone).
    const b = new MilpBuilder();
    const a = b.addCol('a', 0, 1, 3, true);
    const bb = b.addCol('b', 0, 1, 2, true);
    const c = b.addCol('c', 0, 1, 1, true);
    b.addOffset(5);
    b.addRow('sum', [a, bb, c], [1, 1, 1], 1, 2);
    b.addRow('ac', [a, c], [1, -1], 0, Infinity);
    b.addRow('b', [bb], [1], -Infinity, 1);
    const problem = b.build();
    // b fixed at 1: the sum row becomes 0 ≤ a + c ≤ 1, the b row leaves, the offset gains 2.
    const sub = restrictProblem(problem, Float64Array.from([0, 1, 0]), Float64Array.from([1, 1, 1]));
    expect(Array.from(sub.columns)).toEqual([0, 2]);
    expect(sub.problem.offset).toBe(7);
    expect(sub.problem.rowNames).toEqual(['sum', 'ac']);
    expect(Array.from(sub.problem.rowLower)).toEqual([0, 0]);
    expect(Array.from(sub.problem.rowUpper)).toEqual([1, Infinity]);
    expect(Array.from(sub.problem.colIndex)).toEqual([0, 1, 0, 1]);
    expect(Array.from(sub.problem.colCost)).toEqual([3, 1]);
    expect(Array.from(sub.expand(Float64Array.from([1, 0])))).toEqual([1, 1, 0]);
  });
});
