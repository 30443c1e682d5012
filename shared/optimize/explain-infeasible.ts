import type { Plan } from '../plan/schema';
import { localDate, msToInstant } from '../time/zoned';
import type { MilpSolver } from './milp-model';
import {
  cellKey,
  planToRoster,
  RELAXABLE_RULES,
  type PlanRoster,
  type PlanRosterOptions,
  type RelaxableRule,
} from './plan-to-roster';
import { buildRosterMilp, decodeRosterAssignment } from './roster-milp';

/** One rule instance the feasible relaxed schedule had to break: the rule, the period, the layer, who, and why. */
export type Conflict = {
  rule: RelaxableRule | 'coverage';
  layerId: string;
  start: string;
  end: string;
  memberId: string | null;
  detail: string;
};

/** One way out: relaxing these rule groups together admits a schedule, which has to break these instances. */
export type Relaxation = { rules: RelaxableRule[]; conflicts: Conflict[] };

/**
 * Why a plan has no schedule: every smallest set of rule groups whose relaxation helps (alternatives), all their
 * conflicts, and a sentence for people.
 */
export type InfeasibilityExplanation = { relaxations: Relaxation[]; conflicts: Conflict[]; message: string };

const RULE_NAMES: Record<RelaxableRule, string> = {
  'time-off': 'time off',
  'back-to-back': 'the back-to-back limit',
  'investor-owner': 'the investor-week owner rule',
  pinned: 'pinned and manual shifts',
  'max-weekends': 'the limit of weekends per person',
};

function localDay(plan: Plan, instant: string): string {
  return localDate(instant, plan.rotation.timeZone);
}

/** Periods where nobody at all may take a layer, with each member's reason: found without a solver. */
export function emptyCells(roster: PlanRoster): Conflict[] {
  const out: Conflict[] = [];
  roster.cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell || cell.fixedMemberId) return;
      const open = roster.members.some(
        (_, s) => roster.model.staff[s]!.maxShifts[t] !== 0 && !roster.blocked.has(cellKey(s, d, t)),
      );
      if (open) return;
      const reasons = roster.members
        .map((_, s) => roster.blocked.get(cellKey(s, d, t))?.detail)
        .filter((r): r is string => r !== undefined);
      out.push({
        rule: 'coverage',
        layerId: cell.layer.id,
        start: cell.start,
        end: cell.end,
        memberId: null,
        detail: `nobody can take ${cell.layer.name} ${localDay(roster.plan, cell.start)}: ${reasons.join('; ') || 'no member in its order'}`,
      });
    }),
  );
  return out;
}

function combinations(rules: readonly RelaxableRule[], size: number): RelaxableRule[][] {
  if (size === 0) return [[]];
  return rules.flatMap((r, i) => combinations(rules.slice(i + 1), size - 1).map((rest) => [r, ...rest]));
}

/**
 * Explains an infeasible plan by relaxing groups of hard rules — time off, back-to-back, the investor-week owner
 * rule, kept shifts, the weekend limit — one at a time, then in pairs, until a schedule exists; the schedule found then shows which
 * instances of the relaxed rule it had to break (member, layer, dates). Fairness is left out of these solves:
 * only feasibility matters. Why relaxations rather than an IIS: groups of rules map to words a planner knows and
 * to a fix (move a vacation, allow back-to-back), and each check is a small MILP.
 */
export async function explainInfeasible(
  plan: Plan,
  options: PlanRosterOptions,
  solve: MilpSolver,
  timeLimitSeconds = 10,
): Promise<InfeasibilityExplanation> {
  const base = planToRoster(plan, { ...options, relax: [] });
  const empty = emptyCells(base);
  if (empty.length > 0) {
    return {
      relaxations: [],
      conflicts: empty,
      message: `No schedule exists: ${empty.length} period(s) have nobody who may take them. ${empty
        .slice(0, 5)
        .map((c) => c.detail)
        .join('. ')}.`,
    };
  }
  for (const size of [1, 2, RELAXABLE_RULES.length]) {
    const found: Relaxation[] = [];
    for (const relax of combinations(RELAXABLE_RULES, size)) {
      const conflicts = await relaxedConflicts(plan, options, base, relax, solve, timeLimitSeconds);
      if (conflicts) found.push({ rules: relax, conflicts });
    }
    if (found.length === 0) continue;
    const sentences = found.map((r) => {
      const names = r.rules.map((rule) => RULE_NAMES[rule]).join(' and ');
      const breaks = r.conflicts.slice(0, 6).map((c) => c.detail);
      return `Relaxing ${names} makes one possible; it has to break: ${breaks.join('; ') || 'nothing specific (the rules only conflict in combination)'}.`;
    });
    return {
      relaxations: found,
      conflicts: found.flatMap((r) => r.conflicts),
      message: `No schedule satisfies every rule. ${sentences.join(' ')}`,
    };
  }
  return {
    relaxations: [],
    conflicts: [],
    message:
      'No schedule exists even with time off, back-to-back, investor-week, kept-shift and weekend rules relaxed.',
  };
}

