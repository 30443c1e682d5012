import type { Plan } from '../schema';
import type { PlanProblem } from '../validate';

/** A refused edit: why, and where when the schema said so. The old plan stays as it was. */
export type EditRefusal = { ok: false; reason: string; problems: PlanProblem[] };

/** What a domain edit function returns: the new (not yet validated) plan, or a refusal. */
export type EditOutcome = Plan | EditRefusal;

/** A refusal with a sentence for the user. */
export function refuse(reason: string, problems: PlanProblem[] = []): EditRefusal {
  return { ok: false, reason, problems };
}

/** True when a domain edit function refused. */
export function isRefusal(outcome: EditOutcome): outcome is EditRefusal {
  return 'ok' in outcome && outcome.ok === false;
}
