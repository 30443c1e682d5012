import { mulberry32 } from '../simulation/prng';
import { relativeGap } from './gap';
import { largeNeighbourhoodSearch, type MilpIncumbent } from './lns';
import type { MilpSolution, MilpSolver } from './milp-model';
import { constructFirstRoster } from './roster-construct';
import { rosterNeighbourhood, type RosterNeighbourhood } from './roster-lns-neighbourhood';
import type { RosterLnsOptions, RosterLnsSolution } from './roster-lns';
import type { RosterMilp } from './roster-milp';
import type { RosterModel } from './roster-model';

/**
 * Solvers on other threads, and how to let this thread's event loop run. `solve` takes the full model; `search`,
 * when given, takes the built roster's and the search's sub-problems, so this thread only hands out work (on two
 * cores both then run HiGHS all the time); without it they run here. Why `pause`: a HiGHS solve on this thread
 * blocks it, and an awaited promise only yields to microtasks, so without a real pause between solves the other
 * thread's messages (its incumbents, its end) would wait until the search is over.
 */
export type SolverAside = {
  solve: MilpSolver;
  search?: MilpSolver;
  pause: () => Promise<void>;
  /**
   * Ends the full model's solve at once (its thread is replaced) and gives the solver that takes its place, for
   * the hand-over. Why: HiGHS reads its stop flag only between phases of its work, and deep in the root cut loop
   * of a large roster that can be 20 s away (measured on Instance8: hand-over at 26 s, the full model back at
   * 45 s). Without it the full model is asked to stop and the search waits for it.
   */
  abandon?: () => Promise<MilpSolver>;
};

/**
 * Solves a roster MILP beyond a couple of neighbourhoods with two solvers at once: the full model on `aside` (another thread) for the whole
 * time, and on `options.solve` a roster built person by person, then the large-neighbourhood search from it, which
 * adopts any better roster the full model finds (HiGHS's improving-solution callback) before its next round.
 * Why: on two cores each gets a whole core for the whole budget instead of a share of one. Branch-and-bound alone
 * proves some rosters optimal if it is given the time (Instance11 at 46 s, Instance5 at 45 s, where a time split
 * kept the proof to 106 s) but has no roster to speak of for its
 * first half minute on others, while the search walks a built roster down from the start; split in time, either
 * starves. The bound is the full model's, so the gap stays honest; the search stops once a roster meets it, and
 * both stop when the full model proves its optimum. (The search's rosters are not handed to the running full
 * model: HiGHS's user-solution callback in this highs-js build accepts them but never uses them — measured.)
 */
