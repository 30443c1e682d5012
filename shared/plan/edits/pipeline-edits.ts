import type { CommonIssue, Pipeline, Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/**
 * Where a list item moves: one step up, one step down, or to a 0-based index.
 * Why one shape: common issues, escalation levels and list fields reorder the same way in every editor.
 */
export type MoveTarget = 'up' | 'down' | number;

/**
 * Moves the item at `from` to `to`, or explains why it cannot (already first or last, index out of range).
 * Why a sentence instead of a silent no-op: a reorder button that does nothing should say so.
 */
export function moveItem<T>(
  items: readonly T[],
  from: number,
  to: MoveTarget,
  what: string,
): { ok: true; items: T[] } | { ok: false; reason: string } {
  if (from < 0 || from >= items.length) return { ok: false, reason: `no ${what} at position ${from + 1}` };
  const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : to;
  if (!Number.isInteger(target) || target < 0 || target >= items.length) {
    if (to === 'up') return { ok: false, reason: `${what} is already first` };
    if (to === 'down') return { ok: false, reason: `${what} is already last` };
    return {
      ok: false,
      reason: `cannot move ${what} to position ${String(to)}: the list has ${items.length}`,
    };
  }
  const next = items.slice();
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return { ok: true, items: next };
}

/** The string lists of a pipeline that editors add to, edit and reorder. */
export type PipelineList = 'dataTypes' | 'monitoring';

/**
 * A change to a pipeline's runbook fields. Nested groups (schedule, SLA, incident assumptions) merge field by field,
 * so an editor can change one SLA line without resending the others. Common issues have their own edits.
 */
export type PipelinePatch = Partial<
  Omit<Pipeline, 'id' | 'schedule' | 'sla' | 'incidents' | 'commonIssues'>
> & {
  schedule?: Partial<Pipeline['schedule']>;
  sla?: Partial<Pipeline['sla']>;
  incidents?: Partial<Pipeline['incidents']>;
};

/** How to remove a pipeline that something still refers to: refuse (default, says why) or clear the references. */
export type PipelineRemovalStrategy = 'refuse' | 'clear';

/** Edits of pipelines and their runbooks. */
export type PipelineEdit =
  | { kind: 'pipeline:add'; pipeline: Pipeline }
  | { kind: 'pipeline:update'; pipelineId: string; fields: PipelinePatch }
  | { kind: 'pipeline:remove'; pipelineId: string; strategy?: PipelineRemovalStrategy }
  | { kind: 'pipeline:addIssue'; pipelineId: string; issue: CommonIssue; index?: number }
  | {
      kind: 'pipeline:updateIssue';
      pipelineId: string;
      issueId: string;
      fields: Partial<Omit<CommonIssue, 'id'>>;
    }
  | { kind: 'pipeline:removeIssue'; pipelineId: string; issueId: string }
  | { kind: 'pipeline:moveIssue'; pipelineId: string; issueId: string; to: MoveTarget }
  | { kind: 'pipeline:setList'; pipelineId: string; list: PipelineList; values: string[] }
  | { kind: 'pipeline:addListItem'; pipelineId: string; list: PipelineList; value: string; index?: number }
  | { kind: 'pipeline:updateListItem'; pipelineId: string; list: PipelineList; index: number; value: string }
  | { kind: 'pipeline:removeListItem'; pipelineId: string; list: PipelineList; index: number }
  | { kind: 'pipeline:moveListItem'; pipelineId: string; list: PipelineList; index: number; to: MoveTarget };

/** Something in the plan that refers to a pipeline, with the JSON path where it sits. */
export type PipelineReference =
  | { kind: 'ownership'; path: string; role: 'primary' | 'secondary'; memberId: string; label: string }
  | { kind: 'skill'; path: string; memberId: string; label: string }
  | { kind: 'mention'; path: string; label: string };

const LIST_LABEL: Record<PipelineList, string> = { dataTypes: 'data type', monitoring: 'monitoring line' };

/** True when `text` names `name` as a whole phrase (case-insensitive), so "Profit" does not match "Profitable". */
export function mentions(text: string, name: string): boolean {
  const needle = name.trim().toLowerCase();
  if (needle === '') return false;
  const hay = text.toLowerCase();
  const word = /[\p{L}\p{N}]/u;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    if ((before === undefined || !word.test(before)) && (after === undefined || !word.test(after)))
      return true;
  }
  return false;
}

/**
 * Everything that refers to a pipeline: its owners, the members who know it (skills) and free-text mentions of its
 * name in the escalation matrix, other runbooks and success metrics.
 * Why: the remove dialog shows this list before anything is lost; owners and skills block a plain removal, mentions
 * are only shown (free text is the user's to rewrite).
 */
