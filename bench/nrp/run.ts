// Solves Curtois & Qu shift-scheduling instances (schedulingbenchmarks.org) with the roster MILP and HiGHS.
//   npx tsx bench/nrp/run.ts FILE [--time-limit S] [--json] [--lns | --no-lns] [--lp OUT.lp]
//   npx tsx bench/nrp/run.ts --all [--dir DIR] [--time-limit S] [--json]
// Calibration flags: --plain solves the textbook model (plain-milp.ts) alone; --no-construct skips the roster
// built person by person on large instances; --search-first searches from it before the full model runs;
// --full-share X sets the full model's first share of the time; --one-thread keeps an instance's full model
// and search on one thread, one after the other (by default the full model runs on a second thread beside the
// search: solveRosterSideBySide).
// With the search, the JSON line also gives builtObjective (the built roster), fullObjective (the full model's at
// the switch; null when the search started from the built roster), lnsRounds, lnsImprovements and lnsKinds (rounds
// and gains per kind of neighbourhood).
// The seven smallest instances live in ../shared/bench/nrp/ (relative to the repository root), which --all runs
// unless --dir names another folder of InstanceN.txt files. With --json the last line of each instance is
// { instance, status, objective, bound, gap, bestKnown, elapsedMs, cpuMs, ... } with an independent check; --all
// ends with a table: objective, bound, gap, best known, wall and CPU time (the CPU time is the fairer figure on a
// shared machine). Exit code 0 when every instance got a solution the checker accepts, 1 otherwise, 2 on a usage
// error.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { highsRuntime, solveWithHighs } from '../../electron/optimize/highs-solver';
import { createHighsThread } from '../../electron/optimize/highs-thread';
import { checkRoster } from '../../shared/optimize/check-roster';
import { relativeGap } from '../../shared/optimize/gap';
import { toLpText } from '../../shared/optimize/lp-text';
import { parseNrpInstance } from '../../shared/optimize/nrp-format';
import { buildRosterMilp, decodeRosterAssignment } from '../../shared/optimize/roster-milp';
import { solveRosterWithLns, type RosterLnsSolution } from '../../shared/optimize/roster-lns';
import type { SolverAside } from '../../shared/optimize/roster-side-by-side';
import { buildPlainMilp } from './plain-milp';

/** Best known objectives as published with the benchmark (Instances 1-6 proven optimal). */
const BEST_KNOWN: Record<string, number> = {
  Instance1: 607,
  Instance2: 828,
  Instance3: 1001,
  Instance4: 1716,
  Instance5: 1143,
  Instance6: 1950,
  Instance7: 1056,
  Instance8: 1300,
  Instance9: 439,
  Instance10: 4631,
  Instance11: 3443,
  Instance12: 4040,
};

const USAGE =
  'usage: npx tsx bench/nrp/run.ts FILE [--time-limit S] [--json] [--lns|--no-lns] [--lp OUT.lp]\n' +
  '         [--plain] [--no-construct] [--search-first] [--full-share X] [--one-thread]\n' +
  '       npx tsx bench/nrp/run.ts --all [--dir DIR] [--time-limit S] [--json]\n';

