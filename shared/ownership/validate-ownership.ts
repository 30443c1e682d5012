import type { Member, Pipeline, Plan } from '../plan/schema';
import type {
  OwnershipColumn,
  OwnershipFinding,
  OwnershipFindingKind,
  OwnershipSeverity,
} from './ownership-findings';
import { ownershipLoads, type MemberOwnershipLoad } from './ownership-load';
import { bothAway } from './owners-away';
import { peopleWhoKnow } from './pipeline-knowledge';

/** Counts and loads for the summary beside the matrix. */
export type OwnershipSummary = {
  counts: Record<OwnershipSeverity, number>;
  byKind: Record<OwnershipFindingKind, number>;
  /** Per member, in team order, for the load bars. */
  loads: MemberOwnershipLoad[];
  /** Pipelines (ids) without a primary owner: the one thing the matrix must never show for long. */
  withoutPrimary: string[];
  /** One sentence for the top of the view. */
  message: string;
};

/** Findings per cell plus the summary. */
export type OwnershipReport = { findings: OwnershipFinding[]; summary: OwnershipSummary };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function missingFindings(pipeline: Pipeline, row: Plan['ownership'][number] | undefined): OwnershipFinding[] {
  const out: OwnershipFinding[] = [];
  const base = { kind: 'ownership-missing' as const, pipelineId: pipeline.id };
  if (!row?.primaryMemberId) {
    out.push({
      ...base,
      severity: 'error',
      column: 'primary',
      message: `${pipeline.name} has no primary owner`,
    });
  }
  if (!row?.secondaryMemberId) {
    out.push({
      ...base,
      severity: 'warning',
      column: 'secondary',
      message: `${pipeline.name} has no secondary owner to back up the primary`,
    });
  }
  if (!row || row.stakeholder.trim() === '') {
    out.push({
      ...base,
      severity: 'info',
      column: 'stakeholder',
      message: `${pipeline.name} has no business stakeholder named`,
    });
  }
  return out;
}

function overloadFindings(plan: Plan, loads: MemberOwnershipLoad[]): OwnershipFinding[] {
  const out: OwnershipFinding[] = [];
  const name = (id: string) => plan.pipelines.find((p) => p.id === id)?.name ?? id;
  for (const load of loads.filter((l) => l.over)) {
    const owned = [
      ...load.primary.map((id) => `${name(id)} (primary)`),
      ...load.secondary.map((id) => `${name(id)} (secondary)`),
    ];
    const message = `${load.name} carries ${fmt(load.load)} ownership points, above the limit of ${fmt(load.limit)}: ${owned.join(', ')}`;
    const cells: [string, OwnershipColumn][] = [
      ...load.primary.map((id): [string, OwnershipColumn] => [id, 'primary']),
      ...load.secondary.map((id): [string, OwnershipColumn] => [id, 'secondary']),
    ];
    for (const [pipelineId, column] of cells) {
      out.push({
        kind: 'ownership-overload',
        severity: 'warning',
        pipelineId,
        column,
        memberId: load.memberId,
        message,
      });
    }
  }
  return out;
}

function awayFindings(pipeline: Pipeline, primary: Member, secondary: Member): OwnershipFinding[] {
  // Both owners of a critical or investor pipeline away at once is an error; elsewhere a warning.
  const severity: OwnershipSeverity =
    pipeline.criticality === 'critical' || pipeline.reportsToInvestors ? 'error' : 'warning';
  return bothAway(primary, secondary).map((range) => ({
    kind: 'owners-unavailable',
    severity,
    pipelineId: pipeline.id,
    column: 'pipeline',
    start: range.start,
    end: range.end,
    message:
      range.start === range.end
        ? `Both owners of ${pipeline.name} (${primary.name} and ${secondary.name}) are away on ${range.start}`
        : `Both owners of ${pipeline.name} (${primary.name} and ${secondary.name}) are away from ${range.start} to ${range.end}`,
  }));
}