export function listPipelineReferences(plan: Plan, pipelineId: string): PipelineReference[] {
  const refs: PipelineReference[] = [];
  const pipeline = plan.pipelines.find((p) => p.id === pipelineId);
  const memberName = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  plan.ownership.forEach((o, i) => {
    if (o.pipelineId !== pipelineId) return;
    if (o.primaryMemberId !== null) {
      refs.push({
        kind: 'ownership',
        path: `ownership[${i}].primaryMemberId`,
        role: 'primary',
        memberId: o.primaryMemberId,
        label: `${memberName(o.primaryMemberId)} is its primary owner`,
      });
    }
    if (o.secondaryMemberId !== null) {
      refs.push({
        kind: 'ownership',
        path: `ownership[${i}].secondaryMemberId`,
        role: 'secondary',
        memberId: o.secondaryMemberId,
        label: `${memberName(o.secondaryMemberId)} is its secondary owner`,
      });
    }
  });
  plan.members.forEach((m, i) => {
    const j = m.skills.indexOf(pipelineId);
    if (j >= 0) {
      refs.push({
        kind: 'skill',
        path: `members[${i}].skills[${j}]`,
        memberId: m.id,
        label: `${m.name} knows it`,
      });
    }
  });
  if (!pipeline) return refs;
  plan.escalation.forEach((level, i) => {
    if (mentions(`${level.who} ${level.when}`, pipeline.name)) {
      refs.push({
        kind: 'mention',
        path: `escalation[${i}]`,
        label: `escalation level ${level.level} mentions it`,
      });
    }
  });
  plan.pipelines.forEach((other, i) => {
    if (other.id === pipelineId) return;
    other.commonIssues.forEach((issue, j) => {
      const text = `${issue.name} ${issue.symptom} ${issue.action} ${issue.escalation}`;
      if (mentions(text, pipeline.name)) {
        refs.push({
          kind: 'mention',
          path: `pipelines[${i}].commonIssues[${j}]`,
          label: `the ${other.name} runbook's issue "${issue.name}" mentions it`,
        });
      }
    });
  });
  plan.successMetrics.forEach((metric, i) => {
    if (mentions(`${metric.kpi} ${metric.target} ${metric.measurement}`, pipeline.name)) {
      refs.push({
        kind: 'mention',
        path: `successMetrics[${i}]`,
        label: `success metric "${metric.kpi}" mentions it`,
      });
    }
  });
  return refs;
}

function withPipeline(
  plan: Plan,
  pipelineId: string,
  change: (pipeline: Pipeline) => Pipeline | string,
): EditOutcome {
  const index = plan.pipelines.findIndex((p) => p.id === pipelineId);
  if (index < 0) return refuse(`no pipeline has id "${pipelineId}"`);
  const next = change(plan.pipelines[index]!);
  if (typeof next === 'string') return refuse(next);
  const pipelines = plan.pipelines.slice();
  pipelines[index] = next;
  return { ...plan, pipelines };
}

function issueIndex(pipeline: Pipeline, issueId: string): number {
  return pipeline.commonIssues.findIndex((c) => c.id === issueId);
}

function nonEmpty(value: string, what: string, pipeline: Pipeline): string | null {
  return value.trim() === '' ? `a ${what} of ${pipeline.name} cannot be empty` : null;
}

function removePipeline(plan: Plan, pipelineId: string, strategy: PipelineRemovalStrategy): EditOutcome {
  const pipeline = plan.pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) return refuse(`no pipeline has id "${pipelineId}"`);
  const blocking = listPipelineReferences(plan, pipelineId).filter((r) => r.kind !== 'mention');
  if (strategy === 'refuse' && blocking.length > 0) {
    return refuse(
      `${pipeline.name} cannot be removed while ${blocking.map((r) => r.label).join(', ')}. ` +
        'Remove it with "clear" to drop its ownership row and skills, or reassign them first.',
    );
  }
  return {
    ...plan,
    pipelines: plan.pipelines.filter((p) => p.id !== pipelineId),
    ownership: plan.ownership.filter((o) => o.pipelineId !== pipelineId),
    members: plan.members.map((m) =>
      m.skills.includes(pipelineId) ? { ...m, skills: m.skills.filter((s) => s !== pipelineId) } : m,
    ),
  };
}

