import { assertNever } from '../../plan/edits';
import { investorWeeks } from '../../rotation/investor-weeks';
import type { Plan } from '../../plan/schema';
import { memberOrMissing, type DocContext } from '../doc-context';
import {
  item,
  joinInlines,
  missing,
  section,
  strong,
  text,
  type DocBlock,
  type DocInline,
  type DocListItem,
} from '../document-model';
import { dayAndDate, hoursText, weekdayName } from '../format';
import { coverageHours, epochMs, localDaysWindow } from '../on-call';

type InvestorWeek = Plan['coverage']['investorWeek'];

/** Hours on the primary layer in an investor week from which the "owns an investor pipeline" rule applies. */
const MIN_PRIMARY_HOURS = 24;

/** The investor-week rule in words. */
export function investorRuleText(rule: InvestorWeek['rule']): string {
  switch (rule.kind) {
    case 'last-days-of-month':
      return `The last ${rule.days} days of each month`;
    case 'last-full-week': {
      const end = ((rule.weekStartsOn + 5) % 7) + 1;
      return `The last full week of each month (${weekdayName(rule.weekStartsOn)} to ${weekdayName(end)})`;
    }
    default:
      return assertNever(rule);
  }
}

function requirementText(ctx: DocContext): string {
  const iw = ctx.plan.coverage.investorWeek;
  const investor = ctx.plan.pipelines.filter((p) => p.reportsToInvestors).map((p) => p.name);
  const parts: string[] = [];
  if (iw.requireBothLayers)
    parts.push(`every layer (${ctx.plan.rotation.layers.map((l) => l.name).join(', ')}) staffed`);
  if (iw.requireInvestorOwnerAsPrimary) {
    parts.push(
      investor.length > 0
        ? `the primary on call owns or co-owns an investor pipeline (${investor.join(', ')})`
        : 'the primary on call owns an investor pipeline (no pipeline reports to investors yet)',
    );
  }
  if (iw.forbidTimeOffForInvestorOwners) parts.push('owners of investor pipelines take no time off');
  return parts.length > 0 ? `${parts.join('; ')}.` : 'no extra staffing rule is set.';
}

function weekItem(ctx: DocContext, week: { start: string; end: string }): DocListItem {
  const { plan } = ctx;
  const iw = plan.coverage.investorWeek;
  const window = localDaysWindow(week.start, week.end, ctx.zone);
  const total = (epochMs(window.end) - epochMs(window.start)) / 3_600_000;
  const investorOwners = new Set(
    plan.ownership
      .filter((o) => plan.pipelines.some((p) => p.id === o.pipelineId && p.reportsToInvestors))
      .flatMap((o) => [o.primaryMemberId, o.secondaryMemberId])
      .filter((id): id is string => id !== null),
  );
  const issues: string[] = [];
  const layers: DocInline[][] = plan.rotation.layers.map((layer, index) => {
    const people = coverageHours(plan, layer.id, window.start, window.end);
    const covered = people.reduce((sum, p) => sum + p.hours, 0);
    if (iw.requireBothLayers && covered + 0.05 < total) {
      issues.push(
        `${layer.name} has nobody on call for ${hoursText(Math.round((total - covered) * 10) / 10)}`,
      );
    }
    if (index === 0 && iw.requireInvestorOwnerAsPrimary) {
      // The hours left over from a handoff morning are not "being primary for the week"; a day or more is.
      for (const p of people) {
        if (p.hours >= MIN_PRIMARY_HOURS && !investorOwners.has(p.memberId)) {
          const name = ctx.memberById.get(p.memberId)?.name ?? p.memberId;
          issues.push(`${name} is ${layer.name} for ${hoursText(p.hours)} but owns no investor pipeline`);
        }
      }
    }
    const names =
      people.length > 0
        ? joinInlines(
            people.map((p) => [...memberOrMissing(ctx, p.memberId), text(` (${hoursText(p.hours)})`)]),
            ', ',
            ', ',
          )
        : [missing('nobody on call')];
    return [text(`${layer.name} `), ...names];
  });
  if (iw.forbidTimeOffForInvestorOwners) {
    for (const id of investorOwners) {
      const member = ctx.memberById.get(id);
      for (const t of member?.timeOff ?? []) {
        if (t.start <= week.end && week.start <= t.end) {
          issues.push(`${member!.name}, an investor-pipeline owner, is away ${t.start} to ${t.end}`);
        }
      }
    }
  }
  const verdict: DocInline[] =
    issues.length > 0
      ? [text(' '), strong('Needs attention:'), text(` ${issues.join('; ')}.`)]
      : [text(' Meets the staffing requirement.')];
  return item(
    strong(`${dayAndDate(week.start)} – ${dayAndDate(week.end)}:`),
    text(' '),
    ...joinInlines(layers, '; ', '; '),
    text('.'),
    ...verdict,
  );
}

/**
 * "### Monthly Investor Report Period": the rule, the staffing requirement, and every investor week in the window
 * with who is on call in each layer (hours, from the plan's shifts) and what breaks the requirement.
 */
export function investorPeriodSection(ctx: DocContext): DocBlock {
  const iw = ctx.plan.coverage.investorWeek;
  const weeks = investorWeeks(iw.rule, ctx.from, ctx.to);
  const children: DocListItem[] = [
    item(strong('Staffing requirement:'), text(` ${requirementText(ctx)}`)),
    ...weeks.map((w) => weekItem(ctx, w)),
  ];
  if (weeks.length === 0)
    children.push(item(missing(`No investor week falls between ${ctx.from} and ${ctx.to}.`)));
  const description = iw.description.trim();
  return section(3, 'Monthly Investor Report Period', [
    {
      kind: 'list',
      ordered: false,
      items: [
        {
          content: [
            strong('Last Week of Month:'),
            text(` ${investorRuleText(iw.rule)}.`),
            ...(description !== ''
              ? [text(` ${description}`)]
              : [
                  text(' '),
                  missing('No plan for the investor week written yet — describe it in the coverage rules.'),
                ]),
          ],
          children: [{ kind: 'list', ordered: false, items: children }],
        },
      ],
    },
  ]);
}
