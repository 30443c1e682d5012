import { overlaps } from '../../time/intervals';
import type { ShiftInfo } from '../ledger';
import type { Flag } from './flag';
import { gapsIn } from './coverage-flags';
import {
  describeShift,
  iso,
  layerName,
  nameOf,
  overlapping,
  planDateTime,
  type AnalysisContext,
  type InvestorWeek,
} from './analysis-context';
import { describeMove, proposeMove } from './swap-search';

/** Members who own (primary or secondary) a pipeline that reports to investors, with those pipelines. */
export function investorOwners(ac: AnalysisContext): Map<string, string[]> {
  const investorPipelines = new Set(ac.plan.pipelines.filter((p) => p.reportsToInvestors).map((p) => p.id));
  const owners = new Map<string, string[]>();
  for (const o of ac.plan.ownership) {
    if (!investorPipelines.has(o.pipelineId)) continue;
    for (const id of [o.primaryMemberId, o.secondaryMemberId]) {
      if (id === null) continue;
      const list = owners.get(id) ?? [];
      if (!list.includes(o.pipelineId)) list.push(o.pipelineId);
      owners.set(id, list);
    }
  }
  return owners;
}

function pipelineName(ac: AnalysisContext, id: string): string {
  return ac.plan.pipelines.find((p) => p.id === id)?.name ?? id;
}

/**
 * investor-week: the plan's investor-report staffing rules, week by week. An error when a required layer has
 * nobody on call during the week (`requireBothLayers`); a warning when the primary owns no investor pipeline
 * (`requireInvestorOwnerAsPrimary`, fixed by a swap with an owner) and when an investor-pipeline owner has time
 * off that week (`forbidTimeOffForInvestorOwners`).
 */
export function investorWeekFlags(ac: AnalysisContext): Flag[] {
  const rules = ac.plan.coverage.investorWeek;
  const weeks = ac.investorWeeks;
  const owners = investorOwners(ac);
  const flags: Flag[] = [];
  const label = (w: InvestorWeek) => `investor week ${w.startDate} – ${w.endDate}`;
  const inInvestorWeek = (s: ShiftInfo) =>
    weeks.some((w) => overlaps(w.interval, { start: s.startMs, end: s.endMs }));
  if (rules.requireBothLayers && ac.plan.rotation.layers.length < 2 && weeks.length > 0) {
    const w = weeks[0]!;
    flags.push({
      kind: 'investor-week',
      severity: 'error',
      message: `The investor week needs a primary and a secondary on call, but the rotation has one layer`,
      start: iso(w.interval.start),
      end: iso(w.interval.end),
      fix: 'add a secondary layer to the rotation',
    });
  }
  for (const w of weeks) {
    const { start: a, end: b } = w.interval;
    if (rules.requireBothLayers) {
      ac.plan.rotation.layers.slice(0, 2).forEach((layer, li) => {
        for (const { start: s, end: e } of gapsIn(ac.byLayer[li]!, a, b)) {
          flags.push({
            kind: 'investor-week',
            severity: 'error',
            message: `The ${label(w)} has nobody on the ${layer.name} layer from ${planDateTime(ac, s)} to ${planDateTime(ac, e)}`,
            start: iso(s),
            end: iso(e),
            layerId: layer.id,
            fix: `assign a ${layer.name} shift for ${planDateTime(ac, s)} – ${planDateTime(ac, e)}`,
          });
        }
      });
    }
    if (rules.requireInvestorOwnerAsPrimary && owners.size > 0) {
      for (const s of overlapping(ac.byLayer[0] ?? [], a, b)) {
        if (owners.has(s.shift.memberId)) continue;
        const move = proposeMove(ac, s, {
          accept: (id) => owners.has(id),
          acceptPayback: (p) => p.layerIndex !== 0 || !inInvestorWeek(p),
        });
        flags.push({
          kind: 'investor-week',
          severity: 'warning',
          message: `${nameOf(ac, s.shift.memberId)} is ${layerName(ac, 0)} in the ${label(w)} but owns no investor pipeline`,
          start: iso(Math.max(a, s.startMs)),
          end: iso(Math.min(b, s.endMs)),
          memberId: s.shift.memberId,
          shiftId: s.shift.id,
          layerId: s.shift.layerId,
          fix: move
            ? describeMove(ac, move)
            : `no investor-pipeline owner is free to take ${describeShift(ac, s)}`,
          ...(move ? { action: move } : {}),
        });
      }
    }
    if (rules.forbidTimeOffForInvestorOwners) {
      for (const [memberId, pipelines] of owners) {
        const mc = ac.ctx.members.get(memberId);
        if (!mc) continue;
        for (const { interval, item } of mc.timeOffItems) {
          if (!overlaps(interval, w.interval)) continue;
          const coOwners = ac.plan.ownership
            .filter((o) => pipelines.includes(o.pipelineId))
            .flatMap((o) => [o.primaryMemberId, o.secondaryMemberId])
            .filter((id): id is string => id !== null && id !== memberId);
          const standIn = [...new Set(coOwners)].filter(
            (id) => !ac.ctx.members.get(id)?.timeOff.some((off) => overlaps(off, interval)),
          );
          flags.push({
            kind: 'investor-week',
            severity: 'warning',
            message: `${nameOf(ac, memberId)} owns ${pipelines.map((p) => pipelineName(ac, p)).join(' and ')} and is on ${item.kind} ${item.start} – ${item.end}, during the ${label(w)}`,
            start: iso(Math.max(a, interval.start)),
            end: iso(Math.min(b, interval.end)),
            memberId,
            pipelineId: pipelines[0],
            fix: `move the ${item.kind} outside ${w.startDate} – ${w.endDate}${standIn.length > 0 ? `, or brief ${standIn.map((id) => nameOf(ac, id)).join(' or ')} to stand in that week` : ''}`,
          });
        }
      }
    }
  }
  return flags;
}
