import type { Plan } from '../plan/schema';
import { intersect, type Interval } from '../time/intervals';
import { addDays, instantMs, localDate, msToInstant, startOfLocalDay } from '../time/zoned';
import { timeOffConflicts } from './availability';
import { checkCoverage } from './coverage';
import { describeShift, planLocal } from './describe-shift';
import { rotationHorizon } from './generate-shifts';
import { investorWeeks, type DateRange } from './investor-weeks';
import { isShadowShift } from './shadow-shifts';

/** Which part of the investor-week requirement a finding is about. */
export type InvestorWeekRequirement = 'both-layers' | 'investor-owner-primary' | 'owner-time-off';

/**
 * One way an investor-report week falls short of its staffing requirement: the week (plan-local dates), the
 * instants concerned, who and which layer or pipelines, and a sentence for the user.
 */
export type InvestorWeekFinding = {
  requirement: InvestorWeekRequirement;
  week: DateRange;
  start: string;
  end: string;
  memberId?: string;
  layerId?: string;
  pipelineIds?: string[];
  message: string;
};

/**
 * The members who own an investor pipeline (primary or secondary owner), with the pipelines each owns.
 * Why: the investor week wants one of them as primary and none of them away.
 */
export function investorOwners(plan: Plan): Map<string, string[]> {
  const investor = new Set(plan.pipelines.filter((p) => p.reportsToInvestors).map((p) => p.id));
  const owners = new Map<string, string[]>();
  for (const o of plan.ownership) {
    if (!investor.has(o.pipelineId)) continue;
    for (const memberId of [o.primaryMemberId, o.secondaryMemberId]) {
      if (memberId === null) continue;
      const owned = owners.get(memberId) ?? [];
      if (!owned.includes(o.pipelineId)) owned.push(o.pipelineId);
      owners.set(memberId, owned);
    }
  }
  return owners;
}

/**
 * Checks each investor-report week in a window of plan-local dates (default: the rotation's horizon) against the
 * plan's requirement: every layer staffed (nobody missing, nobody on call while away), the first layer's person an
 * owner of an investor pipeline, and no time off for owners of investor pipelines — each part only when the plan
 * asks for it. Why pure: analysis turns the findings into `investor-week` flags and the calendar marks the weeks.
 */
export function investorWeekFindings(
  plan: Plan,
  window?: { from: string; to: string },
): InvestorWeekFinding[] {
  const rules = plan.coverage.investorWeek;
  const zone = plan.rotation.timeZone;
  const horizon = rotationHorizon(plan.rotation);
  const from = window?.from ?? localDate(horizon.start, zone);
  const to = window?.to ?? localDate(horizon.end, zone);
  const rotationSpan = { start: instantMs(horizon.start), end: instantMs(horizon.end) };
  const owners = investorOwners(plan);
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const pipelineNames = (ids: string[]) =>
    ids.map((id) => plan.pipelines.find((p) => p.id === id)?.name ?? id).join(', ');
  const findings: InvestorWeekFinding[] = [];

  for (const week of investorWeeks(rules.rule, from, to)) {
    const weekSpan = {
      start: instantMs(startOfLocalDay(week.start, zone)),
      end: instantMs(startOfLocalDay(addDays(week.end, 1), zone)),
    };
    const label = `Investor week ${week.start} – ${week.end}`;
    const add = (requirement: InvestorWeekRequirement, span: Interval, message: string, extra = {}) =>
      findings.push({
        requirement,
        week,
        start: msToInstant(span.start),
        end: msToInstant(span.end),
        ...extra,
        message: `${label}: ${message}`,
      });
    const staffed = intersect(weekSpan, rotationSpan);
    const weekShifts = (layerId: string) =>
      staffed
        ? plan.shifts.filter(
            (s) =>
              s.layerId === layerId &&
              !isShadowShift(s) &&
              instantMs(s.start) < staffed.end &&
              instantMs(s.end) > staffed.start,
          )
        : [];

    if (rules.requireBothLayers && staffed) {
      const coverage = checkCoverage(plan, {
        start: msToInstant(staffed.start),
        end: msToInstant(staffed.end),
      });
      for (const layer of plan.rotation.layers) {
        const gaps = coverage.find((c) => c.layerId === layer.id)?.gaps ?? [];
        for (const gap of gaps) {
          add(
            'both-layers',
            { start: instantMs(gap.start), end: instantMs(gap.end) },
            `nobody is on call in ${layer.name} ${planLocal(plan, gap.start)} – ${planLocal(plan, gap.end)}`,
            { layerId: layer.id },
          );
        }
        for (const shift of weekShifts(layer.id)) {
          for (const c of timeOffConflicts(plan, shift.memberId, shift.start, shift.end)) {
            const span = intersect(staffed, { start: instantMs(c.start), end: instantMs(c.end) });
            if (!span) continue;
            add(
              'both-layers',
              span,
              `${describeShift(plan, shift)} falls in ${name(shift.memberId)}'s time off (${c.timeOff.start} – ${c.timeOff.end})`,
              { layerId: layer.id, memberId: shift.memberId },
            );
          }
        }
      }
    }

    const primary = plan.rotation.layers[0];
    if (rules.requireInvestorOwnerAsPrimary && staffed && primary) {
      if (owners.size === 0) {
        add(
          'investor-owner-primary',
          staffed,
          'no investor pipeline has an owner, so no owner can be primary',
        );
      } else {
        for (const shift of weekShifts(primary.id)) {
          if (owners.has(shift.memberId)) continue;
          const span = intersect(staffed, { start: instantMs(shift.start), end: instantMs(shift.end) })!;
          add(
            'investor-owner-primary',
            span,
            `${name(shift.memberId)} is ${primary.name} ${planLocal(plan, msToInstant(span.start))} – ${planLocal(plan, msToInstant(span.end))} but owns no investor pipeline`,
            { layerId: primary.id, memberId: shift.memberId },
          );
        }
      }
    }

    if (rules.forbidTimeOffForInvestorOwners) {
      for (const [memberId, pipelineIds] of owners) {
        const conflicts = timeOffConflicts(
          plan,
          memberId,
          msToInstant(weekSpan.start),
          msToInstant(weekSpan.end),
        );
        for (const c of conflicts) {
          add(
            'owner-time-off',
            { start: instantMs(c.start), end: instantMs(c.end) },
            `${name(memberId)} (owner of ${pipelineNames(pipelineIds)}) has time off ${c.timeOff.start} – ${c.timeOff.end}`,
            { memberId, pipelineIds },
          );
        }
      }
    }
  }
  return findings;
}