function busFactorFinding(plan: Plan, pipeline: Pipeline): OwnershipFinding | null {
  const people = peopleWhoKnow(plan, pipeline.id);
  if (people.length >= 2) return null;
  const base = { kind: 'bus-factor' as const, pipelineId: pipeline.id, column: 'pipeline' as const };
  if (people.length === 0) {
    return {
      ...base,
      severity: 'error',
      message: `Nobody on the team knows ${pipeline.name} (no skills, no owners)`,
    };
  }
  const only = plan.members.find((m) => m.id === people[0])!;
  return {
    ...base,
    severity: 'warning',
    memberId: only.id,
    message: `Only ${only.name} knows ${pipeline.name}: teach a second person (bus factor 1)`,
  };
}

function summarise(plan: Plan, findings: OwnershipFinding[], loads: MemberOwnershipLoad[]): OwnershipSummary {
  const counts: Record<OwnershipSeverity, number> = { error: 0, warning: 0, info: 0 };
  const byKind: Record<OwnershipFindingKind, number> = {
    'ownership-missing': 0,
    'ownership-duplicate': 0,
    'ownership-overload': 0,
    'owners-unavailable': 0,
    'bus-factor': 0,
  };
  for (const f of findings) {
    counts[f.severity]++;
    byKind[f.kind]++;
  }
  const withoutPrimary = plan.pipelines
    .filter((p) => !plan.ownership.find((o) => o.pipelineId === p.id)?.primaryMemberId)
    .map((p) => p.id);
  const message =
    findings.length === 0
      ? `Every pipeline has two distinct owners, a stakeholder and at least two people who know it; nobody is above the ownership limit of ${fmt(plan.coverage.limits.maxOwnershipLoad)}.`
      : `${plural(counts.error, 'error', 'errors')}, ${plural(counts.warning, 'warning', 'warnings')} and ${plural(counts.info, 'note', 'notes')} in the ownership matrix.`;
  return { counts, byKind, loads, withoutPrimary, message };
}

/**
 * Checks the ownership matrix: a missing owner or stakeholder; primary = secondary; a member above the
 * criticality-weighted ownership limit (see `ownership-load.ts`); both owners away at once (time off, with the
 * dates); a pipeline at most one person knows (skills + owners). Why per cell: the Ownership view shows each finding
 * in the cell it is about and the summary above the grid.
 */
export function validateOwnership(plan: Plan): OwnershipReport {
  const findings: OwnershipFinding[] = [];
  const memberById = new Map(plan.members.map((m) => [m.id, m]));
  for (const pipeline of plan.pipelines) {
    const row = plan.ownership.find((o) => o.pipelineId === pipeline.id);
    findings.push(...missingFindings(pipeline, row));
    const primary = row?.primaryMemberId ? memberById.get(row.primaryMemberId) : undefined;
    const secondary = row?.secondaryMemberId ? memberById.get(row.secondaryMemberId) : undefined;
    if (primary && secondary && primary.id === secondary.id) {
      findings.push({
        kind: 'ownership-duplicate',
        severity: 'warning',
        pipelineId: pipeline.id,
        column: 'secondary',
        memberId: primary.id,
        message: `${primary.name} is both primary and secondary owner of ${pipeline.name}: nobody backs them up`,
      });
    } else if (primary && secondary) {
      findings.push(...awayFindings(pipeline, primary, secondary));
    }
    const bus = busFactorFinding(plan, pipeline);
    if (bus) findings.push(bus);
  }
  const loads = ownershipLoads(plan);
  findings.push(...overloadFindings(plan, loads));
  return { findings, summary: summarise(plan, findings, loads) };
}

/** The findings shown in one matrix cell. */
export function findingsForCell(
  report: OwnershipReport,
  pipelineId: string,
  column: OwnershipColumn,
): OwnershipFinding[] {
  return report.findings.filter((f) => f.pipelineId === pipelineId && f.column === column);
}
