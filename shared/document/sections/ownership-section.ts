import { validateOwnership } from '../../ownership/validate-ownership';
import { PRIMARY_OWNERSHIP_POINTS, SECONDARY_OWNERSHIP_FACTOR } from '../../ownership/ownership-load';
import { memberOrMissing, pipelineName, type DocContext } from '../doc-context';
import {
  bullets,
  item,
  memberInline,
  missing,
  paragraph,
  section,
  strong,
  text,
  type DocBlock,
  type DocInline,
} from '../document-model';

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function loadBlocks(ctx: DocContext): DocBlock[] {
  const report = validateOwnership(ctx.plan);
  const w = PRIMARY_OWNERSHIP_POINTS;
  const loads = report.summary.loads.map((load) => {
    const member = ctx.memberById.get(load.memberId)!;
    const owned = [
      ...load.primary.map((id) => `${pipelineName(ctx, id)} (primary)`),
      ...load.secondary.map((id) => `${pipelineName(ctx, id)} (secondary)`),
    ];
    const over = load.over ? ' — above the limit' : '';
    return item(
      memberInline(member),
      text(`: ${points(load.load)} points${over}`),
      ...(owned.length > 0 ? [text(` — ${owned.join(', ')}`)] : [text(' — owns no pipeline')]),
    );
  });
  const checks = report.findings.map((f) => item(text(f.message)));
  return [
    paragraph(
      strong('Ownership load:'),
      text(
        ` criticality-weighted points per member (primary owner: critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}; secondary owner: ${SECONDARY_OWNERSHIP_FACTOR * 100} % of that); limit ${points(ctx.plan.coverage.limits.maxOwnershipLoad)} per member.`,
      ),
    ),
    ...(loads.length > 0
      ? [bullets(loads)]
      : [paragraph(missing('No team members yet — add them in Team.'))]),
    paragraph(strong('Ownership checks:')),
    checks.length > 0 ? bullets(checks) : paragraph(text(report.summary.message)),
  ];
}

/** "## 1. Pipeline Ownership Matrix": the matrix with member names and stakeholders, loads and checks. */
export function ownershipSection(ctx: DocContext): DocBlock {
  const { plan } = ctx;
  if (plan.pipelines.length === 0) {
    return section(2, '1. Pipeline Ownership Matrix', [
      paragraph(missing('No pipelines yet — add them in Pipelines, then pick their owners in Ownership.')),
    ]);
  }
  const rows: DocInline[][][] = plan.pipelines.map((p) => {
    const row = plan.ownership.find((o) => o.pipelineId === p.id);
    const stakeholder = row?.stakeholder.trim() ?? '';
    return [
      [text(p.name)],
      memberOrMissing(ctx, row?.primaryMemberId ?? null, 'No primary owner yet'),
      memberOrMissing(ctx, row?.secondaryMemberId ?? null, 'No secondary owner yet'),
      stakeholder !== '' ? [text(stakeholder)] : [missing('No stakeholder named yet')],
    ];
  });
  return section(2, '1. Pipeline Ownership Matrix', [
    {
      kind: 'table',
      columns: ['Pipeline', 'Primary Owner', 'Secondary Owner', 'Business Stakeholder'],
      rows,
    },
    ...loadBlocks(ctx),
  ]);
}
