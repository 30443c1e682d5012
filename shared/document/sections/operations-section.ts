import { metricCategorySchema } from '../../plan/schema';
import type { DocContext } from '../doc-context';
import {
  item,
  missing,
  paragraph,
  section,
  strong,
  text,
  type DocBlock,
  type DocListItem,
} from '../document-model';
import { metricCategoryLabel } from '../format';

function escalationSection(ctx: DocContext): DocBlock {
  const levels = ctx.plan.escalation.slice().sort((a, b) => a.level - b.level);
  if (levels.length === 0) {
    return section(3, 'Escalation Matrix', [
      paragraph(missing('No escalation levels yet — add them in Operations.')),
    ]);
  }
  const items = levels.map((l) => {
    const when = l.when.trim() !== '' ? ` Escalate when: ${l.when.trim()}.` : '';
    const response = l.responseTime.trim() !== '' ? ` Response time: ${l.responseTime.trim()}.` : '';
    return item(strong(`Level ${l.level}:`), text(` ${l.who.trim()}.${when}${response}`));
  });
  return section(3, 'Escalation Matrix', [{ kind: 'list', ordered: false, items }]);
}

function communicationSection(ctx: DocContext): DocBlock {
  const c = ctx.plan.communication;
  const rows: [string, string][] = [
    ['Daily', c.daily],
    ['Weekly', c.weekly],
    ['Monthly', c.monthly],
  ];
  const items = rows.map(([name, value]) =>
    item(
      strong(`${name}:`),
      text(' '),
      value.trim() !== ''
        ? text(value.trim())
        : missing(`No ${name.toLowerCase()} protocol yet — add it in Operations.`),
    ),
  );
  return section(3, 'Communication Protocols', [{ kind: 'list', ordered: false, items }]);
}

function metricsSection(ctx: DocContext): DocBlock {
  const items: DocListItem[] = metricCategorySchema.options.map((category) => {
    const name = metricCategoryLabel(category);
    const metrics = ctx.plan.successMetrics.filter((m) => m.category === category);
    const children: DocListItem[] =
      metrics.length > 0
        ? metrics.map((m) => {
            const target = m.target.trim() !== '' ? ` — target: ${m.target.trim()}` : '';
            const how = m.measurement.trim() !== '' ? `; measured by: ${m.measurement.trim()}` : '';
            return item(strong(m.kpi.trim()), text(`${target}${how}`));
          })
        : [item(missing(`No ${name.toLowerCase()} KPIs yet — add them in Operations.`))];
    return { content: [strong(`${name}:`)], children: [{ kind: 'list', ordered: false, items: children }] };
  });
  return section(3, 'Success Metrics', [{ kind: 'list', ordered: false, items }]);
}

/** "## 4. Operational Excellence": escalation matrix, communication protocols, success metrics by category. */
export function operationsSection(ctx: DocContext): DocBlock {
  return section(2, '4. Operational Excellence', [
    escalationSection(ctx),
    communicationSection(ctx),
    metricsSection(ctx),
  ]);
}