/**
 * Solves the plan with some rule groups relaxed (fairness left out, each formerly closed cell and each period over
 * the back-to-back limit costing 1) and lists the rule instances the schedule breaks; null when still infeasible.
 */
async function relaxedConflicts(
  plan: Plan,
  options: PlanRosterOptions,
  base: PlanRoster,
  relax: RelaxableRule[],
  solve: MilpSolver,
  timeLimitSeconds: number,
): Promise<Conflict[] | null> {
  const roster = planToRoster(plan, { ...options, relax, changeWeight: 0 });
  const model = { ...roster.model, fairness: undefined, requests: [], current: undefined };
  const milp = buildRosterMilp(model);
  const problem = milp.problem;
  const cost = Float64Array.from(problem.colCost);
  for (const [key] of base.blocked) {
    const [s, d, t] = key.split(':').map(Number) as [number, number, number];
    const col = milp.x[(s * model.days + d) * model.shiftTypes.length + t] ?? -1;
    if (col >= 0) cost[col] = 1;
  }
  const solution = await solve({ ...problem, colCost: cost, offset: 0 }, { timeLimitSeconds });
  if (!solution.colValues) return null;
  const assignment = decodeRosterAssignment(model, milp, solution.colValues);
  const conflicts: Conflict[] = [];
  roster.cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell) return;
      roster.members.forEach((m, s) => {
        if (assignment[s]![d] !== t) return;
        const reason = base.blocked.get(cellKey(s, d, t));
        if (reason && relax.includes(reason.rule)) {
          conflicts.push({
            rule: reason.rule,
            layerId: cell.layer.id,
            start: cell.start,
            end: cell.end,
            memberId: m.id,
            detail: `${cell.layer.name} ${localDay(plan, cell.start)} – ${localDay(plan, cell.end)}: ${reason.detail}`,
          });
        }
      });
    }),
  );
  if (relax.includes('back-to-back')) conflicts.push(...runConflicts(roster, assignment, base));
  if (relax.includes('max-weekends')) conflicts.push(...weekendConflicts(roster, assignment));
  return conflicts;
}

/** Members over the weekend limit in a relaxed schedule, naming the weekends (Saturdays) they would hold. */
function weekendConflicts(
  roster: PlanRoster,
  assignment: ReturnType<typeof decodeRosterAssignment>,
): Conflict[] {
  const out: Conflict[] = [];
  roster.model.staff.forEach((staff, s) => {
    if (staff.maxWeekends === null) return;
    const held = new Set(staff.weekendsHeld ?? []);
    let layerId = roster.layers[0]?.id ?? '';
    for (const c of roster.model.weekendCells ?? []) {
      if (assignment[s]![c.day] !== c.shift || held.has(c.weekend)) continue;
      held.add(c.weekend);
      layerId = roster.layers[c.shift]!.id;
    }
    if (held.size <= staff.maxWeekends) return;
    const weekends = [...held].sort((a, b) => a - b).map((k) => roster.weekends[k]!);
    const member = roster.members[s]!;
    const dates = weekends.slice(0, 6).map((w) => w.saturday);
    if (weekends.length > 6) dates.push(`and ${weekends.length - 6} more`);
    out.push({
      rule: 'max-weekends',
      layerId,
      start: msToInstant(weekends[0]!.start),
      end: msToInstant(weekends[weekends.length - 1]!.end),
      memberId: member.id,
      detail: `max ${staff.maxWeekends} weekend${staff.maxWeekends === 1 ? '' : 's'} per person: ${member.name} would need ${held.size} (${dates.join(', ')})`,
    });
  });
  return out;
}

/** Runs on one layer longer than the plan allows in a relaxed schedule, as conflicts with dates. */
function runConflicts(
  roster: PlanRoster,
  assignment: ReturnType<typeof decodeRosterAssignment>,
  base: PlanRoster,
): Conflict[] {
  const out: Conflict[] = [];
  base.model.staff.forEach((staff, s) => {
    staff.runLimits.forEach((limit) => {
      let run = limit.before;
      for (let d = 0; d < roster.model.days; d++) {
        const t = assignment[s]![d]!;
        run = limit.shiftTypes.includes(t) ? run + 1 : 0;
        const cell = t >= 0 ? roster.cells[d]![t] : null;
        if (run > limit.max && cell) {
          out.push({
            rule: 'back-to-back',
            layerId: cell.layer.id,
            start: cell.start,
            end: cell.end,
            memberId: staff.id,
            detail: `${cell.layer.name} ${localDay(roster.plan, cell.start)}: ${staff.id} would hold ${run} periods in a row (limit ${limit.max})`,
          });
        }
      }
    });
  });
  return out;
}
