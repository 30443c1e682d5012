import type { Plan } from '../plan/schema';
import { FairnessTables } from '../fairness/fairness-tables';
import { createPlanContext } from '../fairness/plan-context';
import { overlapsAny, type Interval } from '../time/intervals';
import { instantMs } from '../time/zoned';
import { resolveWindow } from '../fairness/window';
import { isNightAt, type ZoneDays } from '../fairness/zone-days';
import { exponential, mulberry32, poisson, runSeed } from './prng';
import { effectiveRate, incidentSlots, slotAt, type IncidentSlots } from './incident-model';
import { isShadowShift } from '../rotation/shadow-shifts';

/**
 * Minutes added to the resolution when the paged person lacks the pipeline's skill but the other person on call
 * has it. Why: they escalate and hand over (the escalation matrix's level 2 answers within 30 minutes).
 */
export const ESCALATION_MINUTES = 30;
/**
 * Factor on the work time when nobody on call knows the pipeline.
 * Why: the responder works from the runbook while the owner is reached off rota.
 */
export const UNQUALIFIED_SLOWDOWN = 2;
/** Minutes to reach the pipeline's owner off rota when nobody on call knows the pipeline. */
export const OFF_ROTA_DELAY_MINUTES = 60;

/** How to run a simulation: runs and seed, an optional window (plan-zone dates), progress and cancel hooks. */
export type SimulationOptions = {
  runs: number;
  seed: number;
  from?: string;
  to?: string;
  /** Called every ~1 % of the runs and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Checked as often as progress is reported; when it reads true the run stops with SimulationCancelled. */
  signal?: { readonly aborted: boolean };
  /** The caller's zone and investor-week tables, kept between runs for speed; fresh when absent. */
  tables?: FairnessTables;
};

/** Thrown when `signal.aborted` turns true during a run. */
export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'SimulationCancelled';
  }
}

/** Pages per member over the window, across runs (p50/p95 by nearest rank). */
export type MemberPages = {
  id: string;
  name: string;
  pages: { mean: number; p50: number; p95: number };
  nightPages: { mean: number; p95: number };
};

/** Incidents and SLA breaches per pipeline across runs. */
export type PipelineIncidents = {
  id: string;
  name: string;
  ratePerWeek: number;
  model: string;
  incidents: { mean: number };
  breaches: { mean: number };
  /** Share of all simulated incidents of the pipeline that missed `sla.resolutionHours`. */
  slaBreachProbability: number;
  /** Share of runs with at least one breach of the pipeline in the window. */
  anyBreachProbability: number;
};

/**
 * The result of `simulateIncidents`: the `simulate --json` shape of the CLI contract (docs/architecture.md) without `elapsedMs` (shared/
 * has no clock; the caller times the run), plus the window, names, rates and the incidents nobody was paged for.
 */
export type SimulationResult = {
  runs: number;
  seed: number;
  from: string;
  to: string;
  members: MemberPages[];
  pipelines: PipelineIncidents[];
  unpaged: { mean: number };
};

type Roster = { start: Float64Array; end: Float64Array; member: Int32Array };

function roster(plan: Plan, layerId: string | undefined, memberIndex: Map<string, number>): Roster {
  const shifts = plan.shifts
    .filter((s) => s.layerId === layerId && !isShadowShift(s) && memberIndex.has(s.memberId))
    .map((s) => ({ start: instantMs(s.start), end: instantMs(s.end), member: memberIndex.get(s.memberId)! }))
    .sort((a, b) => a.start - b.start);
  return {
    start: Float64Array.from(shifts.map((s) => s.start)),
    end: Float64Array.from(shifts.map((s) => s.end)),
    member: Int32Array.from(shifts.map((s) => s.member)),
  };
}

