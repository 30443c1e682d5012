import type { Pipeline } from '../../plan/schema';
import { memberOrMissing, type DocContext } from '../doc-context';
import {
  bullets,
  code,
  item,
  missing,
  paragraph,
  section,
  strong,
  text,
  type DocBlock,
  type DocInline,
  type DocListItem,
} from '../document-model';
import { criticalityLabel, scheduleText } from '../format';

const orMissing = (value: string, empty: string): DocInline =>
  value.trim() !== '' ? text(value.trim()) : missing(empty);

function label(value: string): DocBlock {
  return { kind: 'label', text: value };
}

function listOrMissing(values: string[], empty: string): DocBlock {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  return filled.length > 0 ? bullets(filled.map((v) => item(text(v)))) : paragraph(missing(empty));
}

function detailsBlock(ctx: DocContext, p: Pipeline): DocBlock {
  const schedule = scheduleText(p.schedule);
  const row = ctx.plan.ownership.find((o) => o.pipelineId === p.id);
  const stakeholder = row?.stakeholder.trim() ?? '';
  const investor = p.reportsToInvestors ? ' — reports to investors' : '';
  const items: DocListItem[] = [
    item(text(`Name: ${p.name}`)),
    item(
      text('Schedule: '),
      p.schedule.kind === 'cron' ? code(schedule.expression) : text(schedule.expression),
      text(schedule.rest),
    ),
    item(text(`Critical Level: ${criticalityLabel(p.criticality)}${investor}`)),
    item(
      text('Owners: primary '),
      ...memberOrMissing(ctx, row?.primaryMemberId ?? null, 'not assigned yet'),
      text(', secondary '),
      ...memberOrMissing(ctx, row?.secondaryMemberId ?? null, 'not assigned yet'),
      text('; business stakeholder '),
      stakeholder !== '' ? text(stakeholder) : missing('not named yet'),
    ),
  ];
  return bullets(items);
}

function issuesBlock(p: Pipeline): DocBlock {
  if (p.commonIssues.length === 0) {
    return paragraph(missing('No common issues written yet — add them to this runbook in Pipelines.'));
  }
  return {
    kind: 'list',
    ordered: true,
    items: p.commonIssues.map((issue) => ({
      content: [strong(issue.name)],
      children: [
        bullets([
          item(text('Symptom: '), orMissing(issue.symptom, 'not described yet')),
          item(text('Action: '), orMissing(issue.action, 'not written yet')),
          item(text('Escalation: '), orMissing(issue.escalation, 'nobody named yet')),
        ]),
      ],
    })),
  };
}

/** "### <Name> Pipeline Runbook": every runbook field of the seed, filled from one pipeline. */
export function runbookSection(ctx: DocContext, p: Pipeline): DocBlock {
  const blocks: DocBlock[] = [];
  if (p.description.trim() !== '') blocks.push(paragraph(text(p.description.trim())));
  blocks.push(
    label('Pipeline Details:'),
    detailsBlock(ctx, p),
    label('Data Types:'),
    listOrMissing(p.dataTypes, 'No data types listed yet — add them to this runbook in Pipelines.'),
    label('Common Issues:'),
    issuesBlock(p),
    label('SLA Requirements:'),
    bullets([
      item(
        text('Data Freshness: '),
        orMissing(p.sla.dataFreshness, 'not set yet'),
        text(` (alert after ${p.sla.freshnessHours} h)`),
      ),
      item(
        text('Issue Resolution: '),
        orMissing(p.sla.issueResolution, 'not set yet'),
        text(` (target ${p.sla.resolutionHours} h)`),
      ),
    ]),
    label('Monitoring & Alerts:'),
    listOrMissing(
      p.monitoring,
      'No monitoring listed yet — add checks and alerts to this runbook in Pipelines.',
    ),
  );
  return section(3, `${p.name} Pipeline Runbook`, blocks, 'runbook');
}

/** "## 3. Pipeline Runbooks": one runbook per pipeline, separated by rules as in the seed. */
export function runbooksSection(ctx: DocContext): DocBlock {
  const { pipelines } = ctx.plan;
  if (pipelines.length === 0) {
    return section(2, '3. Pipeline Runbooks', [
      paragraph(missing('No pipelines yet — add them in Pipelines to write their runbooks.')),
    ]);
  }
  const blocks: DocBlock[] = [];
  pipelines.forEach((p, i) => {
    if (i > 0) blocks.push({ kind: 'rule' });
    blocks.push(runbookSection(ctx, p));
  });
  return section(2, '3. Pipeline Runbooks', blocks);
}
