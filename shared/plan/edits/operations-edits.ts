import type { EscalationLevel, Plan, SuccessMetric } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';
import { moveItem, type MoveTarget } from './pipeline-edits';

/** An escalation level as the user writes it; its number comes from its position. */
export type EscalationFields = Omit<EscalationLevel, 'level'>;

/** The daily, weekly and monthly communication protocols. */
export type CommunicationFields = Plan['communication'];

/** Edits of the Operations view: escalation matrix, communication protocols and success metrics. */
export type OperationsEdit =
  | { kind: 'operations:addEscalation'; level: EscalationFields; index?: number }
  | { kind: 'operations:updateEscalation'; level: number; fields: Partial<EscalationFields> }
  | { kind: 'operations:removeEscalation'; level: number }
  | { kind: 'operations:moveEscalation'; level: number; to: MoveTarget }
  | { kind: 'operations:setCommunication'; fields: Partial<CommunicationFields> }
  | { kind: 'operations:addMetric'; metric: SuccessMetric }
  | { kind: 'operations:updateMetric'; metricId: string; fields: Partial<Omit<SuccessMetric, 'id'>> }
  | { kind: 'operations:removeMetric'; metricId: string }
  | { kind: 'operations:moveMetric'; metricId: string; to: MoveTarget };

/** The most escalation levels a plan holds (the schema's limit). */
export const MAX_ESCALATION_LEVELS = 10;

/**
 * Levels in their order, numbered 1..n.
 * Why renumber on every edit: the matrix is read as "Level 1, Level 2, …"; a gap after a removal would read as a
 * missing level.
 */
function renumber(levels: readonly EscalationFields[]): EscalationLevel[] {
  return levels.map((l, i) => ({ ...l, level: i + 1 }));
}

function sortedLevels(plan: Plan): EscalationLevel[] {
  return plan.escalation.slice().sort((a, b) => a.level - b.level);
}

function levelIndex(plan: Plan, level: number): number {
  return sortedLevels(plan).findIndex((l) => l.level === level);
}

function escalationProblem(fields: Partial<EscalationFields>): string | null {
  if (fields.who !== undefined && fields.who.trim() === '') return 'an escalation level needs who to contact';
  return null;
}

function metricProblem(fields: Partial<Omit<SuccessMetric, 'id'>>): string | null {
  if (fields.kpi !== undefined && fields.kpi.trim() === '') return 'a success metric needs a KPI';
  return null;
}

/** Applies an Operations edit (unvalidated; `applyEdit` validates the result). */
export function applyOperationsEdit(plan: Plan, edit: OperationsEdit): EditOutcome {
  switch (edit.kind) {
    case 'operations:addEscalation': {
      const levels = sortedLevels(plan);
      if (levels.length >= MAX_ESCALATION_LEVELS) {
        return refuse(
          `the escalation matrix already has ${MAX_ESCALATION_LEVELS} levels, the most it can hold`,
        );
      }
      const problem = escalationProblem(edit.level);
      if (problem) return refuse(problem);
      const at = edit.index ?? levels.length;
      if (at < 0 || at > levels.length)
        return refuse(`cannot insert an escalation level at position ${at + 1}`);
      const { who, when, responseTime } = edit.level;
      return {
        ...plan,
        escalation: renumber([...levels.slice(0, at), { who, when, responseTime }, ...levels.slice(at)]),
      };
    }
    case 'operations:updateEscalation': {
      const at = levelIndex(plan, edit.level);
      if (at < 0) return refuse(`the escalation matrix has no level ${edit.level}`);
      const problem = escalationProblem(edit.fields);
      if (problem) return refuse(problem);
      const levels = sortedLevels(plan);
      levels[at] = { ...levels[at]!, ...edit.fields };
      return { ...plan, escalation: renumber(levels) };
    }
    case 'operations:removeEscalation': {
      const at = levelIndex(plan, edit.level);
      if (at < 0) return refuse(`the escalation matrix has no level ${edit.level}`);
      return { ...plan, escalation: renumber(sortedLevels(plan).filter((_, i) => i !== at)) };
    }
    case 'operations:moveEscalation': {
      const at = levelIndex(plan, edit.level);
      if (at < 0) return refuse(`the escalation matrix has no level ${edit.level}`);
      const moved = moveItem(sortedLevels(plan), at, edit.to, `level ${edit.level}`);
      return moved.ok ? { ...plan, escalation: renumber(moved.items) } : refuse(moved.reason);
    }
    case 'operations:setCommunication':
      return { ...plan, communication: { ...plan.communication, ...edit.fields } };
    case 'operations:addMetric': {
      if (plan.successMetrics.some((m) => m.id === edit.metric.id)) {
        return refuse(`a success metric with id "${edit.metric.id}" already exists`);
      }
      const problem = metricProblem(edit.metric);
      if (problem) return refuse(problem);
      return { ...plan, successMetrics: [...plan.successMetrics, edit.metric] };
    }
    case 'operations:updateMetric': {
      const at = plan.successMetrics.findIndex((m) => m.id === edit.metricId);
      if (at < 0) return refuse(`no success metric has id "${edit.metricId}"`);
      const problem = metricProblem(edit.fields);
      if (problem) return refuse(problem);
      const successMetrics = plan.successMetrics.slice();
      successMetrics[at] = { ...successMetrics[at]!, ...edit.fields, id: edit.metricId };
      return { ...plan, successMetrics };
    }
    case 'operations:removeMetric':
      if (!plan.successMetrics.some((m) => m.id === edit.metricId)) {
        return refuse(`no success metric has id "${edit.metricId}"`);
      }
      return { ...plan, successMetrics: plan.successMetrics.filter((m) => m.id !== edit.metricId) };
    case 'operations:moveMetric': {
      const at = plan.successMetrics.findIndex((m) => m.id === edit.metricId);
      if (at < 0) return refuse(`no success metric has id "${edit.metricId}"`);
      const moved = moveItem(
        plan.successMetrics,
        at,
        edit.to,
        `the metric "${plan.successMetrics[at]!.kpi}"`,
      );
      return moved.ok ? { ...plan, successMetrics: moved.items } : refuse(moved.reason);
    }
  }
}
