import type { Plan } from '../plan/schema';
import { localDate } from '../time/zoned';
import { docContext, type DocumentOptions } from './doc-context';
import { joinInlines, memberInline, missing, text, type PlanDocument } from './document-model';
import { onCallScheduleSection } from './sections/on-call-schedule-section';
import { operationsSection } from './sections/operations-section';
import { ownershipSection } from './sections/ownership-section';
import { runbooksSection } from './sections/runbooks-section';

/**
 * The filled plan document as a structured model: a short header (plan name, organisation, generated date, period,
 * team) and the seed template's sections in the seed's order — ownership matrix, on-call schedule, a runbook per
 * pipeline, operational excellence. Why a model: Markdown and HTML render the same tree, so they never drift apart,
 * and an empty part says plainly what is missing instead of leaving a placeholder.
 */
export function buildPlanDocument(plan: Plan, options: DocumentOptions): PlanDocument {
  const ctx = docContext(plan, options);
  const organisation = plan.meta.organisation.trim();
  const description = plan.meta.description.trim();
  return {
    title: plan.meta.name,
    facts: [
      {
        label: 'Organisation',
        value: [
          organisation !== '' ? text(organisation) : missing('not named yet — add it in the plan settings'),
        ],
      },
      { label: 'Generated', value: [text(`${localDate(options.generatedAt, ctx.zone)} (${ctx.zone})`)] },
      { label: 'Period', value: [text(`${ctx.from} to ${ctx.to}`)] },
      {
        label: 'Team',
        value:
          plan.members.length > 0
            ? joinInlines(
                plan.members.map((m) => [memberInline(m), text(m.role.trim() ? ` (${m.role.trim()})` : '')]),
                '; ',
                '; ',
              )
            : [missing('no team members yet — add them in Team')],
      },
    ],
    intro: description !== '' ? [text(description)] : [],
    blocks: [ownershipSection(ctx), onCallScheduleSection(ctx), runbooksSection(ctx), operationsSection(ctx)],
  };
}