/** Objective values come back with float noise; an integral objective is printed as the integer it is. */
function clean(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-6 ? rounded : Number(value.toFixed(6));
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

type Result = {
  instance: string;
  status: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  bestKnown: number | null;
  elapsedMs: number;
  cpuMs: number;
  checked: { violations: number; objective: number | null } | null;
  [key: string]: unknown;
};

async function solveFile(
  file: string,
  options: {
    timeLimit: number;
    lns: boolean | undefined;
    lp?: string;
    plain?: boolean;
    fullShare?: number;
    construct?: boolean;
    fullFirst?: boolean;
    aside?: SolverAside;
  },
): Promise<Result | string[]> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    return [`bench/nrp: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`];
  }
  const instance = basename(file).replace(/\.txt$/i, '');
  const parsed = parseNrpInstance(text, instance);
  if (!parsed.ok) return parsed.errors.map((e) => `${file}: ${e}`);
  const model = parsed.model;
  const started = performance.now();
  const cpuStarted = cpuMs();
  // --plain: the textbook model alone (no warm start, no search), for calibration.
  const milp = options.plain ? buildPlainMilp(model) : buildRosterMilp(model);
  const buildMs = performance.now() - started;
  if (options.lp) await writeFile(resolve(options.lp), toLpText(milp.problem));

  const integral =
    milp.problem.colCost.every((c) => Number.isInteger(c)) && Number.isInteger(milp.problem.offset);
  const absoluteGap = integral ? 0.99 : undefined;
  const timeLimitSeconds = Math.max(0.1, options.timeLimit - buildMs / 1000);
  // The full model alone (--no-lns) or the full model then neighbourhood search from its incumbent (default).
  const useLns = !options.plain && (options.lns ?? true);
  const solution = useLns
    ? await solveRosterWithLns(model, milp, {
        solve: solveWithHighs,
        now: () => performance.now(),
        seed: 1,
        timeLimitSeconds,
        fullShare: options.fullShare,
        construct: options.construct,
        fullFirst: options.fullFirst,
        aside: options.aside,
        absoluteGap,
      })
    : await solveWithHighs(milp.problem, { timeLimitSeconds, absoluteGap });
  const elapsedMs = Math.round(performance.now() - started);
  const check = solution.colValues
    ? checkRoster(model, decodeRosterAssignment(model, milp, solution.colValues))
    : null;
  // An incumbent cut short by the time limit may carry cover slacks larger than needed (under and over at once);
  // the objective reported is what its assignment really costs, recomputed by the independent checker.
  const objective = check ? Math.min(check.objective, solution.objective ?? Infinity) : solution.objective;
  // With an integral objective the proven bound rounds up to the next integer.
  const bound =
    solution.bound !== null && integral ? Math.ceil(solution.bound - 1e-6) : clean(solution.bound);
  const gap = relativeGap(objective, bound);
  const lns = 'lns' in solution ? (solution as RosterLnsSolution).lns : null;
  return {
    instance,
    status: solution.status,
    objective: clean(objective),
    bound,
    gap: gap === null ? null : Number(gap.toFixed(6)),
    bestKnown: BEST_KNOWN[instance] ?? null,
    elapsedMs,
    cpuMs: Math.round(cpuMs() - cpuStarted),
    staff: model.staff.length,
    days: model.days,
    shiftTypes: model.shiftTypes.length,
    columns: milp.problem.numCols,
    rows: milp.problem.numRows,
    nonzeros: milp.problem.values.length,
    buildMs: Math.round(buildMs),
    lns: useLns,
    ...(lns && {
      builtObjective: clean(lns.builtObjective ?? null),
      fullObjective: clean(lns.fullObjective ?? null),
      fullMs: Math.round(lns.fullMs ?? 0),
      lnsRounds: lns.rounds,
      lnsImprovements: lns.improvements,
      lnsKinds: lns.kinds,
    }),
    wasmMemoryMb: Math.round((await highsRuntime()).memoryBytes / 2 ** 20),
    checked: check && { violations: check.violations.length, objective: clean(check.objective) },
    violations: check?.violations.slice(0, 20) ?? [],
  };
}

