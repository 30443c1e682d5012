import loadHighs, {
  type CallbackEventFor,
  type Highs,
  type HighsCallbackMap,
  type Model,
  type ModelData,
} from 'highs';
import { relativeGap } from '../../shared/optimize/gap';
import type {
  MilpProblem,
  MilpProgress,
  MilpSolution,
  MilpSolveOptions,
  MilpStatus,
} from '../../shared/optimize/milp-model';

let runtime: Promise<Highs> | null = null;

/**
 * The HiGHS runtime, loaded once per process (or per worker).
 * Why cached: instantiating the wasm takes a few hundred milliseconds; every solve after the first reuses it.
 */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

function finite(values: Float64Array, infinity: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    out[k] = v === Infinity ? infinity : v === -Infinity ? -infinity : v;
  }
  return out;
}

/** The structured model HiGHS takes: our CSR arrays as they are, infinities spelled the way the runtime wants. */
export function toHighsModelData(problem: MilpProblem, highs: Highs): ModelData {
  return {
    numCols: problem.numCols,
    numRows: problem.numRows,
    offset: problem.offset,
    colCost: problem.colCost,
    colLower: finite(problem.colLower, highs.infinity),
    colUpper: finite(problem.colUpper, highs.infinity),
    rowLower: finite(problem.rowLower, highs.infinity),
    rowUpper: finite(problem.rowUpper, highs.infinity),
    matrix: {
      format: 'csr',
      numRows: problem.numRows,
      numCols: problem.numCols,
      starts: problem.rowStarts,
      indices: problem.colIndex,
      values: problem.values,
    },
    integrality: problem.integrality.some((v) => v !== 0) ? problem.integrality : undefined,
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e30 ? value : null;
}

type RunOutcome = {
  status: number;
  objective: number | null;
  colValues: Float64Array | null;
  bound: number | null;
};

/**
 * Solves a MilpProblem with HiGHS (wasm) on the calling thread.
 * Why the persistent model API rather than `highs.solve(lpText)`: it takes the sparse arrays without writing and
 * parsing LP text, accepts a start, reports the proven dual bound (which the one-shot call does not), and gives
 * the callbacks used for progress and cancel. With `neighbourhoods` (and a start) it first runs fix-and-optimise:
 * all decision columns but one group are fixed to the incumbent and the small MILP is solved, group after group,
 * until a pass brings nothing or its share of the time is spent; the full model is then solved from the best
 * incumbent, which is what proves optimality or bounds the gap. The call blocks its thread until it returns: run it
 * in a worker (worker_threads in Node, a Web Worker in the renderer) when a UI must stay responsive.
 */
export async function solveWithHighs(
  problem: MilpProblem,
  options: MilpSolveOptions = {},
): Promise<MilpSolution> {
  const highs = await highsRuntime();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const limitMs = (options.timeLimitSeconds ?? Infinity) * 1000;
  const model = highs.createModel(toHighsModelData(problem, highs));
  const codes = highs.constants.modelStatus;
  const isMip = problem.integrality.some((v) => v !== 0);
  try {
    model.options.set({ output_flag: false });
    if (options.relativeGap !== undefined) model.options.set('mip_rel_gap', options.relativeGap);
    if (options.absoluteGap !== undefined) model.options.set('mip_abs_gap', options.absoluteGap);

    let progressAt = -Infinity;
    const report = (progress: MilpProgress) => {
      if (!options.onProgress) return;
      const now = performance.now();
      if (now - progressAt < 200) return;
      progressAt = now;
      options.onProgress(progress);
    };
    let incumbent: { objective: number; colValues: Float64Array } | null = null;
    const run = (seconds: number, start: Parameters<Model['setSolution']>[0] | null): RunOutcome => {
      model.options.set('time_limit', Math.max(0.01, seconds));
      model.zeroAllClocks();
      if (start) model.setSolution(start);
      const { callbackType } = highs.constants;
      const callbacks: HighsCallbackMap = {
        [callbackType.mipInterrupt]: (event: CallbackEventFor<6>) => {
          // HiGHS checks its time limit between phases; a long root cut loop can overrun it, so the wall-clock
          // deadline is also enforced here.
          if (options.shouldStop?.() || elapsed() > limitMs) event.interrupt();
          const objective = numberOrNull(event.data.mip_primal_bound);
          const bound = numberOrNull(event.data.mip_dual_bound);
          const best =
            incumbent && (objective === null || incumbent.objective < objective)
              ? incumbent.objective
              : objective;
          report({ objective: best, bound, gap: relativeGap(best, bound), elapsedMs: elapsed() });
          return undefined;
        },
        ...(options.onIncumbent && {
          [callbackType.mipImprovingSolution]: (event: CallbackEventFor<4>) => {
            const values = event.data.mip_solution;
            const objective = numberOrNull(event.data.objective_function_value);
            if (values && objective !== null) options.onIncumbent!({ objective, colValues: values });
            return undefined;
          },
        }),
      };
      model.run(isMip ? callbacks : undefined);
      const status = model.getModelStatus();
      const hasSolution =
        Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
      const objective = hasSolution ? model.getObjectiveValue() : null;
      return {
        status,
        objective,
        colValues: hasSolution ? model.getSolution().colValue : null,
        bound: isMip
          ? numberOrNull(Number(model.info.get('mip_dual_bound')))
          : status === codes.optimal
            ? objective
            : null,
      };
    };

    const start = options.start && options.start.indices.length > 0 ? options.start : null;
    const lns = options.neighbourhoods;
    if (isMip && lns && lns.groups.length > 0) {
      const totalMs = Number.isFinite(limitMs) ? limitMs : 60_000;
      // A short full solve first: it proves a good start optimal at the root, or finds a first incumbent.
      const first = run((totalMs * 0.15) / 1000, start);
      if (first.status === codes.optimal || first.status === codes.infeasible || options.shouldStop?.()) {
        return finish(first, null);
      }
      if (first.colValues && first.objective !== null) {
        incumbent = { objective: first.objective, colValues: first.colValues };
      }
      if (incumbent) {
        incumbent = fixAndOptimise(model, problem, lns, incumbent, {
          budgetMs: elapsed() + totalMs * (lns.timeShare ?? 0.5),
          subSeconds: lns.subTimeLimitSeconds ?? 2,
          run,
          elapsed,
          stop: () => options.shouldStop?.() ?? false,
        });
      }
    }

    const remaining = (limitMs - elapsed()) / 1000;
    const seed = incumbent ? { colValue: incumbent.colValues } : start;
    return finish(run(Number.isFinite(remaining) ? remaining : 1e9, seed), incumbent);

    function finish(final: RunOutcome, best: typeof incumbent): MilpSolution {
      let objective = final.objective;
      let colValues = final.colValues;
      if (best && (objective === null || best.objective < objective - 1e-9)) {
        objective = best.objective;
        colValues = best.colValues;
      }
      let status: MilpStatus;
      const s = final.status;
      if (s === codes.optimal || s === codes.empty) status = 'optimal';
      else if (s === codes.infeasible || s === codes.unboundedOrInfeasible)
        status = colValues ? 'feasible' : 'infeasible';
      else if (s === codes.interrupted) status = colValues ? 'feasible' : 'cancelled';
      else if (s === codes.timeLimit || s === codes.iterationLimit || s === codes.solutionLimit) {
        status = colValues ? 'feasible' : 'timeout';
      } else status = colValues ? 'feasible' : 'error';
      const bound = status === 'optimal' && final.bound === null ? objective : final.bound;
      return {
        status,
        objective,
        bound,
        gap: relativeGap(objective, bound),
        colValues,
        elapsedMs: elapsed(),
      };
    }
  } finally {
    model.dispose();
  }
}

/**
 * Fix-and-optimise over the given neighbourhoods on one persistent model: fix, solve briefly from the incumbent,
 * keep an improvement, unfix. Passes repeat while they improve and time is left.
 */
function fixAndOptimise(
  model: Model,
  problem: MilpProblem,
  lns: NonNullable<MilpSolveOptions['neighbourhoods']>,
  incumbent: { objective: number; colValues: Float64Array },
  limits: {
    budgetMs: number;
    subSeconds: number;
    run: (seconds: number, start: { colValue: Float64Array }) => RunOutcome;
    elapsed: () => number;
    stop: () => boolean;
  },
): { objective: number; colValues: Float64Array } {
  const fixable = lns.fixable;
  const selection = { kind: 'set' as const, indices: fixable };
  const lower = new Float64Array(fixable.length);
  const upper = new Float64Array(fixable.length);
  const originalLower = Float64Array.from(fixable, (c) => Math.max(problem.colLower[c]!, -1e30));
  const originalUpper = Float64Array.from(fixable, (c) => Math.min(problem.colUpper[c]!, 1e30));
  const position = new Map<number, number>();
  fixable.forEach((c, k) => position.set(c, k));
  let best = incumbent;
  try {
    for (let pass = 0; pass < 50; pass++) {
      let improved = false;
      for (const group of lns.groups) {
        if (limits.elapsed() >= limits.budgetMs || limits.stop()) return best;
        for (let k = 0; k < fixable.length; k++) {
          const v = Math.round(best.colValues[fixable[k]!]!);
          lower[k] = v;
          upper[k] = v;
        }
        for (const c of group) {
          const k = position.get(c);
          if (k === undefined) continue;
          lower[k] = originalLower[k]!;
          upper[k] = originalUpper[k]!;
        }
        model.changeColsBounds(selection, lower, upper);
        const seconds = Math.min(limits.subSeconds, (limits.budgetMs - limits.elapsed()) / 1000);
        const outcome = limits.run(seconds, { colValue: best.colValues });
        if (outcome.colValues && outcome.objective !== null && outcome.objective < best.objective - 1e-7) {
          best = { objective: outcome.objective, colValues: outcome.colValues };
          improved = true;
        }
      }
      if (!improved) return best;
    }
    return best;
  } finally {
    model.changeColsBounds(selection, originalLower, originalUpper);
  }
}
