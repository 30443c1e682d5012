import type { z } from 'zod';
import type { Plan } from './schema';

type Ctx = z.RefinementCtx;

function duplicates<T>(items: readonly T[], key: (item: T) => string, ctx: Ctx, path: string, what: string) {
  // Most plans have none: a Set's size says so in one pass (36,000 shifts per edit); only then name each one.
  const keys = new Set<string>();
  for (const item of items) keys.add(key(item));
  if (keys.size === items.length) return;
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [path, index, 'id'],
        message: `duplicate ${what} id "${k}" (first used at ${path}[${first}])`,
      });
    } else seen.set(k, index);
  });
}

/**
 * Cross-reference checks of a plan: unique ids and no reference to a member, pipeline or layer that is not there.
 * Why: zod checks each object alone; a plan whose ownership points at a removed member must fail with the path of
 * the dangling reference so the user (or `rotaplan validate`) can find it.
 */
export function checkPlanReferences(plan: Plan, ctx: Ctx): void {
  duplicates(plan.members, (m) => m.id, ctx, 'members', 'member');
  duplicates(plan.pipelines, (p) => p.id, ctx, 'pipelines', 'pipeline');
  duplicates(plan.shifts, (s) => s.id, ctx, 'shifts', 'shift');
  duplicates(plan.rotation.layers, (l) => l.id, ctx, 'rotation.layers', 'layer');
  const memberIds = new Set(plan.members.map((m) => m.id));
  const pipelineIds = new Set(plan.pipelines.map((p) => p.id));
  const layerIds = new Set(plan.rotation.layers.map((l) => l.id));
  const member = (value: string | null, path: (string | number)[]) => {
    if (value !== null && !memberIds.has(value)) {
      ctx.addIssue({ code: 'custom', path, message: `no team member has id "${value}"` });
    }
  };
  plan.members.forEach((m, i) =>
    m.skills.forEach((skill, j) => {
      if (!pipelineIds.has(skill)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'skills', j],
          message: `no pipeline has id "${skill}"`,
        });
      }
    }),
  );
  const owned = new Map<string, number>();
  plan.ownership.forEach((o, i) => {
    if (!pipelineIds.has(o.pipelineId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ownership', i, 'pipelineId'],
        message: `no pipeline has id "${o.pipelineId}"`,
      });
    }
    const first = owned.get(o.pipelineId);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ownership', i, 'pipelineId'],
        message: `pipeline "${o.pipelineId}" already has an ownership row (ownership[${first}])`,
      });
    } else owned.set(o.pipelineId, i);
    member(o.primaryMemberId, ['ownership', i, 'primaryMemberId']);
    member(o.secondaryMemberId, ['ownership', i, 'secondaryMemberId']);
  });
  plan.rotation.layers.forEach((layer, i) =>
    layer.memberOrder.forEach((memberId, j) => member(memberId, ['rotation', 'layers', i, 'memberOrder', j])),
  );
  plan.rotation.layers.forEach((layer, i) => {
    const shadows = layer.shadows ?? [];
    duplicates(shadows, (p) => p.id, ctx, `rotation.layers[${i}].shadows`, 'shadow pairing');
    shadows.forEach((p, j) => member(p.memberId, ['rotation', 'layers', i, 'shadows', j, 'memberId']));
  });
  plan.rotation.layers.forEach((layer, i) => {
    const rotations = layer.rotations ?? [];
    duplicates(rotations, (r) => r.id, ctx, `rotation.layers[${i}].rotations`, 'rotation');
    rotations.forEach((r, j) => {
      const at = ['rotation', 'layers', i, 'rotations', j];
      r.members.forEach((memberId, k) => member(memberId, [...at, 'members', k]));
      if (r.from !== undefined && r.until !== undefined && r.until <= r.from) {
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'until'],
          message: 'the rotation ends before it starts',
        });
      }
    });
  });
  plan.shifts.forEach((s, i) => {
    member(s.memberId, ['shifts', i, 'memberId']);
    if (!layerIds.has(s.layerId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['shifts', i, 'layerId'],
        message: `no rotation layer has id "${s.layerId}"`,
      });
    }
  });
  // Cross-reference checks also run when a field already failed its own check; compare only well-formed dates so a
  // malformed one is reported once, not also as "ends before it starts".
  const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  if (
    isDate(plan.rotation.startDate) &&
    isDate(plan.rotation.endDate) &&
    plan.rotation.endDate <= plan.rotation.startDate
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['rotation', 'endDate'],
      message: 'the rotation ends before it starts',
    });
  }
  duplicates(plan.wishes ?? [], (w) => w.id, ctx, 'wishes', 'wish');
  (plan.wishes ?? []).forEach((w, i) => member(w.memberId, ['wishes', i, 'memberId']));
  const holidayIds = new Set(plan.coverage.holidays.majorHolidays.map((h) => h.id));
  plan.coverage.holidays.history.forEach((h, i) => {
    member(h.memberId, ['coverage', 'holidays', 'history', i, 'memberId']);
    if (!holidayIds.has(h.holidayId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage', 'holidays', 'history', i, 'holidayId'],
        message: `no major holiday has id "${h.holidayId}"`,
      });
    }
  });
}
