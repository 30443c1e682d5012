import { mulberry32 } from '../simulation/prng';
import { relativeGap } from './gap';
import { largeNeighbourhoodSearch, type MilpIncumbent } from './lns';
import { constructFirstRoster } from './roster-construct';
import { rosterNeighbourhood, type NeighbourhoodKind } from './roster-lns-neighbourhood';
import { solveRosterSideBySide, type SolverAside } from './roster-side-by-side';
import type { MilpProgress, MilpSolution, MilpSolver } from './milp-model';
import type { RosterMilp } from './roster-milp';
import type { RosterModel } from './roster-model';

/** Settings of `solveRosterWithLns`. */
export type RosterLnsOptions = {
  solve: MilpSolver;
  /** Milliseconds, from any origin. */
  now: () => number;
  seed: number;
  timeLimitSeconds: number;
  /** Share of the time for the first full solve (default 0.25). */
  fullShare?: number;
  /** Gap under which the full model is not stopped for the search (default 0.05). */
  keepGap?: number;
  /** Share of the time kept for a last full solve when the roster is within `closeGap` of the bound (0.25). */
  finalShare?: number;
  /** Relative gap under which the last full solve is worth its time (default 0.1). */
  closeGap?: number;
  /** Time limit of one neighbourhood solve (default 3 s). */
  subTimeLimitSeconds?: number;
  /** Free decision columns per neighbourhood at the start (default 300). */
  neighbourhoodSize?: number;
  /** Rounds in a row without a gain after which the full model takes the rest of the time (default 60). */
  maxStallRounds?: number;
  /** HiGHS mip_abs_gap: 0.99 when every objective is an integer. */
  absoluteGap?: number;
  start?: { indices: Int32Array; values: Float64Array };
  /**
   * Free decisions above which a roster counts as large: without a start it is built person by person and searched
   * before the full model runs (default six neighbourhoods).
   */
  largeDecisions?: number;
  /** Build a first roster person by person on a large roster without a start (default true; `constructRoster`). */
  construct?: boolean;
  /**
   * On a large roster with a built start, run the full model first from it (default true) rather than searching
   * at once and leaving the full model the last `finalShare` of the time.
   */
  fullFirst?: boolean;
  shouldStop?: () => boolean;
  onProgress?: (progress: MilpProgress) => void;
  /**
   * Solvers on other threads: every roster beyond a couple of neighbourhoods is then solved by both at once
   * (`solveRosterSideBySide`), the full model there and the search here, instead of one after the other.
   */
  aside?: SolverAside;
  /**
   * With `aside`: past this share of the time (default 0.4), a best roster more than `handOverGap` (default 0.1)
   * above the bound stops the full model, and its thread searches too; past half this share, so does one more than
   * 2.5 times that gap above a bound that has stalled.
   */
  handOverShare?: number;
  handOverGap?: number;
};

/** A roster solve's result with what the neighbourhood search did. */
export type RosterLnsSolution = MilpSolution & {
  lns: {
    rounds: number;
    improvements: number;
    /** The roster built person by person (null: none was built). */
    builtObjective: number | null;
    /** The full model's roster at the switch to the search (null: the search started from the built roster). */
    fullObjective: number | null;
    fullMs: number;
    /** With `aside`: whether the full model handed its thread over to a second search. */
    handedOver?: boolean;
    /** Rounds drawn and rounds that improved, per kind of neighbourhood. */
    kinds: Record<NeighbourhoodKind, { rounds: number; improved: number }> | null;
  };
};

/**
 * Solves a roster MILP in one time budget: the full model first (which proves small instances optimal and gives
 * the global dual bound), then, when it is cut short, large-neighbourhood search from its incumbent for the rest.
 * Why this split: the result is never worse than the full model's own incumbent at the switch, the bound reported
 * is the one the full model proved (so the gap stays honest), and the search spends the remaining time where
 * branch-and-bound on a large roster stalls — in the root cut loop, far from good solutions. A large roster
 * (`largeDecisions`) without a start is first built person by person (`constructRoster`) and handed to the full
 * model as its start, so the search starts from the better of the two; with `fullFirst: false` the search starts
 * from the built roster at once and the full model gets the last `finalShare` of the time for the bound. When no
 * roster can be built this way it goes the small-roster way.
 */
