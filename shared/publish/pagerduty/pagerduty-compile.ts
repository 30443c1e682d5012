import type { Layer } from '../../plan/schema';
import { deriveOverrides, type DerivedOverride } from '../derive-overrides';
import { planTimeline } from '../plan-timeline';
import type { PublishContext } from '../target';
import { draftLayers, type DraftLayer } from './pagerduty-layers';
import { expandSchedules } from './pagerduty-semantics';

/** One plan layer as a PagerDuty schedule, before users are named in the tool (`users` are member ids). */
export type DraftSchedule = {
  layer: Layer;
  name: string;
  description: string;
  timeZone: string;
  layers: DraftLayer[];
};

/** The schedules, the overrides (member ids) and notes of a plan compiled for PagerDuty. */
export type DraftPagerDuty = { schedules: DraftSchedule[]; overrides: DerivedOverride[]; notes: string[] };

/**
 * Compiles the plan for PagerDuty: each plan layer one schedule in the plan's zone whose layers carry the regular
 * rotations, then the overrides that make PagerDuty's own reading of those layers page exactly the plan.
 * Why the REST and the Terraform targets share it: they differ only in how the same schedules are written.
 */
export function draftPagerDuty(ctx: PublishContext): DraftPagerDuty {
  const { plan, window } = ctx;
  const notes: string[] = [];
  const schedules = plan.rotation.layers.map((layer): DraftSchedule => {
    const drafted = draftLayers(plan, layer, window);
    notes.push(...drafted.notes);
    return {
      layer,
      name: `${plan.meta.name} — ${layer.name}`,
      description: `${layer.name} of the Rotaplan plan "${plan.meta.name}": the regular rotation as layers, swaps and covers as overrides.`,
      timeZone: plan.rotation.timeZone,
      layers: drafted.layers,
    };
  });
  const layerSpans = expandSchedules(
    schedules.map((s) => ({ key: s.layer.id, timeZone: s.timeZone, layers: s.layers })),
    [],
    window,
  ).map((s) => ({ layerId: s.scheduleKey, memberId: s.user, start: s.start, end: s.end }));
  const derived = deriveOverrides(planTimeline(plan, window), layerSpans, plan, window);
  for (const u of derived.unfixable.slice(0, 3)) {
    notes.push(
      u.reason === 'plan-has-nobody'
        ? `${u.message}: an override cannot take someone off call`
        : `${u.message}: a PagerDuty schedule pages one person at a time`,
    );
  }
  return { schedules, overrides: derived.overrides, notes };
}

/** Every member id a draft names (in layers or overrides), for the check that each has a tool user. */
export function draftMembers(draft: DraftPagerDuty): string[] {
  return [
    ...new Set([
      ...draft.schedules.flatMap((s) => s.layers.flatMap((l) => l.users)),
      ...draft.overrides.map((o) => o.memberId),
    ]),
  ];
}
