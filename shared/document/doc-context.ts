import type { Member, Plan } from '../plan/schema';
import { HolidayCalendar } from '../time/holiday-calendar';
import { memberInline, missing, type DocInline } from './document-model';

/** What every section builder needs: the plan, the window it covers (plan-zone dates, inclusive) and lookups. */
export type DocContext = {
  plan: Plan;
  from: string;
  to: string;
  zone: string;
  memberById: Map<string, Member>;
  holidays: HolidayCalendar;
};

/**
 * Options of the plan document: when it was generated (ISO instant), an optional window (ISO dates) and the
 * caller's holiday calendar (a fresh one when absent).
 */
export type DocumentOptions = { generatedAt: string; from?: string; to?: string; holidays?: HolidayCalendar };

/**
 * The context for one document. Without `from`/`to` the document covers the rotation's own horizon
 * (the CLI contract (docs/architecture.md): a command covers the plan's horizon unless told otherwise).
 */
export function docContext(plan: Plan, options: DocumentOptions): DocContext {
  return {
    plan,
    from: options.from ?? plan.rotation.startDate,
    to: options.to ?? plan.rotation.endDate,
    zone: plan.rotation.timeZone,
    memberById: new Map(plan.members.map((m) => [m.id, m])),
    holidays: options.holidays ?? new HolidayCalendar(),
  };
}

/** A member as an inline chip, or a plain note when the seat is empty. */
export function memberOrMissing(ctx: DocContext, id: string | null, empty = 'not assigned yet'): DocInline[] {
  const member = id === null ? undefined : ctx.memberById.get(id);
  return member ? [memberInline(member)] : [missing(empty)];
}

/** A pipeline's name by id (the id itself if it is unknown, which validation prevents). */
export function pipelineName(ctx: DocContext, id: string): string {
  return ctx.plan.pipelines.find((p) => p.id === id)?.name ?? id;
}
