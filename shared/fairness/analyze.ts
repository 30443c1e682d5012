import type { Plan } from '../plan/schema';
import { analysisContext, type AnalysisContext } from './flags/analysis-context';
import {
  backToBackFlags,
  dstHandoffFlags,
  onCallShareFlags,
  teamSizeFlags,
  unevenRotationFlags,
} from './flags/rotation-flags';
import { coverageGapFlags, overlapFlags } from './flags/coverage-flags';
import { sortFlags, type Flag } from './flags/flag';
import { holidayGapFlags, holidayOnCallFlags, majorHolidayFlags } from './flags/holiday-flags';
import { investorWeekFlags } from './flags/investor-flags';
import { ownershipFlags, ownersUnavailableFlags } from './flags/ownership-flags';
import { unqualifiedFlags } from './flags/qualification-flags';
import { timeOffFlags } from './flags/time-off-flags';
import { workingTimeFlags } from './flags/working-time-flags';
import { FairnessTables } from './fairness-tables';
import { buildLedger, type MemberLoad } from './ledger';
import type { FairnessMetrics } from './metrics';
import { resolveWindow } from './window';

/** The window of an analysis: local dates in the plan's zone, both inclusive; missing sides take the horizon's. */
/** The analysis window (plan-zone dates, inclusive) and the caller's holiday calendar (a fresh one when absent). */
export type AnalysisOptions = { from?: string; to?: string };

/**
 * The result of `analyzePlan`, exactly the `analyze --json` shape of the CLI contract (docs/architecture.md) (`from`, `to`, `members`,
 * `fairness`, `flags`) plus the window as instants. Numbers are rounded (hours and loads to 2 decimals, shares and
 * metrics to 4) so the JSON is stable and readable.
 */
export type Analysis = {
  from: string;
  to: string;
  windowStart: string;
  windowEnd: string;
  members: MemberLoad[];
  fairness: FairnessMetrics;
  flags: Flag[];
};

/** Every flag rule, in the order of the CLI contract's kinds. To add one: write it in flags/, list it here. */
const RULES: ((ac: AnalysisContext) => Flag[])[] = [
  coverageGapFlags,
  overlapFlags,
  timeOffFlags,
  holidayOnCallFlags,
  majorHolidayFlags,
  holidayGapFlags,
  unevenRotationFlags,
  backToBackFlags,
  onCallShareFlags,
  investorWeekFlags,
  ownershipFlags,
  ownersUnavailableFlags,
  unqualifiedFlags,
  dstHandoffFlags,
  teamSizeFlags,
  workingTimeFlags,
];

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

function roundMember(m: MemberLoad): MemberLoad {
  const r2 = (v: number) => round(v, 2);
  return {
    ...m,
    onCallHours: r2(m.onCallHours),
    weekendHours: r2(m.weekendHours),
    holidayHours: r2(m.holidayHours),
    nightHours: r2(m.nightHours),
    investorWeekHours: r2(m.investorWeekHours),
    weightedLoad: r2(m.weightedLoad),
    fairShare: r2(m.fairShare),
    shadowHours: r2(m.shadowHours),
    availability: round(m.availability, 4),
    onCallShare: round(m.onCallShare, 4),
    primaryShare: round(m.primaryShare, 4),
    fairShareRange: { low: r2(m.fairShareRange.low), high: r2(m.fairShareRange.high) },
    layers: m.layers.map((l) => ({
      ...l,
      hours: r2(l.hours),
      weekendHours: r2(l.weekendHours),
      holidayHours: r2(l.holidayHours),
      nightHours: r2(l.nightHours),
      investorWeekHours: r2(l.investorWeekHours),
      weightedLoad: r2(l.weightedLoad),
      fairShare: r2(l.fairShare),
    })),
  };
}

function roundFlag(flag: Flag): Flag {
  if (!flag.action) return flag;
  return {
    ...flag,
    action: {
      ...flag.action,
      spreadBefore: round(flag.action.spreadBefore, 2),
      spreadAfter: round(flag.action.spreadAfter, 2),
    },
  };
}

/**
 * Analyses a plan over a window: the load ledger per member, the team's fairness metrics and every flag with its
 * fix. Throws a RangeError when `to` is before `from`.
 * Why one entry point: the CLI (`rotaplan analyze`), the Fairness view and scenario comparison all read the same
 * numbers. `tables` are the caller's zone, holiday and investor-week tables: the Fairness view's worker keeps one
 * across plans, a one-off call may leave it out.
 */
export function analyzePlan(
  plan: Plan,
  options: AnalysisOptions = {},
  tables: FairnessTables = new FairnessTables(),
): Analysis {
  const window = resolveWindow(plan, options);
  const ledger = buildLedger(plan, window, tables);
  const ac = analysisContext(plan, ledger);
  const flags = sortFlags(RULES.flatMap((rule) => rule(ac)));
  const f = ledger.fairness;
  return {
    from: window.from,
    to: window.to,
    windowStart: window.start.replace('.000Z', 'Z'),
    windowEnd: window.end.replace('.000Z', 'Z'),
    members: ledger.members.map(roundMember),
    fairness: {
      gini: round(f.gini, 4),
      cv: round(f.cv, 4),
      balance: round(f.balance, 4),
      maxMinSpread: round(f.maxMinSpread, 2),
    },
    flags: flags.map(roundFlag),
  };
}
