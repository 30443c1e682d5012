import type { Criticality, Pipeline } from '../../plan/schema';
import { assertNever } from '../../plan/edits';
import { overlapsAny } from '../../time/intervals';
import type { Flag } from './flag';
import { iso, nameOf, type AnalysisContext } from './analysis-context';

/**
 * Ownership points a pipeline adds to its primary owner; a secondary owner carries half.
 * Why criticality-weighted: owning two critical investor pipelines is more load than owning four low ones, and
 * `limits.maxOwnershipLoad` is expressed in these points.
 */
export function ownershipPoints(criticality: Criticality): number {
  switch (criticality) {
    case 'critical':
      return 3;
    case 'high':
      return 2;
    case 'medium':
      return 1;
    case 'low':
      return 0.5;
    default:
      return assertNever(criticality);
  }
}

/** Ownership points per member id. */
export function ownershipLoads(ac: AnalysisContext): Map<string, number> {
  const loads = new Map<string, number>(ac.plan.members.map((m) => [m.id, 0]));
  for (const o of ac.plan.ownership) {
    const p = ac.plan.pipelines.find((x) => x.id === o.pipelineId);
    if (!p) continue;
    const points = ownershipPoints(p.criticality);
    if (o.primaryMemberId !== null)
      loads.set(o.primaryMemberId, (loads.get(o.primaryMemberId) ?? 0) + points);
    if (o.secondaryMemberId !== null && o.secondaryMemberId !== o.primaryMemberId) {
      loads.set(o.secondaryMemberId, (loads.get(o.secondaryMemberId) ?? 0) + points / 2);
    }
  }
  return loads;
}

function candidateOwner(
  ac: AnalysisContext,
  p: Pipeline,
  exclude: (string | null)[],
  loads: Map<string, number>,
): string | undefined {
  return ac.plan.members
    .filter((m) => !exclude.includes(m.id) && m.skills.includes(p.id))
    .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0))[0]?.id;
}

/**
 * ownership-missing (no row or no primary owner: an error for critical and high pipelines, else a warning; no
 * secondary owner: a warning) and ownership-duplicate (one person in both seats, or two rows for one pipeline: a
 * warning). Fixes name the member who knows the pipeline and owns least.
 */
