import { deriveOverrides, type DerivedOverride } from './derive-overrides';
import { planTimeline } from './plan-timeline';
import type { OnCallSpan, PublishContext } from './target';

/**
 * The overrides a target writes after its rotations, from the plan and the target's own expansion of those
 * rotations, with notes in words: how many overrides and what no override can fix.
 * Why here: the Grafana OnCall, Opsgenie and GoAlert compilers all end the same way.
 */
export function derivedOverridesFor(
  ctx: PublishContext,
  regular: readonly OnCallSpan[],
  toolName: string,
): { overrides: DerivedOverride[]; notes: string[] } {
  const { overrides, unfixable } = deriveOverrides(
    planTimeline(ctx.plan, ctx.window),
    regular,
    ctx.plan,
    ctx.window,
  );
  const notes = unfixable.map((u) => `${toolName} cannot express this with an override: ${u.message}.`);
  return { overrides, notes };
}