function line(r: Result): string {
  const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(2)} %`);
  const vsBest =
    r.bestKnown !== null && r.objective !== null ? (r.objective - r.bestKnown) / r.bestKnown : null;
  return [
    r.instance.padEnd(11),
    String(r.status).padEnd(9),
    String(r.objective ?? '-').padStart(9),
    String(r.bound ?? '-').padStart(7),
    pct(r.gap).padStart(9),
    String(r.bestKnown ?? '-').padStart(7),
    pct(vsBest).padStart(9),
    `${(r.elapsedMs / 1000).toFixed(1)} s`.padStart(8),
    `${(r.cpuMs / 1000).toFixed(1)} s`.padStart(8),
    r.checked ? `${r.checked.violations} broken` : 'no solution',
  ].join(' ');
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
        all: { type: 'boolean' },
        dir: { type: 'string' },
        plain: { type: 'boolean' },
        'full-share': { type: 'string' },
        'no-construct': { type: 'boolean' },
        'search-first': { type: 'boolean' },
        'one-thread': { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`bench/nrp: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const timeLimit = Number(args.values['time-limit'] ?? (args.values.all ? 120 : 300));
  const all = args.values.all ?? false;
  const fullShare = args.values['full-share'] === undefined ? undefined : Number(args.values['full-share']);
  if (fullShare !== undefined && !(fullShare >= 0 && fullShare <= 1)) {
    process.stderr.write(`bench/nrp: --full-share must be a number from 0 to 1\n${USAGE}`);
    return 2;
  }
  if (!(timeLimit > 0) || (all ? args.positionals.length > 0 : args.positionals.length !== 1)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let files = args.positionals;
  if (all) {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const dir = resolve(args.values.dir ?? join(root, '../shared/bench/nrp'));
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      process.stderr.write(
        `bench/nrp: the instance folder ${dir} is missing; it holds Instance1.txt … Instance7.txt next to ` +
          'the repository (../shared/bench/nrp) — pass --dir DIR to use another folder\n',
      );
      return 1;
    }
    files = names
      .filter((n) => /^Instance\d+\.txt$/i.test(n))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
      .map((n) => join(dir, n));
    if (files.length === 0) {
      process.stderr.write(`bench/nrp: no InstanceN.txt files in ${dir}\n`);
      return 1;
    }
  }
  const lns = args.values['no-lns'] ? false : args.values.lns;
  const results: Result[] = [];
  let failed = false;
  // Two HiGHS threads for every instance beyond a couple of neighbourhoods (Instances 5-12): the full model on
  // one, the search's solves on the other, this thread handing out the work (the machine's two cores).
  // At a hand-over the full model's thread is ended and a fresh one takes its place (SolverAside.abandon).
  const threads = args.values['one-thread'] ? null : [createHighsThread(), createHighsThread()];
  const aside: SolverAside | undefined = threads
    ? {
        solve: (problem, options) => threads[0]!.solve(problem, options),
        search: threads[1]!.solve,
        pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
        abandon: async () => {
          const ended = threads[0]!;
          threads[0] = createHighsThread();
          await ended.close();
          return threads[0].solve;
        },
      }
    : undefined;
  for (const file of files) {
    const outcome = await solveFile(file, {
      timeLimit,
      lns,
      lp: args.values.lp,
      plain: args.values.plain,
      construct: args.values['no-construct'] ? false : undefined,
      fullFirst: args.values['search-first'] ? false : undefined,
      fullShare,
      aside,
    });
    if (Array.isArray(outcome)) {
      for (const e of outcome) process.stderr.write(`${e}\n`);
      failed = true;
      continue;
    }
    for (const v of outcome.violations as string[]) process.stderr.write(`check: ${v}\n`);
    if (!outcome.checked || outcome.checked.violations > 0) failed = true;
    results.push(outcome);
    const { violations: _violations, ...printed } = outcome;
    if (args.values.json) process.stdout.write(`${JSON.stringify(printed)}\n`);
    else if (!all) process.stdout.write(`${line(outcome)}\n`);
  }
  if (all) {
    const [one] = loadavg();
    process.stdout.write(
      `\nCurtois & Qu, ${timeLimit} s each, load average ${one!.toFixed(2)}\n` +
        `${['instance'.padEnd(11), 'status'.padEnd(9), 'objective', '  bound', '      gap', '   best', '  vs best', '    wall', '     cpu', 'check'].join(' ')}\n` +
        results.map(line).join('\n') +
        '\n',
    );
  }
  await Promise.all((threads ?? []).map((thread) => thread.close()));
  return failed ? 1 : 0;
}

process.exitCode = await main();