export function ownershipFlags(ac: AnalysisContext): Flag[] {
  const flags: Flag[] = [];
  const loads = ownershipLoads(ac);
  const limit = ac.plan.coverage.limits.maxOwnershipLoad;
  const suggest = (p: Pipeline, exclude: (string | null)[], seat: string) => {
    const id = candidateOwner(ac, p, exclude, loads);
    return id
      ? `make ${nameOf(ac, id)} ${seat} owner (knows ${p.name}, owns ${loads.get(id) ?? 0} of ${limit} points)`
      : `nobody else knows ${p.name}: train someone and make them ${seat} owner`;
  };
  for (const p of ac.plan.pipelines) {
    const rows = ac.plan.ownership.filter((o) => o.pipelineId === p.id);
    const serious = p.criticality === 'critical' || p.criticality === 'high';
    if (rows.length > 1) {
      flags.push({
        kind: 'ownership-duplicate',
        severity: 'warning',
        message: `${p.name} has ${rows.length} ownership rows; only the first counts`,
        pipelineId: p.id,
        fix: 'merge them into one row',
      });
    }
    const row = rows[0];
    if (!row || row.primaryMemberId === null) {
      flags.push({
        kind: 'ownership-missing',
        severity: serious ? 'error' : 'warning',
        message: `${p.name} (${p.criticality}) has no primary owner`,
        pipelineId: p.id,
        fix: suggest(p, [row?.secondaryMemberId ?? null], 'primary'),
      });
    }
    if (row && row.secondaryMemberId === null) {
      flags.push({
        kind: 'ownership-missing',
        severity: 'warning',
        message: `${p.name} (${p.criticality}) has no secondary owner to back up ${row.primaryMemberId ? nameOf(ac, row.primaryMemberId) : 'anyone'}`,
        pipelineId: p.id,
        fix: suggest(p, [row.primaryMemberId], 'secondary'),
      });
    }
    if (row && row.primaryMemberId !== null && row.primaryMemberId === row.secondaryMemberId) {
      flags.push({
        kind: 'ownership-duplicate',
        severity: 'warning',
        message: `${nameOf(ac, row.primaryMemberId)} is both primary and secondary owner of ${p.name}: nobody backs them up`,
        pipelineId: p.id,
        memberId: row.primaryMemberId,
        fix: suggest(p, [row.primaryMemberId], 'secondary'),
      });
    }
  }
  for (const m of ac.plan.members) {
    const load = loads.get(m.id) ?? 0;
    if (load <= limit) continue;
    const held = ac.plan.ownership.filter((o) => o.secondaryMemberId === m.id || o.primaryMemberId === m.id);
    let fix = 'hand one of their pipelines to a colleague who knows it';
    for (const o of held) {
      const p = ac.plan.pipelines.find((x) => x.id === o.pipelineId);
      if (!p) continue;
      const seat = o.secondaryMemberId === m.id ? 'secondary' : 'primary';
      const to = candidateOwner(ac, p, [o.primaryMemberId, o.secondaryMemberId], loads);
      if (!to) continue;
      const points = ownershipPoints(p.criticality) / (seat === 'secondary' ? 2 : 1);
      fix = `hand the ${seat} ownership of ${p.name} to ${nameOf(ac, to)}: ${nameOf(ac, m.id)} ${load} → ${load - points}, ${nameOf(ac, to)} ${loads.get(to) ?? 0} → ${(loads.get(to) ?? 0) + points} points`;
      break;
    }
    flags.push({
      kind: 'ownership-overload',
      severity: 'warning',
      message: `${nameOf(ac, m.id)} owns ${load} criticality points of pipelines (critical 3, high 2, medium 1, low 0.5; secondary half), above the limit of ${limit}`,
      memberId: m.id,
      fix,
    });
  }
  return flags;
}

/**
 * owners-unavailable (warning): both owners of a pipeline are on time off at the same time inside the window, so
 * nobody who owns it can be reached. The fix names a colleague who knows the pipeline and is around.
 */
export function ownersUnavailableFlags(ac: AnalysisContext): Flag[] {
  const { window } = ac.ledger;
  const flags: Flag[] = [];
  for (const o of ac.plan.ownership) {
    const p = ac.plan.pipelines.find((x) => x.id === o.pipelineId);
    if (!p || o.primaryMemberId === null || o.secondaryMemberId === null) continue;
    if (o.primaryMemberId === o.secondaryMemberId) continue;
    const a = ac.ctx.members.get(o.primaryMemberId);
    const b = ac.ctx.members.get(o.secondaryMemberId);
    if (!a || !b) continue;
    for (const x of a.timeOffItems) {
      for (const y of b.timeOffItems) {
        const start = Math.max(x.interval.start, y.interval.start, window.startMs);
        const end = Math.min(x.interval.end, y.interval.end, window.endMs);
        if (end <= start) continue;
        const standIn = ac.plan.members.find(
          (m) =>
            m.id !== a.member.id &&
            m.id !== b.member.id &&
            m.skills.includes(p.id) &&
            !overlapsAny(ac.ctx.members.get(m.id)!.timeOff, start, end),
        );
        const from = x.item.start > y.item.start ? x.item.start : y.item.start;
        const to = x.item.end < y.item.end ? x.item.end : y.item.end;
        flags.push({
          kind: 'owners-unavailable',
          severity: 'warning',
          message: `Both owners of ${p.name}, ${nameOf(ac, a.member.id)} and ${nameOf(ac, b.member.id)}, are away ${from} – ${to}`,
          start: iso(start),
          end: iso(end),
          pipelineId: p.id,
          fix: standIn
            ? `name ${nameOf(ac, standIn.id)} (knows ${p.name}) stand-in owner for ${from} – ${to}, or move one of the absences`
            : `move one of the absences: nobody else knows ${p.name}`,
        });
      }
    }
  }
  return flags;
}
