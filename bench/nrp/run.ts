// Solves one Curtois & Qu shift-scheduling instance (schedulingbenchmarks.org) with the roster MILP and HiGHS.
//   npx tsx bench/nrp/run.ts FILE [--time-limit S] [--json] [--lns | --no-lns] [--lp OUT.lp]
// The four small instances live in ../shared/bench/nrp/ (relative to the repository root); any instance file of the
// set can be passed. With --json the last line is { instance, status, objective, bound, elapsedMs } (plus gap, size
// and an independent check). Exit code 0 when a solution was found, 1 otherwise, 2 on a usage error.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { solveWithHighs } from '../../electron/optimize/highs-solver';
import { checkRoster } from '../../shared/optimize/check-roster';
import { relativeGap } from '../../shared/optimize/gap';
import { toLpText } from '../../shared/optimize/lp-text';
import { rosterNeighbourhoods } from '../../shared/optimize/neighbourhoods';
import { parseNrpInstance } from '../../shared/optimize/nrp-format';
import { buildRosterMilp, decodeRosterAssignment } from '../../shared/optimize/roster-milp';

/** Objective values come back with float noise; an integral objective is printed as the integer it is. */
function clean(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-6 ? rounded : Number(value.toFixed(6));
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        'time-limit': { type: 'string' },
        json: { type: 'boolean' },
        lns: { type: 'boolean' },
        'no-lns': { type: 'boolean' },
        lp: { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`bench/nrp: ${(error as Error).message}\n`);
    return 2;
  }
  const file = args.positionals[0];
  const timeLimit = Number(args.values['time-limit'] ?? 300);
  if (!file || args.positionals.length > 1 || !(timeLimit > 0)) {
    process.stderr.write(
      'usage: npx tsx bench/nrp/run.ts FILE [--time-limit S] [--json] [--lns|--no-lns] [--lp OUT.lp]\n',
    );
    return 2;
  }
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    process.stderr.write(
      `bench/nrp: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`,
    );
    return 1;
  }
  const instance = basename(file).replace(/\.txt$/i, '');
  const parsed = parseNrpInstance(text, instance);
  if (!parsed.ok) {
    for (const e of parsed.errors) process.stderr.write(`${file}: ${e}\n`);
    return 1;
  }
  const model = parsed.model;
  const started = performance.now();
  const milp = buildRosterMilp(model);
  const buildMs = performance.now() - started;
  if (args.values.lp) await writeFile(resolve(args.values.lp), toLpText(milp.problem));

  const decisions = milp.x.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);
  // Small instances are solved whole; large ones first get fix-and-optimise neighbourhoods (a third of the time).
  const useLns = args.values['no-lns'] ? false : (args.values.lns ?? decisions > 3000);
  const integral =
    milp.problem.colCost.every((c) => Number.isInteger(c)) && Number.isInteger(milp.problem.offset);
  const solution = await solveWithHighs(milp.problem, {
    timeLimitSeconds: Math.max(0.1, timeLimit - buildMs / 1000),
    absoluteGap: integral ? 0.99 : undefined,
    neighbourhoods: useLns
      ? {
          ...rosterNeighbourhoods(model, milp, { size: 400, seed: 1 }),
          timeShare: 1 / 3,
          subTimeLimitSeconds: 5,
        }
      : undefined,
  });
  const elapsedMs = Math.round(performance.now() - started);
  const check = solution.colValues
    ? checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues))
    : null;
  // An incumbent cut short by the time limit may carry cover slacks larger than needed (under and over at once);
  // the objective reported is what its assignment really costs, recomputed by the independent checker.
  const objective = check ? Math.min(check.objective, solution.objective ?? Infinity) : solution.objective;
  const gap = relativeGap(objective, solution.bound);
  const result = {
    instance,
    status: solution.status,
    objective: clean(objective),
    bound: clean(solution.bound),
    elapsedMs,
    gap: gap === null ? null : Number(gap.toFixed(6)),
    staff: model.staff.length,
    days: model.days,
    shiftTypes: model.shiftTypes.length,
    columns: milp.problem.numCols,
    rows: milp.problem.numRows,
    nonzeros: milp.problem.values.length,
    buildMs: Math.round(buildMs),
    lns: useLns,
    checked: check && { violations: check.violations.length, objective: clean(check.objective) },
  };
  if (check && check.violations.length > 0) {
    for (const v of check.violations.slice(0, 20)) process.stderr.write(`check: ${v}\n`);
  }
  if (args.values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      `${instance}: ${result.status} objective ${result.objective} bound ${result.bound} gap ${result.gap} in ${elapsedMs} ms` +
        ` (${result.staff} staff × ${result.days} days × ${result.shiftTypes} shifts; ${result.columns} columns, ${result.rows} rows; ` +
        `check: ${check ? `${check.violations.length} violations, objective ${clean(check.objective)}` : 'no solution'})\n`,
    );
  }
  return solution.colValues ? 0 : 1;
}

process.exitCode = await main();