export async function solveRosterSideBySide(
  model: RosterModel,
  milp: Pick<RosterMilp, 'problem' | 'x'> & { aux?: Pick<RosterMilp['aux'], 'slack'> },
  options: RosterLnsOptions & { aside: SolverAside },
): Promise<RosterLnsSolution> {
  const began = options.now();
  const deadline = began + options.timeLimitSeconds * 1000;
  const problem = milp.problem;
  const fixable = Int32Array.from([...milp.x].filter((c) => c >= 0).sort((a, b) => a - b));
  const absolute = options.absoluteGap ?? 1e-9;
  const stopped = () => options.shouldStop?.() ?? false;

  // The best roster from any side: the full model's incumbents and both searches' improvements.
  let incumbent = null as MilpIncumbent | null;
  let bound = null as number | null;
  let fullDone = false as boolean;
  let fullOptimal = false as boolean;
  // Set once the full model is judged unable to close the gap in time: its thread then runs a second search.
  let handOver = false as boolean;
  let firstFullIncumbent: () => void = () => undefined;
  const fullFound = new Promise<void>((resolve) => (firstFullIncumbent = resolve));
  const offer = (candidate: MilpIncumbent) => {
    if (!incumbent || candidate.objective < incumbent.objective - 1e-6) incumbent = candidate;
  };
  const proven = () => incumbent !== null && bound !== null && incumbent.objective <= bound + absolute;
  const report = () =>
    options.onProgress?.({
      objective: incumbent?.objective ?? null,
      bound,
      gap: relativeGap(incumbent?.objective ?? null, bound),
      elapsedMs: options.now() - began,
    });
  // Past `handOverShare` of the time with the best roster still more than `handOverGap` above the bound, the
  // bound is not going to meet the roster by proof: the full model stops (its bound stays) and its core searches.
  // Past half that share, the same when the roster is over 2.5 times as far above a bound that has stalled (it moved
  // less than 1 % of the gap over the last quarter of that share): a full model that neither finds rosters nor
  // moves its bound is better spent searching (Instances 8 and 12), one whose bound still climbs keeps going.
  const share = options.handOverShare ?? 0.4;
  const gapLimit = options.handOverGap ?? 0.1;
  const ms = options.timeLimitSeconds * 1000;
  const bounds: { at: number; bound: number }[] = [];
  const stalled = (now: number, gap: number) => {
    const then = bounds.findLast((b) => b.at <= now - ms * (share / 4)) ?? bounds[0]!;
    return bound! - then.bound < 0.01 * gap;
  };
  const checkHandOver = () => {
    if (handOver || fullDone || bound === null || incumbent === null) return;
    const now = options.now();
    const gap = relativeGap(incumbent.objective, bound) ?? 0;
    handOver =
      (now >= began + ms * share && gap > gapLimit) ||
      (now >= began + (ms * share) / 2 && gap > 2.5 * gapLimit && stalled(now, incumbent.objective - bound));
    // A thread that cannot be replaced leaves the one search (null).
    if (handOver && options.aside.abandon) abandoned = options.aside.abandon().catch(() => null);
  };
  let abandoned = null as Promise<MilpSolver | null> | null;

  const solve: MilpSolver =
    options.aside.search ??
    (async (sub, subOptions) => {
      await options.aside.pause();
      return options.solve(sub, subOptions);
    });
  const fullRun: Promise<MilpSolution> = options.aside
    .solve(problem, {
      timeLimitSeconds: options.timeLimitSeconds,
      absoluteGap: options.absoluteGap,
      start: options.start,
      onProgress: (progress) => {
        if (progress.bound !== null && (bound === null || progress.bound > bound)) {
          bound = progress.bound;
          bounds.push({ at: options.now(), bound });
        }
        report();
      },
      onIncumbent: (found) => {
        offer(found);
        firstFullIncumbent();
        report();
      },
      shouldStop: () => stopped() || proven() || handOver,
    })
    .then((full) => {
      if (full.bound !== null && (bound === null || full.bound > bound)) bound = full.bound;
      if (full.colValues && full.objective !== null)
        offer({ objective: full.objective, colValues: full.colValues });
      fullOptimal = full.status === 'optimal';
      return full;
    })
    .catch((error: unknown): MilpSolution => {
      // Abandoned at the hand-over: its bound and rosters so far came in as it ran.
      if (!abandoned) throw error;
      return {
        status: 'cancelled',
        objective: null,
        bound,
        gap: null,
        colValues: null,
        elapsedMs: options.now() - began,
      };
    })
    .finally(() => {
      fullDone = true;
      firstFullIncumbent();
    });

  const built =
    options.start || options.construct === false
      ? null
      : await constructFirstRoster(model, milp, {
          solve,
          now: options.now,
          began,
          timeLimitSeconds: options.timeLimitSeconds,
          absoluteGap: options.absoluteGap,
          shouldStop: () => stopped() || fullDone,
        });
  if (built) {
    offer(built);
    report();
  } else if (!incumbent && !fullDone) {
    // Nothing built (a rule across people, a start given, or building turned off): the search begins from the
    // full model's first roster.
    await fullFound;
  }
  const size = options.neighbourhoodSize ?? 300;
  const over = () => fullOptimal || proven() || stopped();
  /** One search over the whole remaining time, sharing the best roster with everything else that runs. */
  const search = (solver: MilpSolver, seed: number, neighbourhood: RosterNeighbourhood) =>
    largeNeighbourhoodSearch(problem, incumbent!, {
      solve: solver,
      now: options.now,
      deadline,
      rng: mulberry32(seed),
      fixable,
      neighbourhood,
      onRound: (improved, round) => {
        neighbourhood.record(improved, round);
        checkHandOver();
      },
      size: { start: size, min: Math.min(60, fixable.length), max: Math.max(size * 6, 60) },
      adaptSize: false,
      subTimeLimitSeconds: options.subTimeLimitSeconds ?? 3,
      absoluteGap: options.absoluteGap,
      adopt: () => incumbent,
      shouldStop: over,
      onImprove: (found) => {
        offer(found);
        report();
      },
    });
  const here = rosterNeighbourhood(model, milp);
  const there = rosterNeighbourhood(model, milp);
  const searching = incumbent && !over() ? search(solve, options.seed, here) : null;
  // The thread's second search, from the best roster when the full model hands over its core.
  const second = fullRun.then(async () => {
    if (!handOver || !incumbent || over() || options.now() >= deadline - 1000) return null;
    const solver = abandoned ? await abandoned : options.aside.solve;
    return solver ? search(solver, options.seed + 1, there) : null;
  });
  const [first, other] = await Promise.all([searching, second]);
  const full = await fullRun;
  const result = incumbent;
  const objective = result?.objective ?? null;
  return {
    status:
      full.status === 'infeasible' && !result
        ? 'infeasible'
        : result === null
          ? full.status
          : objective! <= (bound ?? -Infinity) + absolute
            ? 'optimal'
            : 'feasible',
    objective,
    bound,
    gap: relativeGap(objective, bound),
    colValues: result?.colValues ?? null,
    elapsedMs: options.now() - began,
    lns: {
      rounds: (first?.rounds ?? 0) + (other?.rounds ?? 0),
      improvements: (first?.improvements ?? 0) + (other?.improvements ?? 0),
      builtObjective: built?.objective ?? null,
      fullObjective: full.objective,
      fullMs: full.elapsedMs,
      kinds: first ? mergeStats(here.stats(), other ? there.stats() : null) : null,
      handedOver: handOver,
    },
  };
}

/** Rounds and gains per kind of two searches, added up. */
function mergeStats(
  a: ReturnType<RosterNeighbourhood['stats']>,
  b: ReturnType<RosterNeighbourhood['stats']> | null,
): ReturnType<RosterNeighbourhood['stats']> {
  if (!b) return a;
  const out = { ...a };
  for (const kind of Object.keys(out) as (keyof typeof out)[])
    out[kind] = { rounds: a[kind].rounds + b[kind].rounds, improved: a[kind].improved + b[kind].improved };
  return out;
}
