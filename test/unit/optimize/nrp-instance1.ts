import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import type { MilpProblem, MilpSolver } from '../../../shared/optimize/milp-model';
import { parseNrpInstance } from '../../../shared/optimize/nrp-format';
import { buildRosterMilp } from '../../../shared/optimize/roster-milp';

// Curtois & Qu Instance1 (8 people, 14 days, proven optimum 607) and the tools the roster-search tests share.

/** HiGHS, writing down for each solve whether it was of the full model or of a part of it. */
export function recordingSolver(full: MilpProblem): { calls: string[]; solve: MilpSolver } {
  const calls: string[] = [];
  const solve: MilpSolver = async (problem, options) => {
    calls.push(problem === full ? 'full' : 'part');
    return solveWithHighs(problem, options);
  };
  return { calls, solve };
}

export async function instance1() {
  const text = await readFile(resolve(__dirname, '../../fixtures/nrp/Instance1.txt'), 'utf8');
  const parsed = parseNrpInstance(text, 'Instance1');
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const model = parsed.model;
  const milp = buildRosterMilp(model);
  // A feasible but poor start, found without a time limit so the test is deterministic: the same model with every
  // cost set to zero is solved at its first feasible point.
  const feasibility = await solveWithHighs({
    ...milp.problem,
    colCost: new Float64Array(milp.problem.numCols),
    offset: 0,
  });
  const colValues = feasibility.colValues!;
  let objective = milp.problem.offset;
  colValues.forEach((v, c) => (objective += v * milp.problem.colCost[c]!));
  return { model, milp, start: { objective: Math.round(objective), colValues } };
}

/** A clock that moves one second per reading, so the number of rounds does not depend on the machine. */
export function tickingClock() {
  let t = 0;
  return () => (t += 1000);
}
