import type { Plan } from '../../shared/plan/schema';
import { validatePlan } from '../../shared/plan/validate';
import { IpcError } from './ipc-error';

/**
 * The plan a request carries, checked at the same door as a save, or an `IpcError` whose message starts with
 * `refusal` ("Nothing was published") and names the first three problems and how many more there are.
 * Why one: every handler that takes a whole plan (optimise, pay, publish) refuses a bad one in the same words.
 */
export function checkedPlan(raw: unknown, refusal: string): Plan {
  const checked = validatePlan(raw);
  if (checked.ok) return checked.plan;
  const shown = checked.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
  const more = checked.problems.length > 3 ? ` and ${checked.problems.length - 3} more` : '';
  throw new IpcError(
    checked.kind === 'newer-version' ? 'newer-version' : 'invalid-plan',
    `${refusal}: ${shown.join('; ')}${more}.`,
    checked.problems,
  );
}
