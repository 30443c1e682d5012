import type { Plan } from '../plan/schema';
import { ZoneClock } from '../time/zone-clock';
import { spanLabel } from './plan-diff';

/**
 * A plan as readable lines, one fact a line: members, pipelines and their common issues, ownership cells, rotation
 * settings and every shift by week ("Jan 18–25 Primary: Priya Raman").
 * Why: git's textconv for plan files. `git log -p` does not run external diff commands, but it does diff these
 * lines, so a plan's history reads as changes to people, owners and shifts, not to JSON. `clock`: the caller's
 * zone clock (a fresh one by default) names the local day and time of every shift.
 */
export function planAsText(plan: Plan, clock = new ZoneClock()): string {
  const name = (id: string | null) =>
    id === null ? '(nobody)' : (plan.members.find((m) => m.id === id)?.name ?? id);
  const lines: string[] = [`Plan "${plan.meta.name}" (${plan.meta.organisation})`, '', 'Members'];
  for (const m of plan.members) {
    lines.push(
      `  ${m.name} (${m.id}) <${m.email}> ${m.role}, ${m.seniority}, ${m.timeZone}, skills: ${m.skills.join(' ')}`,
    );
    for (const t of m.timeOff)
      lines.push(`    away ${t.start}–${t.end} ${t.kind}${t.note ? `: ${t.note}` : ''}`);
  }
  lines.push('', 'Pipelines');
  for (const p of plan.pipelines) {
    lines.push(`  ${p.name} (${p.id}) ${p.criticality}, ${p.schedule.kind} "${p.schedule.expression}"`);
    for (const c of p.commonIssues) lines.push(`    issue ${c.name} (${c.id}): ${c.symptom}`);
  }
  lines.push('', 'Ownership');
  for (const o of plan.ownership) {
    const pipeline = plan.pipelines.find((p) => p.id === o.pipelineId)?.name ?? o.pipelineId;
    lines.push(`  ${pipeline}: primary ${name(o.primaryMemberId)}, secondary ${name(o.secondaryMemberId)}`);
  }
  const r = plan.rotation;
  lines.push('', 'Rotation');
  lines.push(
    `  ${r.shiftLengthDays}-day shifts, handoff weekday ${r.handoff.weekday} ${r.handoff.time} ${r.timeZone}`,
  );
  lines.push(`  ${r.startDate} to ${r.endDate}`);
  for (const l of r.layers) lines.push(`  ${l.name} (${l.id}): ${l.memberOrder.map(name).join(', ')}`);
  lines.push('', 'Shifts');
  const layerName = (id: string) => r.layers.find((l) => l.id === id)?.name ?? id;
  let year = '';
  for (const s of [...plan.shifts].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
    const y = clock.localDate(s.start, r.timeZone).slice(0, 4);
    if (y !== year) lines.push(`  ${(year = y)}`);
    const at = clock.localDateTime(s.start, r.timeZone).slice(11, 16);
    const extra = `${s.source === 'generated' ? '' : ` (${s.source})`}${s.pinned ? ' pinned' : ''}${s.note ? `: ${s.note}` : ''}`;
    lines.push(
      `    ${spanLabel(plan, s.start, s.end, clock)} ${at} ${layerName(s.layerId)}: ${name(s.memberId)}${extra}`,
    );
  }
  if ((plan.mergeConflicts ?? []).length > 0) {
    lines.push('', 'Merge conflicts');
    for (const c of plan.mergeConflicts!) lines.push(`  ${c.path}: ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}
