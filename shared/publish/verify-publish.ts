import type { Plan } from '../plan/schema';
import { rotationHorizon } from '../rotation/generate-shifts';
import type { Interval } from '../time/intervals';
import { addDays, instantMs, zonedToInstant } from '../time/zoned';
import { compareSpans, type SpanDifference } from './compare-spans';
import { planTimeline } from './plan-timeline';
import type { CompiledPublish, PublishContext, PublishFile, PublishProblem, PublishTarget } from './target';
import { isPublishProblem } from './publish-problem';

/**
 * What publishing or checking found: the target, the files (written or read), the counts, notes on what went out
 * as overrides, and the verification (equal or not, differing minutes, the first differing stretches in words).
 */
export type PublishOutcome = Omit<CompiledPublish, 'files'> & {
  target: string;
  files: PublishFile[];
  verified: boolean;
  differingMinutes: number;
  differences: SpanDifference[];
};

/**
 * The window to publish: the plan's horizon by default; `from` starts at midnight of that date and `to` ends at
 * the end of that date (both in the plan's zone).
 */
export function publishWindow(plan: Plan, from?: string, to?: string): Interval {
  const horizon = rotationHorizon(plan.rotation);
  const zone = plan.rotation.timeZone;
  return {
    start: from ? instantMs(zonedToInstant(from, '00:00', zone)) : instantMs(horizon.start),
    end: to ? instantMs(zonedToInstant(addDays(to, 1), '00:00', zone)) : instantMs(horizon.end),
  };
}

/**
 * Expands `files` with the target's interpreter and compares the result with the plan over the window.
 * Why files, never the compiler's objects: the same path serves a fresh compile and `--check` of files on disk.
 */
export function verifyPublishFiles(
  target: PublishTarget,
  files: readonly PublishFile[],
  ctx: PublishContext,
): Pick<PublishOutcome, 'verified' | 'differingMinutes' | 'differences'> | PublishProblem {
  const expanded = target.expand(files, ctx);
  if (isPublishProblem(expanded)) return expanded;
  const comparison = compareSpans(planTimeline(ctx.plan, ctx.window), expanded, ctx.plan, ctx.window);
  return {
    verified: comparison.equal,
    differingMinutes: comparison.differingMinutes,
    differences: comparison.differences,
  };
}

/** Compiles the plan for a target and verifies what it wrote, or the problem that stopped it. */
export function publishPlan(target: PublishTarget, ctx: PublishContext): PublishOutcome | PublishProblem {
  const compiled = target.compile(ctx);
  if (isPublishProblem(compiled)) return compiled;
  const verification = verifyPublishFiles(target, compiled.files, ctx);
  if (isPublishProblem(verification)) return verification;
  return { target: target.id, ...compiled, ...verification };
}