/** The member index on call at `t` on a roster, or −1. */
function onCall(r: Roster, t: number): number {
  let lo = 0;
  let hi = r.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.start[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (r.end[i]! > t) return r.member[i]!;
  return -1;
}

function percentile(sorted: Int32Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * Monte Carlo incident simulation over the plan's window.
 * Per run and pipeline: N ~ Poisson(expected incidents), each placed in a slot of the pipeline's schedule (see
 * `incidentSlots`: around cron runs, or uniform; × investorWeekFactor in investor weeks) at a uniform point of it.
 * Each incident pages the primary on call then — the secondary when the primary is on time off that day or there is
 * no primary; nobody when neither is there (an "unpaged" incident, always a breach). A page is a night page when it
 * falls 22:00-07:00 in the paged member's zone.
 * SLA model: the work takes D ~ Exponential(meanDurationMinutes). Resolution = D when the paged person has the
 * pipeline's skill; D + 30 min when only the other person on call has it; 2·D + 60 min when nobody on call has it.
 * A breach is a resolution longer than `sla.resolutionHours`.
 * Same plan, runs and seed → the same result, whatever the platform (mulberry32, one stream per run).
 */
export function simulateIncidents(plan: Plan, options: SimulationOptions): SimulationResult {
  const runs = Math.floor(options.runs);
  if (!(runs >= 1)) throw new RangeError('runs must be a whole number of at least 1');
  const window = resolveWindow(plan, { from: options.from, to: options.to });
  const ctx = createPlanContext(plan, options.tables ?? new FairnessTables());
  const memberIndex = new Map(plan.members.map((m, i) => [m.id, i]));
  const layers = plan.rotation.layers;
  const primary = roster(plan, layers[0]?.id, memberIndex);
  const secondary = roster(plan, layers[1]?.id, memberIndex);
  const zones: ZoneDays[] = [];
  const timeOff: Interval[][] = [];
  for (const m of plan.members) {
    // The zone table only: holidays do not change who is paged, and loading them costs more than the runs.
    zones.push(ctx.tables.zoneDays(m.timeZone, window.startMs, window.endMs));
    timeOff.push(ctx.members.get(m.id)!.timeOff);
  }
  const away = (member: number, t: number) => overlapsAny(timeOff[member]!, t, t + 1);
  const slots: IncidentSlots[] = plan.pipelines.map((p) =>
    incidentSlots(ctx, p, window.startMs, window.endMs),
  );
  const knows = plan.pipelines.map((p) => plan.members.map((m) => m.skills.includes(p.id)));
  const nPipes = plan.pipelines.length;
  const pages = plan.members.map(() => new Int32Array(runs));
  const nights = plan.members.map(() => new Int32Array(runs));
  const incidents = new Float64Array(nPipes);
  const breaches = new Float64Array(nPipes);
  const runsWithBreach = new Float64Array(nPipes);
  let unpaged = 0;
  const chunk = Math.max(1, Math.floor(runs / 100));
  for (let run = 0; run < runs; run++) {
    if (run % chunk === 0) {
      if (options.signal?.aborted) throw new SimulationCancelled();
      if (run > 0) options.onProgress?.(run, runs);
    }
    const rng = mulberry32(runSeed(options.seed, run));
    for (let p = 0; p < nPipes; p++) {
      const s = slots[p]!;
      const pipeline = plan.pipelines[p]!;
      const limitMinutes = pipeline.sla.resolutionHours * 60;
      const mean = pipeline.incidents.meanDurationMinutes;
      const count = s.total > 0 ? poisson(rng, s.total) : 0;
      let breached = 0;
      for (let k = 0; k < count; k++) {
        const i = slotAt(s, rng() * s.total);
        const t = s.start[i]! + rng() * s.length[i]!;
        const duration = exponential(rng, mean);
        let first = onCall(primary, t);
        if (first >= 0 && away(first, t)) first = -1;
        let second = onCall(secondary, t);
        if (second >= 0 && away(second, t)) second = -1;
        const paged = first >= 0 ? first : second;
        const other = first >= 0 ? second : -1;
        incidents[p]!++;
        if (paged < 0) {
          unpaged++;
          breached++;
          continue;
        }
        pages[paged]![run]!++;
        if (isNightAt(zones[paged]!, t)) nights[paged]![run]!++;
        const resolution = knows[p]![paged]
          ? duration
          : other >= 0 && knows[p]![other]
            ? duration + ESCALATION_MINUTES
            : UNQUALIFIED_SLOWDOWN * duration + OFF_ROTA_DELAY_MINUTES;
        if (resolution > limitMinutes) breached++;
      }
      breaches[p]! += breached;
      if (breached > 0) runsWithBreach[p]!++;
    }
  }
  options.onProgress?.(runs, runs);
  const members: MemberPages[] = plan.members.map((m, i) => {
    const sortedPages = Int32Array.from(pages[i]!).sort();
    const sortedNights = Int32Array.from(nights[i]!).sort();
    const sum = (a: Int32Array) => a.reduce((s, v) => s + v, 0);
    return {
      id: m.id,
      name: m.name,
      pages: {
        mean: round4(sum(sortedPages) / runs),
        p50: percentile(sortedPages, 0.5),
        p95: percentile(sortedPages, 0.95),
      },
      nightPages: { mean: round4(sum(sortedNights) / runs), p95: percentile(sortedNights, 0.95) },
    };
  });
  return {
    runs,
    seed: options.seed,
    from: window.from,
    to: window.to,
    members,
    pipelines: plan.pipelines.map((p, i) => ({
      id: p.id,
      name: p.name,
      ratePerWeek: effectiveRate(p),
      model: slots[i]!.model,
      incidents: { mean: round4(incidents[i]! / runs) },
      breaches: { mean: round4(breaches[i]! / runs) },
      slaBreachProbability: round4(incidents[i]! > 0 ? breaches[i]! / incidents[i]! : 0),
      anyBreachProbability: round4(runsWithBreach[i]! / runs),
    })),
    unpaged: { mean: round4(unpaged / runs) },
  };
}
