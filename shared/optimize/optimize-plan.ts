import { assertNever } from '../plan/edits';
import { FairnessTables } from '../fairness/fairness-tables';
import { buildLedger, type Ledger } from '../fairness/ledger';
import { payReport } from '../pay/pay-report';
import type { FairnessMetrics } from '../fairness/metrics';
import type { Plan } from '../plan/schema';
import { leastRecentAssignment, roundRobinAssignment } from './baselines';
import { balanceLns } from './balance-lns';
import { polishBalance } from './balance-search';
import { relativeGap as relativeGap_ } from './gap';
import { improveRoster } from './local-search';
import { checkPlanShifts } from './check-plan-shifts';
import { cheapestHoldersStart } from './cheapest-start';
import { checkRoster } from './check-roster';
import { emptyCells, explainInfeasible, type Conflict } from './explain-infeasible';
import { fairnessBound } from './fairness-bound';
import { granularityMilpBound } from './granularity-bound';
import type { MilpProgress, MilpSolver } from './milp-model';
import { planToRosterOrReason, type PlanRoster, type PlanRosterOptions } from './plan-to-roster';
import { buildRosterMilp, decodeRosterAssignment, startColumns } from './roster-milp';
import { rosterNeighbourhoods } from './neighbourhoods';
import type { RosterAssignment } from './roster-model';
import { rosterToShifts, type RosterProposal } from './roster-to-shifts';

/**
 * The relative gap at which a plan's schedule counts as optimal: 0.1 %. The objective is the heaviest
 * availability-adjusted load (about 4 800 weighted hours a year for the sample team), so this proves the heaviest
 * load within about 5 weighted hours a year of the best possible; HiGHS's own default (0.01 %) asks for half an
 * hour, which the solver reaches too, but only after minutes of search.
 */
export const DEFAULT_RELATIVE_GAP = 1e-3;

/** Improving moves the balance descent makes at most after the local search (each scans every trade of two people). */
const POLISH_MOVES = 2000;

/**
 * Decisions (people × cells) from which a plan not proven at once takes the large-plan path — the balancing MILP
 * bound, the cheapest-holders start and the aimed neighbourhood search before the full model: the 25-person year
 * has about 18 000, the 12-person one under 9 000 and the sample about 200 (which HiGHS handles whole, faster
 * without the extra solves).
 */
const LARGE_PLAN_CELLS = 12_000;

/** Which schedule to propose: the exact optimiser or one of the two baselines (the CLI contract (docs/architecture.md)). */
export type OptimizeStrategy = 'optimal' | 'round-robin' | 'least-recent';

/** Every strategy, in the order the CLI lists them. */
export const OPTIMIZE_STRATEGIES: readonly OptimizeStrategy[] = ['optimal', 'round-robin', 'least-recent'];

/** The `optimize --json` status: proven optimum, a schedule without proof, no schedule, or none found in time. */
export type OptimizeStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeout';

/** Options of one optimisation: the plan-to-roster options plus the strategy and the solver's limits. */
export type OptimizeOptions = PlanRosterOptions & {
  strategy?: OptimizeStrategy;
  timeLimitSeconds?: number;
  /** Relative gap at which a solve counts as optimal; default DEFAULT_RELATIVE_GAP. */
  relativeGap?: number;
  onProgress?: (progress: MilpProgress) => void;
  shouldStop?: () => boolean;
  /** Moves the local search tries before the exact solve (default 1000 per period and layer, 20 000 – 300 000). */
  searchIterations?: number;
  /**
   * Free binaries per fix-and-optimise neighbourhood; unset (the default) skips that phase, since the local search
   * already gives HiGHS a start close to the optimum and its root bound is what proves it.
   */
  neighbourhoodSize?: number;
  /** Seed of the local search (default 1): same plan, options and seed → same start. */
  seed?: number;
  /** A monotonic clock in milliseconds (shared/ has none of its own). */
  now?: () => number;
  /** Keeps the roster and the current schedule's ledger between calls on the same plan (see `createOptimizeMemo`). */
  memo?: OptimizeMemo;
};

/**
 * The last plan's roster and current-schedule ledger, kept by whoever calls `optimizePlan` repeatedly (the app's
 * worker). Why: "Compare strategies" runs three strategies on one plan and window, and a user proposes again after
 * changing only the time limit; the roster build is the same each time. Keyed by the plan and every option the
 * roster depends on, so any change to either builds afresh.
 */
export type OptimizeMemo = {
  key: string | null;
  roster: PlanRoster | string | null;
  ledgerBefore: Ledger | null;
};

/** An empty memo for `OptimizeOptions.memo`. */
export function createOptimizeMemo(): OptimizeMemo {
  return { key: null, roster: null, ledgerBefore: null };
}