export async function solveRosterWithLns(
  model: RosterModel,
  milp: Pick<RosterMilp, 'problem' | 'x'> & { aux?: Pick<RosterMilp['aux'], 'slack'> },
  options: RosterLnsOptions,
): Promise<RosterLnsSolution> {
  const began = options.now();
  const deadline = began + options.timeLimitSeconds * 1000;
  const problem = milp.problem;
  const fixable = Int32Array.from([...milp.x].filter((c) => c >= 0).sort((a, b) => a - b));
  const size = options.neighbourhoodSize ?? 300;
  // A roster of a couple of neighbourhoods is solved whole: branch-and-bound proves it faster than a search
  // whose every neighbourhood is most of the model.
  const small = fixable.length <= 2 * size;
  // The full model runs first. Past `fullShare` of the time it is stopped for the search unless its gap is already
  // within `keepGap`: then branch-and-bound is converging and keeps the whole time, as if it ran alone.
  const switchAt = began + options.timeLimitSeconds * 1000 * (options.fullShare ?? 0.25);
  // Without an incumbent there is nothing to search from, so the full model goes on.
  let fullGap: number | null = null;
  let fullHasIncumbent = false;
  const switchNow = () =>
    !small &&
    fullHasIncumbent &&
    options.now() >= switchAt &&
    !(fullGap !== null && fullGap <= (options.keepGap ?? 0.05));
  // A large roster without a start gets one built person by person. Why: on a large roster branch-and-bound spends
  // its first share of the time in the root cut loop and its first roster leaves most cover open, far worse than
  // the built one.
  const large = !small && fixable.length > (options.largeDecisions ?? 6 * size);
  if (!small && options.aside)
    return solveRosterSideBySide(model, milp, { ...options, aside: options.aside });
  let built: MilpIncumbent | null = null;
  if (large && !options.start && (options.construct ?? true)) {
    built = await constructFirstRoster(model, milp, {
      solve: options.solve,
      now: options.now,
      began,
      timeLimitSeconds: options.timeLimitSeconds,
      absoluteGap: options.absoluteGap,
      shouldStop: options.shouldStop,
    });
  }
  const builtObjective = built?.objective ?? null;
  // With `fullFirst`, the full model still runs first, from the built roster, under the same switch rule.
  const skipFull = built !== null && !(options.fullFirst ?? true);
  const everything = Int32Array.from({ length: problem.numCols }, (_, k) => k);
  const solved: MilpSolution | null = skipFull
    ? null
    : await options.solve(problem, {
        timeLimitSeconds: options.timeLimitSeconds - (options.now() - began) / 1000,
        absoluteGap: options.absoluteGap,
        start: built ? { indices: everything, values: built.colValues } : options.start,
        onProgress: (progress) => {
          fullGap = progress.gap;
          fullHasIncumbent ||= progress.objective !== null;
          options.onProgress?.(progress);
        },
        shouldStop: () => (options.shouldStop?.() ?? false) || switchNow(),
      });
  // The built roster stands in for the full model's when the full model did not run or found nothing better.
  const full: MilpSolution =
    built && (!solved || solved.objective === null || built.objective < solved.objective - 1e-6)
      ? {
          status: solved?.status === 'optimal' ? 'optimal' : 'feasible',
          objective: built.objective,
          bound: solved?.bound ?? null,
          gap: null,
          colValues: built.colValues,
          elapsedMs: 0,
        }
      : solved!;
  const fullMs = options.now() - began;
  const stats = {
    rounds: 0,
    improvements: 0,
    builtObjective,
    fullObjective: solved ? solved.objective : null,
    fullMs: solved ? fullMs : 0,
    kinds: null as RosterLnsSolution['lns']['kinds'],
  };
  const done = (solution: MilpSolution): RosterLnsSolution => ({
    ...solution,
    elapsedMs: options.now() - began,
    lns: stats,
  });
  if (full.status === 'optimal' || full.status === 'infeasible' || small || options.shouldStop?.())
    return done(full);
  // No incumbent (the full model had the whole time and found none): nothing to search from.
  if (!full.colValues || full.objective === null) return done(full);
  const bound = full.bound;
  const provenAt = bound === null ? -Infinity : bound + (options.absoluteGap ?? 1e-9);
  // Stops the search once an incumbent meets the proven bound (nothing better exists), or, once the incumbent is
  // within `closeGap` of the bound, at the start of the last `finalShare` of the time: the full model then gets it,
  // from the best roster, to prove or tighten the bound. A roster far from its bound keeps searching to the end.
  let proven = false;
  let current = full.objective;
  const finalFrom = deadline - options.timeLimitSeconds * 1000 * (options.finalShare ?? 0.25);
  const close = () => (relativeGap(current, bound) ?? Infinity) <= (options.closeGap ?? 0.1);
  // Mid-sized rosters keep the random draws they were tuned on; the aimed kinds are for large ones.
  const neighbourhood = rosterNeighbourhood(model, milp, { aimed: large });
  const search = await largeNeighbourhoodSearch(
    problem,
    { objective: full.objective, colValues: full.colValues },
    {
      solve: options.solve,
      now: options.now,
      deadline,
      rng: mulberry32(options.seed),
      fixable,
      neighbourhood,
      // Whether a round paid, not its time: this path adapts one size for all kinds (per-kind sizes are for the
      // side-by-side solve, whose search leaves sizing to the neighbourhood).
      onRound: (improved) => neighbourhood.record(improved),
      size: { start: size, min: Math.min(60, fixable.length), max: Math.max(size * 6, 60) },
      subTimeLimitSeconds: options.subTimeLimitSeconds ?? 3,
      maxStallRounds: options.maxStallRounds ?? 60,
      absoluteGap: options.absoluteGap,
      shouldStop: () =>
        proven || (options.now() >= finalFrom && (skipFull || close())) || (options.shouldStop?.() ?? false),
      onImprove: (best) => {
        current = best.objective;
        if (best.objective <= provenAt) proven = true;
        options.onProgress?.({
          objective: best.objective,
          bound,
          gap: relativeGap(best.objective, bound),
          elapsedMs: options.now() - began,
        });
      },
    },
  );
  stats.rounds = search.rounds;
  stats.improvements = search.improvements;
  stats.kinds = neighbourhood.stats();
  let best = search.best;
  let proved = bound;
  const left = (deadline - options.now()) / 1000;
  if (!proven && left > 1 && !(options.shouldStop?.() ?? false)) {
    // The neighbourhoods stalled or the roster is close to its bound: the full model gets the rest, from the best
    // roster, to prove it or raise the bound.
    const indices = Int32Array.from({ length: problem.numCols }, (_, k) => k);
    const last = await options.solve(problem, {
      timeLimitSeconds: left,
      absoluteGap: options.absoluteGap,
      start: { indices, values: best.colValues },
      shouldStop: options.shouldStop,
    });
    if (last.colValues && last.objective !== null && last.objective < best.objective - 1e-6)
      best = { objective: last.objective, colValues: last.colValues };
    if (last.bound !== null && (proved === null || last.bound > proved)) proved = last.bound;
  }
  const objective = best.objective;
  const provenObjective = proved === null ? -Infinity : proved + (options.absoluteGap ?? 1e-9);
  return done({
    status: objective <= provenObjective ? 'optimal' : 'feasible',
    objective,
    bound: proved,
    gap: relativeGap(objective, proved),
    colValues: best.colValues,
    elapsedMs: 0,
  });
}