function updateList(plan: Plan, edit: Extract<PipelineEdit, { list: PipelineList }>): EditOutcome {
  const what = LIST_LABEL[edit.list];
  return withPipeline(plan, edit.pipelineId, (p) => {
    const list = p[edit.list];
    const put = (values: string[]): Pipeline => ({ ...p, [edit.list]: values });
    switch (edit.kind) {
      case 'pipeline:setList': {
        const values = edit.values.map((v) => v.trim()).filter((v) => v !== '');
        return put(values);
      }
      case 'pipeline:addListItem': {
        const empty = nonEmpty(edit.value, what, p);
        if (empty) return empty;
        const at = edit.index ?? list.length;
        if (at < 0 || at > list.length) return `cannot insert a ${what} at position ${at + 1} of ${p.name}`;
        return put([...list.slice(0, at), edit.value.trim(), ...list.slice(at)]);
      }
      case 'pipeline:updateListItem': {
        if (edit.index < 0 || edit.index >= list.length)
          return `${p.name} has no ${what} at position ${edit.index + 1}`;
        const empty = nonEmpty(edit.value, what, p);
        if (empty) return empty;
        return put(list.map((v, i) => (i === edit.index ? edit.value.trim() : v)));
      }
      case 'pipeline:removeListItem':
        if (edit.index < 0 || edit.index >= list.length)
          return `${p.name} has no ${what} at position ${edit.index + 1}`;
        return put(list.filter((_, i) => i !== edit.index));
      case 'pipeline:moveListItem': {
        const moved = moveItem(list, edit.index, edit.to, `the ${what} "${list[edit.index] ?? ''}"`);
        return moved.ok ? put(moved.items) : moved.reason;
      }
    }
  });
}

/** Applies a pipeline or runbook edit (unvalidated; `applyEdit` validates the result). */
export function applyPipelineEdit(plan: Plan, edit: PipelineEdit): EditOutcome {
  switch (edit.kind) {
    case 'pipeline:add': {
      if (plan.pipelines.some((p) => p.id === edit.pipeline.id)) {
        return refuse(`a pipeline with id "${edit.pipeline.id}" already exists`);
      }
      // A new pipeline gets its ownership row at once, so the matrix shows it with owners still to pick.
      const ownership = plan.ownership.some((o) => o.pipelineId === edit.pipeline.id)
        ? plan.ownership
        : [
            ...plan.ownership,
            { pipelineId: edit.pipeline.id, primaryMemberId: null, secondaryMemberId: null, stakeholder: '' },
          ];
      return { ...plan, pipelines: [...plan.pipelines, edit.pipeline], ownership };
    }
    case 'pipeline:update':
      return withPipeline(plan, edit.pipelineId, (p) => {
        const { schedule, sla, incidents, ...rest } = edit.fields;
        return {
          ...p,
          ...rest,
          id: p.id,
          commonIssues: p.commonIssues,
          schedule: { ...p.schedule, ...schedule },
          sla: { ...p.sla, ...sla },
          incidents: { ...p.incidents, ...incidents },
        };
      });
    case 'pipeline:remove':
      return removePipeline(plan, edit.pipelineId, edit.strategy ?? 'refuse');
    case 'pipeline:addIssue':
      return withPipeline(plan, edit.pipelineId, (p) => {
        if (p.commonIssues.some((c) => c.id === edit.issue.id)) {
          return `${p.name} already has a common issue with id "${edit.issue.id}"`;
        }
        const at = edit.index ?? p.commonIssues.length;
        if (at < 0 || at > p.commonIssues.length) {
          return `cannot insert a common issue at position ${at + 1} of ${p.name}`;
        }
        return {
          ...p,
          commonIssues: [...p.commonIssues.slice(0, at), edit.issue, ...p.commonIssues.slice(at)],
        };
      });
    case 'pipeline:updateIssue':
      return withPipeline(plan, edit.pipelineId, (p) => {
        const at = issueIndex(p, edit.issueId);
        if (at < 0) return `${p.name} has no common issue with id "${edit.issueId}"`;
        const commonIssues = p.commonIssues.slice();
        commonIssues[at] = { ...commonIssues[at]!, ...edit.fields, id: edit.issueId };
        return { ...p, commonIssues };
      });
    case 'pipeline:removeIssue':
      return withPipeline(plan, edit.pipelineId, (p) => {
        if (issueIndex(p, edit.issueId) < 0) return `${p.name} has no common issue with id "${edit.issueId}"`;
        return { ...p, commonIssues: p.commonIssues.filter((c) => c.id !== edit.issueId) };
      });
    case 'pipeline:moveIssue':
      return withPipeline(plan, edit.pipelineId, (p) => {
        const at = issueIndex(p, edit.issueId);
        if (at < 0) return `${p.name} has no common issue with id "${edit.issueId}"`;
        const moved = moveItem(p.commonIssues, at, edit.to, `the issue "${p.commonIssues[at]!.name}"`);
        return moved.ok ? { ...p, commonIssues: moved.items } : moved.reason;
      });
    case 'pipeline:setList':
    case 'pipeline:addListItem':
    case 'pipeline:updateListItem':
    case 'pipeline:removeListItem':
    case 'pipeline:moveListItem':
      return updateList(plan, edit);
  }
}