/**
 * The options the roster (and so the memo) depends on: all of `PlanRosterOptions`, nothing of the solve. The type
 * names every key, so a new roster option cannot be left out of the memo's key. The fairness tables are a cache,
 * not an option: they change how fast a roster is built, never what it is.
 */
function rosterOptionsOf(options: OptimizeOptions): {
  [K in keyof Required<Omit<PlanRosterOptions, 'tables'>>]: PlanRosterOptions[K];
} {
  const { from, to, deviationWeight, spreadWeight, holidayRepeatWeight, changeWeight, costWeight } = options;
  const { wishes, maxWeekends, relax } = options;
  return {
    from,
    to,
    deviationWeight,
    spreadWeight,
    holidayRepeatWeight,
    changeWeight,
    costWeight,
    wishes,
    maxWeekends,
    relax,
  };
}

/** The plan's roster for these options, from the memo when it was built for the same plan and options. */
function rosterFor(plan: Plan, options: OptimizeOptions): PlanRoster | string {
  const memo = options.memo;
  if (!memo) return planToRosterOrReason(plan, options);
  const key = JSON.stringify([plan, rosterOptionsOf(options)]);
  if (memo.key !== key || memo.roster === null) {
    memo.key = key;
    memo.roster = planToRosterOrReason(plan, options);
    memo.ledgerBefore = null;
  }
  return memo.roster;
}

/** The current schedule's ledger over the roster's window, from the memo when it has one for this roster. */
function ledgerBeforeFor(
  plan: Plan,
  options: OptimizeOptions,
  roster: PlanRoster,
  tables: FairnessTables,
): Ledger {
  const memo = options.memo;
  if (memo && memo.roster === roster) return (memo.ledgerBefore ??= buildLedger(plan, roster.window, tables));
  return buildLedger(plan, roster.window, tables);
}

/** One member's outcome: the weighted load and the fair share the analysis ledger gives the new schedule. */
export type MemberOutcome = {
  id: string;
  weightedLoad: number;
  fairShare: number;
  /** The member's weighted load in the current schedule over the same window, for the before/after diff. */
  weightedLoadBefore: number;
};

/**
 * The outcome of `optimizePlan`. The first eight fields are the `optimize --json` contract; `objective` is in
 * weighted hours (max deviation from fair share + ¼ × spread of deviations + holiday-repeat, wish and change
 * penalties) and is computed the same way for the baselines, so all three compare on one scale.
 * `violations` lists the hard rules the proposal breaks (empty for the optimiser; round-robin ignores time off).
 */
export type OptimizeResult = {
  strategy: OptimizeStrategy;
  status: OptimizeStatus;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  members: MemberOutcome[];
  changedShifts: number;
  elapsedMs: number;
  explanation?: string;
  conflicts?: Conflict[];
  fairness: FairnessMetrics | null;
  /**
   * The current schedule's team metrics over the same window: the numbers the Fairness view shows for that window,
   * so a before → after reads against them (not part of the `optimize --json` contract).
   */
  fairnessBefore?: FairnessMetrics | null;
  violations: string[];
  proposal: RosterProposal | null;
  /** On-call pay of the proposal over the window by the plan's pay rules; absent without pay rules or proposal. */
  cost?: OptimizeCost;
};

/** What a proposal costs in on-call pay (`payReport`'s total over the window). */
export type OptimizeCost = { currency: string; total: number };

function fullStart(values: Float64Array): { indices: Int32Array; values: Float64Array } {
  return { indices: Int32Array.from(values, (_, i) => i), values };
}

function outcome(
  plan: Plan,
  options: OptimizeOptions,
  assignment: RosterAssignment,
  roster: PlanRoster,
): Pick<
  OptimizeResult,
  | 'members'
  | 'changedShifts'
  | 'fairness'
  | 'fairnessBefore'
  | 'violations'
  | 'proposal'
  | 'objective'
  | 'cost'
> {
  const proposal = rosterToShifts(roster, assignment);
  const tables = options.tables ?? new FairnessTables();
  const ledger = buildLedger(proposal.plan, roster.window, tables);
  const ledgerBefore = ledgerBeforeFor(plan, options, roster, tables);
  const before = new Map(ledgerBefore.members.map((m) => [m.id, m.weightedLoad]));
  const check = checkRoster(roster.model, assignment);
  const planProblems = checkPlanShifts(plan, proposal.plan, {
    from: options.from,
    to: options.to,
    maxWeekends: options.maxWeekends,
  });
  return {
    objective: check.objective,
    members: ledger.members
      .filter((m) => ledger.participants.includes(m.id))
      .map((m) => ({
        id: m.id,
        weightedLoad: m.weightedLoad,
        fairShare: m.fairShare,
        weightedLoadBefore: before.get(m.id) ?? 0,
      })),
    changedShifts: proposal.changes.length,
    fairness: ledger.fairness,
    fairnessBefore: ledgerBefore.fairness,
    // The plan-level check speaks in dates; the roster check's findings only show when it sees something more.
    violations: planProblems.length > 0 ? planProblems : check.violations.map((v) => `roster: ${v}`),
    proposal,
    ...(plan.pay && {
      cost: {
        currency: plan.pay.currency,
        total: payReport(proposal.plan, plan.pay, roster.window, tables).total,
      },
    }),
  };
}

