import { goalertTarget } from './goalert/goalert-target';
import { grafanaOncallTarget } from './grafana-oncall/grafana-target';
import { opsgenieTarget } from './opsgenie/opsgenie-target';
import { pagerDutyTarget } from './pagerduty/pagerduty-target';
import { terraformPagerDutyTarget } from './pagerduty/terraform-pagerduty-target';
import { PUBLISH_TARGETS, type PublishProblem, type PublishTarget, type PublishTargetId } from './target';

/**
 * The implemented publish targets by id. A target not listed here is not in this build yet: `publishTarget` says
 * so by name instead of failing somewhere inside.
 * Why one entry a line: each target lives in its own module and joins the registry with one line.
 */
export const PUBLISH_TARGET_REGISTRY: Partial<Record<PublishTargetId, PublishTarget>> = {
  pagerduty: pagerDutyTarget,
  'terraform-pagerduty': terraformPagerDutyTarget,
  'terraform-grafana-oncall': grafanaOncallTarget,
  'terraform-opsgenie': opsgenieTarget,
  goalert: goalertTarget,
};

/** True when `id` names one of the paging tools Rotaplan knows (implemented or not). */
export function isPublishTargetId(id: string): id is PublishTargetId {
  return (PUBLISH_TARGETS as readonly string[]).includes(id);
}

/** The targets this build can publish to, in the order of `PUBLISH_TARGETS`. */
export function availablePublishTargets(): PublishTarget[] {
  return PUBLISH_TARGETS.flatMap((id) => PUBLISH_TARGET_REGISTRY[id] ?? []);
}

/**
 * The target for an id, or a problem naming what is wrong: an unknown id lists the known ones, a known target
 * this build lacks says it is not available.
 */
export function publishTarget(id: string): PublishTarget | PublishProblem {
  if (!isPublishTargetId(id))
    return { message: `unknown publish target "${id}" (known: ${PUBLISH_TARGETS.join(', ')})` };
  const target = PUBLISH_TARGET_REGISTRY[id];
  if (!target) {
    const available = availablePublishTargets().map((t) => t.id);
    return {
      message:
        `the publish target "${id}" is not available in this build` +
        (available.length > 0 ? ` (available: ${available.join(', ')})` : ''),
    };
  }
  return target;
}
