import { criticalityLabel } from '../document/format';
import type { Plan } from '../plan/schema';
import { toSafeCsv } from './csv-safe';

/** The ownership CSV's columns. */
export const OWNERSHIP_CSV_HEADER = [
  'pipeline_id',
  'pipeline',
  'criticality',
  'reports_to_investors',
  'primary_id',
  'primary',
  'secondary_id',
  'secondary',
  'stakeholder',
] as const;

/**
 * The ownership matrix as CSV, one row per pipeline in plan order: primary and secondary owner (id and name; empty
 * when the seat is not filled) and the business stakeholder. Why: the matrix travels into wikis and sheets that
 * list who answers for which data; every user text is neutralised against formula injection.
 */
export function exportOwnershipCsv(plan: Plan): string {
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const rows = plan.pipelines.map((p) => {
    const o = plan.ownership.find((x) => x.pipelineId === p.id);
    const primary = o?.primaryMemberId ?? '';
    const secondary = o?.secondaryMemberId ?? '';
    return [
      p.id,
      p.name,
      criticalityLabel(p.criticality),
      p.reportsToInvestors,
      primary,
      names.get(primary) ?? '',
      secondary,
      names.get(secondary) ?? '',
      o?.stakeholder ?? '',
    ];
  });
  return toSafeCsv(OWNERSHIP_CSV_HEADER, rows);
}