/**
 * Proposes a schedule for a plan: the exact MILP optimum (HiGHS through `solve`) or a baseline, with loads,
 * fairness numbers and the changes against the current schedule. An infeasible plan gets an explanation naming
 * the rules and dates that conflict. Why `solve` is injected: shared/ stays pure, and the same code runs with
 * HiGHS in Node (CLI, Electron main) or in a Web Worker.
 */
export async function optimizePlan(
  plan: Plan,
  given: OptimizeOptions,
  solve: MilpSolver,
): Promise<OptimizeResult> {
  // One set of fairness tables for the roster, the ledgers and the pay report of this run.
  const options = { ...given, tables: given.tables ?? new FairnessTables() };
  const now = options.now ?? (() => 0);
  const started = now();
  const strategy = options.strategy ?? 'optimal';
  const none = { bound: null, gap: null } as const;
  // Rotations whose cadence is shorter than the plan's periods do not fit the model: refused with a reason.
  const roster = rosterFor(plan, options);
  if (typeof roster === 'string') {
    return {
      strategy,
      status: 'infeasible',
      objective: null,
      ...none,
      members: [],
      changedShifts: 0,
      elapsedMs: now() - started,
      explanation: roster,
      fairness: null,
      violations: [],
      proposal: null,
    };
  }

  switch (strategy) {
    case 'round-robin':
    case 'least-recent': {
      const assignment =
        strategy === 'round-robin' ? roundRobinAssignment(roster) : leastRecentAssignment(roster);
      const result = outcome(plan, options, assignment, roster);
      return {
        strategy,
        status: result.violations.length === 0 ? 'feasible' : 'infeasible',
        ...none,
        ...result,
        elapsedMs: now() - started,
        ...(result.violations.length > 0 && {
          explanation: `The ${strategy} schedule breaks ${result.violations.length} hard rule(s): ${result.violations.slice(0, 5).join('; ')}`,
        }),
      };
    }
    case 'optimal':
      break;
    default:
      assertNever(strategy);
  }

  const infeasible = async (): Promise<OptimizeResult> => {
    const why = await explainInfeasible(plan, options, solve, Math.min(10, options.timeLimitSeconds ?? 10));
    return {
      strategy,
      status: 'infeasible',
      objective: null,
      ...none,
      members: [],
      changedShifts: 0,
      elapsedMs: now() - started,
      explanation: why.message,
      conflicts: why.conflicts,
      fairness: null,
      violations: [],
      proposal: null,
    };
  };
  if (emptyCells(roster).length > 0) return infeasible();

  const milp = buildRosterMilp(roster.model);
  const relativeGap = options.relativeGap ?? DEFAULT_RELATIVE_GAP;
  const greedy = leastRecentAssignment(roster);
  // The annealing finds the mean load and a rough balance; the descent then evens the extremes out to the quarter
  // hour, which the min-max terms reward and random moves seldom hit.
  let startAssignment =
    checkRoster(roster.model, greedy).violations.length === 0
      ? polishBalance(
          roster.model,
          improveRoster(roster.model, greedy, {
            iterations:
              options.searchIterations ??
              Math.min(300_000, Math.max(20_000, 1000 * roster.model.cover.length)),
            seed: options.seed ?? 1,
          }),
          {
            maxMoves: POLISH_MOVES,
            // At most a tenth of the time limit, so HiGHS keeps the time it needs for its bound.
            shouldStop: () =>
              (options.shouldStop?.() ?? false) ||
              (options.timeLimitSeconds !== undefined && now() - started > 100 * options.timeLimitSeconds),
          },
        )
      : null;
  // A bound from the assignment relaxation and the loads' granularity: when a start is already within the gap of
  // it, that is the proof, and HiGHS is not needed.
  let quickBound = fairnessBound(roster.model);
  const proven = (assignment: RosterAssignment | null): OptimizeResult | null => {
    if (!assignment || quickBound === null) return null;
    const value = checkRoster(roster.model, assignment).objective;
    const gap = relativeGap_(value, quickBound);
    if (gap === null || gap > relativeGap) return null;
    return {
      strategy,
      status: 'optimal',
      ...outcome(plan, options, assignment, roster),
      objective: value,
      bound: quickBound,
      gap,
      elapsedMs: now() - started,
    };
  };
  const quick = proven(startAssignment);
  if (quick) return quick;
  const large = roster.model.staff.length * roster.model.cover.length >= LARGE_PLAN_CELLS;
  if (startAssignment && quickBound !== null && large) {
    const limit = options.timeLimitSeconds ?? 60;
    // Not proven yet: the balancing MILP counts how coarse most people's loads are, which can raise the bound.
    const coarse = await granularityMilpBound(roster.model, solve, {
      timeLimitSeconds: Math.min(10, Math.max(1, 0.15 * limit)),
      shouldStop: options.shouldStop,
    });
    if (coarse !== null && coarse > quickBound) quickBound = coarse;
    const tighter = proven(startAssignment);
    if (tighter) return tighter;
    // The cheapest-holders start, balanced, is the other candidate (often better on large plans).
    const other = await cheapestHoldersStart(roster.model, solve, {
      timeLimitSeconds: Math.max(1, 0.1 * limit),
      maxMoves: POLISH_MOVES,
      shouldStop: () => (options.shouldStop?.() ?? false) || now() - started > 200 * limit,
    });
    if (
      other &&
      checkRoster(roster.model, other).objective < checkRoster(roster.model, startAssignment).objective
    ) {
      startAssignment = other;
      const cheap = proven(startAssignment);
      if (cheap) return cheap;
    }
  }
  if (startAssignment && options.timeLimitSeconds !== undefined && large) {
    // A large plan not proven yet: three quarters of what is left go to re-dealing the extremes' periods (HiGHS
    // on a few people at a time), where the full model's branch-and-bound finds nothing better; the full model
    // then gets the rest from the best roster, for its bound.
    const deadline = started + options.timeLimitSeconds * 1000;
    let withinGap = false;
    startAssignment = await balanceLns(roster.model, milp, startAssignment, {
      solve,
      now,
      deadline: now() + 0.75 * (deadline - now()),
      seed: options.seed ?? 1,
      // Done once a roster is within the gap of the bound: that is the proof.
      shouldStop: () => (options.shouldStop?.() ?? false) || withinGap,
      onImprove: (objective) => {
        const gap = relativeGap_(objective, quickBound);
        withinGap = gap !== null && gap <= relativeGap;
        options.onProgress?.({ objective, bound: quickBound, gap, elapsedMs: now() - started });
      },
    });
    const searched = proven(startAssignment);
    if (searched) return searched;
  }
  const start = startAssignment ? fullStart(startColumns(roster.model, milp, startAssignment)) : undefined;
  const neighbourhoods =
    start && options.neighbourhoodSize
      ? rosterNeighbourhoods(roster.model, milp, { size: options.neighbourhoodSize, seed: options.seed ?? 1 })
      : undefined;
  // The solver gets what is left of the time limit, less a small reserve for writing the proposal back.
  const spentSeconds = (now() - started) / 1000;
  const timeLimitSeconds =
    options.timeLimitSeconds === undefined
      ? undefined
      : Math.max(0.5, options.timeLimitSeconds - spentSeconds - Math.min(1, 0.02 * options.timeLimitSeconds));
  const solution = await solve(milp.problem, {
    timeLimitSeconds,
    relativeGap,
    start,
    neighbourhoods: neighbourhoods && { ...neighbourhoods, timeShare: 0.5, subTimeLimitSeconds: 1 },
    onProgress: options.onProgress,
    shouldStop: options.shouldStop,
  });
  if (solution.status === 'infeasible') return infeasible();
  if (!solution.colValues) {
    if (solution.status === 'error') throw new Error('the solver failed without a result');
    return {
      strategy,
      status: 'timeout',
      objective: null,
      bound: solution.bound,
      gap: null,
      members: [],
      changedShifts: 0,
      elapsedMs: now() - started,
      explanation: 'No schedule was found within the time limit; try a longer --time-limit.',
      fairness: null,
      violations: [],
      proposal: null,
    };
  }
  const assignment = decodeRosterAssignment(roster.model, milp, solution.colValues);
  const result = outcome(plan, options, assignment, roster);
  // Both are proven lower bounds; the better one counts (HiGHS may stop before its root LP on a large plan).
  const bound =
    solution.bound === null
      ? quickBound
      : quickBound === null
        ? solution.bound
        : Math.max(solution.bound, quickBound);
  const gap = relativeGap_(solution.objective, bound);
  return {
    strategy,
    status: solution.status === 'optimal' || (gap !== null && gap <= relativeGap) ? 'optimal' : 'feasible',
    ...result,
    objective: solution.objective,
    bound,
    gap,
    elapsedMs: now() - started,
  };
}
