import type { ShiftInfo } from '../ledger';
import { overlaps } from '../../time/intervals';
import type { Flag } from './flag';
import { describeShift, iso, layerName, nameOf, overlapping, type AnalysisContext } from './analysis-context';
import { describeMove, proposeMove } from './swap-search';

/**
 * unqualified-on-call: the primary on call lacks the skill for a pipeline they must be able to handle — every
 * critical pipeline at all times, and in an investor week every pipeline that reports to investors too.
 * A warning when someone on a later layer at the same time knows the missing pipelines (escalation works), an
 * error when nobody on call does. The fix swaps the shift with a free member who knows them all, who takes one of
 * the member's later-layer shifts in return so the problem does not move elsewhere.
 */
export function unqualifiedFlags(ac: AnalysisContext): Flag[] {
  const critical = ac.plan.pipelines.filter((p) => p.criticality === 'critical').map((p) => p.id);
  const investor = ac.plan.pipelines.filter((p) => p.reportsToInvestors).map((p) => p.id);
  if (critical.length === 0 && investor.length === 0) return [];
  const weeks = ac.investorWeeks;
  const skills = (id: string) => ac.ctx.members.get(id)?.skills ?? new Set<string>();
  const name = (id: string) => ac.plan.pipelines.find((p) => p.id === id)?.name ?? id;
  const flags: Flag[] = [];
  const requiredFor = (s: ShiftInfo) => {
    const inWeek = weeks.some((w) => overlaps(w.interval, { start: s.startMs, end: s.endMs }));
    return [...new Set([...critical, ...(inWeek ? investor : [])])];
  };
  for (const s of ac.byLayer[0] ?? []) {
    const required = requiredFor(s);
    const own = skills(s.shift.memberId);
    const missing = required.filter((p) => !own.has(p));
    if (missing.length === 0) continue;
    const backups = ac.byLayer.slice(1).flatMap((list) => overlapping(list, s.startMs, s.endMs));
    const coveredBy = backups.filter((b) => missing.every((p) => skills(b.shift.memberId).has(p)));
    const move = proposeMove(ac, s, {
      accept: (id) => required.every((p) => skills(id).has(p)),
      acceptPayback: (p) => p.layerIndex !== 0,
      anyLayer: true,
    });
    const knowers = ac.plan.members
      .filter((m) => missing.every((p) => m.skills.includes(p)))
      .map((m) => nameOf(ac, m.id));
    const train = `train ${nameOf(ac, s.shift.memberId)} on ${missing.map(name).join(' and ')}${knowers.length > 0 ? ` (${knowers.join(', ')} know${knowers.length === 1 ? 's' : ''} ${missing.length === 1 ? 'it' : 'them'})` : ''}`;
    const backupText =
      coveredBy.length > 0
        ? `; ${layerName(ac, coveredBy[0]!.layerIndex)} ${nameOf(ac, coveredBy[0]!.shift.memberId)} knows ${missing.length === 1 ? 'it' : 'them'}`
        : `; nobody else on call knows ${missing.length === 1 ? 'it' : 'them'} either`;
    flags.push({
      kind: 'unqualified-on-call',
      severity: coveredBy.length > 0 ? 'warning' : 'error',
      message: `${nameOf(ac, s.shift.memberId)} is primary for ${describeShift(ac, s)} without the skill for ${missing.map(name).join(' and ')}${backupText}`,
      start: iso(s.clipStartMs),
      end: iso(s.clipEndMs),
      memberId: s.shift.memberId,
      pipelineId: missing[0],
      shiftId: s.shift.id,
      layerId: s.shift.layerId,
      fix: move
        ? `${describeMove(ac, move)}; for good, ${train}`
        : `nobody who knows them is free that week: ${train}`,
      ...(move ? { action: move } : {}),
    });
  }
  return flags;
}
