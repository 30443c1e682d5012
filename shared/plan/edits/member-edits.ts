import type { Member, Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';
import { mentions } from './pipeline-edits';

/** Fields a user edits on a team member; the id is fixed once the member exists. */
export type MemberFields = Omit<Member, 'id'>;

/**
 * How to remove a member that something still refers to.
 * - 'refuse' (default): refuse and say what refers to them;
 * - { reassignTo }: their ownership, shifts, holiday history, rotation slots and name in escalation texts move to
 *   that member;
 * - 'clear': secondary ownership is set to nobody, their shifts and holiday history are dropped. Refused when they
 *   are a pipeline's primary owner, because the matrix must never point at nobody as a primary owner.
 */
export type MemberRemovalStrategy = 'refuse' | 'clear' | { reassignTo: string };

/** Edits of the team list. */
export type MemberEdit =
  | { kind: 'member:add'; member: Member }
  | { kind: 'member:update'; memberId: string; fields: Partial<MemberFields> }
  | { kind: 'member:remove'; memberId: string; strategy?: MemberRemovalStrategy };

/**
 * Something in the plan that refers to a member, with the JSON path where it sits and a sentence for the user.
 * `blocking` references are ids the plan cannot keep once the member is gone (the default removal refuses);
 * the others go with the member (skills, time off, rotation slots) or are free text the user may want to rewrite.
 */
export type MemberReference =
  | {
      kind: 'ownership';
      path: string;
      pipelineId: string;
      role: 'primary' | 'secondary';
      label: string;
      blocking: true;
    }
  | { kind: 'shifts'; path: string; shiftIds: string[]; label: string; blocking: true }
  | { kind: 'holiday-history'; path: string; count: number; label: string; blocking: true }
  | { kind: 'rotation-order'; path: string; layerId: string; label: string; blocking: false }
  | { kind: 'escalation-mention'; path: string; label: string; blocking: false }
  | { kind: 'skills'; path: string; pipelineIds: string[]; label: string; blocking: false }
  | { kind: 'time-off'; path: string; count: number; label: string; blocking: false };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Everything that refers to a member: ownership, shifts, holiday-duty history (blocking), rotation order, mentions
 * of their name in escalation texts (the matrix and runbooks' common issues), the pipelines they know and their time
 * off. Why: the remove dialog lists it before the user chooses to reassign, clear or keep the member.
 */
export function listMemberReferences(plan: Plan, memberId: string): MemberReference[] {
  const refs: MemberReference[] = [];
  const member = plan.members.find((m) => m.id === memberId);
  const pipelineName = (id: string) => plan.pipelines.find((p) => p.id === id)?.name ?? id;
  plan.ownership.forEach((o, i) => {
    for (const role of ['primary', 'secondary'] as const) {
      const field = role === 'primary' ? 'primaryMemberId' : 'secondaryMemberId';
      if (o[field] === memberId) {
        refs.push({
          kind: 'ownership',
          path: `ownership[${i}].${field}`,
          pipelineId: o.pipelineId,
          role,
          label: `${role} owner of ${pipelineName(o.pipelineId)}`,
          blocking: true,
        });
      }
    }
  });
  const shiftIds = plan.shifts.filter((s) => s.memberId === memberId).map((s) => s.id);
  if (shiftIds.length > 0) {
    refs.push({
      kind: 'shifts',
      path: 'shifts',
      shiftIds,
      label: `on call for ${plural(shiftIds.length, 'shift', 'shifts')}`,
      blocking: true,
    });
  }
  const holidays = plan.coverage.holidays.history.filter((h) => h.memberId === memberId).length;
  if (holidays > 0) {
    refs.push({
      kind: 'holiday-history',
      path: 'coverage.holidays.history',
      count: holidays,
      label: `named in ${plural(holidays, 'entry', 'entries')} of holiday-duty history`,
      blocking: true,
    });
  }
  plan.rotation.layers.forEach((layer, i) => {
    if (layer.memberOrder.includes(memberId)) {
      refs.push({
        kind: 'rotation-order',
        path: `rotation.layers[${i}].memberOrder`,
        layerId: layer.id,
        label: `in the ${layer.name} rotation order`,
        blocking: false,
      });
    }
  });
  if (member) {
    plan.escalation.forEach((level, i) => {
      if (mentions(`${level.who} ${level.when}`, member.name)) {
        refs.push({
          kind: 'escalation-mention',
          path: `escalation[${i}]`,
          label: `named in escalation level ${level.level}`,
          blocking: false,
        });
      }
    });
    plan.pipelines.forEach((p, i) =>
      p.commonIssues.forEach((issue, j) => {
        if (mentions(issue.escalation, member.name)) {
          refs.push({
            kind: 'escalation-mention',
            path: `pipelines[${i}].commonIssues[${j}].escalation`,
            label: `named in the escalation of "${issue.name}" (${p.name})`,
            blocking: false,
          });
        }
      }),
    );
    const index = plan.members.indexOf(member);
    if (member.skills.length > 0) {
      refs.push({
        kind: 'skills',
        path: `members[${index}].skills`,
        pipelineIds: member.skills.slice(),
        label: `knows ${member.skills.map(pipelineName).join(', ')}`,
        blocking: false,
      });
    }
    if (member.timeOff.length > 0) {
      refs.push({
        kind: 'time-off',
        path: `members[${index}].timeOff`,
        count: member.timeOff.length,
        label: `has ${plural(member.timeOff.length, 'time-off entry', 'time-off entries')}`,
        blocking: false,
      });
    }
  }
  return refs;
}

/** What blocks a plain removal of a member, as human-readable lines; empty when the member can be removed freely. */
export function memberReferences(plan: Plan, memberId: string): string[] {
  return listMemberReferences(plan, memberId)
    .filter((r) => r.blocking)
    .map((r) => r.label);
}

function replaceName(text: string, from: string, to: string): string {
  if (!mentions(text, from)) return text;
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), to);
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function withoutMember(plan: Plan, memberId: string, replacement: string | null): Plan {
  return {
    ...plan,
    members: plan.members.filter((m) => m.id !== memberId),
    rotation: {
      ...plan.rotation,
      layers: plan.rotation.layers.map((l) => {
        // The replacement takes the slot so the cycle keeps its length, unless they already have one in this layer.
        const keep = replacement !== null && !l.memberOrder.includes(replacement);
        return {
          ...l,
          memberOrder: l.memberOrder.flatMap((id) => (id !== memberId ? [id] : keep ? [replacement] : [])),
        };
      }),
    },
  };
}

function clearMember(plan: Plan, member: Member): EditOutcome {
  const orphaned = plan.ownership
    .filter((o) => o.primaryMemberId === member.id)
    .map((o) => plan.pipelines.find((p) => p.id === o.pipelineId)?.name ?? o.pipelineId);
  if (orphaned.length > 0) {
    return refuse(
      `Removing ${member.name} with "clear" would leave ${listNames(orphaned)} with no primary owner. ` +
        `Reassign ${member.name}'s ownership to another member, or pick a new primary owner first.`,
    );
  }
  const base = withoutMember(plan, member.id, null);
  return {
    ...base,
    ownership: plan.ownership.map((o) =>
      o.secondaryMemberId === member.id ? { ...o, secondaryMemberId: null } : o,
    ),
    shifts: plan.shifts.filter((s) => s.memberId !== member.id),
    coverage: {
      ...plan.coverage,
      holidays: {
        ...plan.coverage.holidays,
        history: plan.coverage.holidays.history.filter((h) => h.memberId !== member.id),
      },
    },
  };
}

function reassignMember(plan: Plan, member: Member, targetId: string): EditOutcome {
  const target = plan.members.find((m) => m.id === targetId);
  if (!target) return refuse(`cannot reassign to "${targetId}": no team member has that id`);
  if (target.id === member.id) return refuse(`cannot reassign ${member.name}'s references to ${member.name}`);
  const note = `Reassigned from ${member.name}`;
  const base = withoutMember(plan, member.id, target.id);
  return {
    ...base,
    ownership: plan.ownership.map((o) => {
      if (o.primaryMemberId === member.id) {
        // The target becomes primary; if they were the secondary, that seat is left open rather than doubled.
        return {
          ...o,
          primaryMemberId: target.id,
          secondaryMemberId: o.secondaryMemberId === target.id ? null : o.secondaryMemberId,
        };
      }
      if (o.secondaryMemberId === member.id) {
        return { ...o, secondaryMemberId: o.primaryMemberId === target.id ? null : target.id };
      }
      return o;
    }),
    shifts: plan.shifts.map((s) =>
      s.memberId === member.id
        ? { ...s, memberId: target.id, note: s.note ? `${s.note}; ${note}`.slice(0, 500) : note }
        : s,
    ),
    coverage: {
      ...plan.coverage,
      holidays: {
        ...plan.coverage.holidays,
        history: plan.coverage.holidays.history.map((h) =>
          h.memberId === member.id ? { ...h, memberId: target.id } : h,
        ),
      },
    },
    escalation: plan.escalation.map((l) => ({
      ...l,
      who: replaceName(l.who, member.name, target.name),
      when: replaceName(l.when, member.name, target.name),
    })),
    pipelines: plan.pipelines.map((p) => ({
      ...p,
      commonIssues: p.commonIssues.map((c) => ({
        ...c,
        escalation: replaceName(c.escalation, member.name, target.name),
      })),
    })),
  };
}

/** Applies a team edit (unvalidated; `applyEdit` validates the result). */
export function applyMemberEdit(plan: Plan, edit: MemberEdit): EditOutcome {
  switch (edit.kind) {
    case 'member:add':
      if (plan.members.some((m) => m.id === edit.member.id)) {
        return refuse(`a team member with id "${edit.member.id}" already exists`);
      }
      return { ...plan, members: [...plan.members, edit.member] };
    case 'member:update': {
      const index = plan.members.findIndex((m) => m.id === edit.memberId);
      if (index < 0) return refuse(`no team member has id "${edit.memberId}"`);
      const members = plan.members.slice();
      members[index] = { ...members[index]!, ...edit.fields, id: edit.memberId };
      return { ...plan, members };
    }
    case 'member:remove': {
      const member = plan.members.find((m) => m.id === edit.memberId);
      if (!member) return refuse(`no team member has id "${edit.memberId}"`);
      const strategy = edit.strategy ?? 'refuse';
      if (strategy === 'clear') return clearMember(plan, member);
      if (strategy !== 'refuse') return reassignMember(plan, member, strategy.reassignTo);
      const refs = memberReferences(plan, edit.memberId);
      if (refs.length > 0) {
        return refuse(
          `${member.name} cannot be removed while ${refs.join(', ')}. Reassign those to another member first.`,
        );
      }
      return withoutMember(plan, member.id, null);
    }
  }
}
