import {
  applyScenarioChange,
  describeScenarioChange,
  type ScenarioChange,
} from '../../scenarios/scenario-changes';
import { planBody, scenarioPlan } from '../../scenarios/scenario-plan';
import type { Plan, Scenario } from '../schema';
import { planSchema, problemsFromZod } from '../validate';
import { isRefusal, refuse, type EditOutcome } from './edit-outcome';
import type { HolidayLookup } from '../../time/holidays';

export type { ScenarioChange } from '../../scenarios/scenario-changes';

/**
 * Edits of the plan's what-if scenarios (copies of the plan body the user changes and compares).
 * - `scenario:create`: copy the live plan body into a new scenario named `name` (`createdAt` is passed in: the
 *   domain has no clock);
 * - `scenario:rename`, `scenario:delete`;
 * - `scenario:update`: apply one what-if change (see `ScenarioChange`) to the scenario's body;
 * - `scenario:apply`: the live plan body becomes the scenario's (meta and scenarios stay) — one undoable step.
 */
export type ScenarioEdit =
  | { kind: 'scenario:create'; scenarioId: string; name: string; description?: string; createdAt: string }
  | { kind: 'scenario:rename'; scenarioId: string; name: string }
  | { kind: 'scenario:delete'; scenarioId: string }
  | { kind: 'scenario:update'; scenarioId: string; change: ScenarioChange }
  | { kind: 'scenario:apply'; scenarioId: string };

/** Longest description the schema keeps; older change notes give way first. */
const DESCRIPTION_MAX = 2000;

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

function nameProblem(plan: Plan, name: string, scenarioId: string): string | null {
  if (name.trim() === '') return 'a scenario needs a name';
  if (sameName(name, 'Live plan')) return '"Live plan" names the plan itself; pick another name';
  const clash = plan.scenarios.find((s) => s.id !== scenarioId && sameName(s.name, name));
  return clash ? `a scenario named "${clash.name}" already exists` : null;
}

function withNote(description: string, note: string): string {
  const lines = [...description.split('\n').filter((l) => l.trim() !== ''), `• ${note}`];
  while (lines.length > 1 && lines.join('\n').length > DESCRIPTION_MAX) lines.shift();
  return lines.join('\n').slice(-DESCRIPTION_MAX);
}

function update(
  plan: Plan,
  index: number,
  change: ScenarioChange,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const scenario = plan.scenarios[index]!;
  const before = scenarioPlan(plan, scenario);
  const after = applyScenarioChange(before, change, holidays);
  if (isRefusal(after)) return refuse(`${scenario.name}: ${after.reason}`, after.problems);
  // A scenario's body is checked as the whole plan it would be, so a dangling reference is caught here, with the
  // path inside the scenario, and never waits for the day the scenario is applied.
  const checked = planSchema.safeParse(after);
  if (!checked.success) {
    const problems = problemsFromZod(checked.error).map((p) => ({
      path: `scenarios[${index}].body.${p.path}`,
      message: p.message,
    }));
    return refuse(`${scenario.name}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  }
  const next: Scenario = {
    ...scenario,
    description: withNote(scenario.description, describeScenarioChange(before, change)),
    body: planBody(checked.data),
  };
  return { ...plan, scenarios: plan.scenarios.map((s, i) => (i === index ? next : s)) };
}

/** Applies a scenario edit (unvalidated; `applyEdit` validates the result). */
export function applyScenarioEdit(plan: Plan, edit: ScenarioEdit, holidays?: HolidayLookup): EditOutcome {
  const index = plan.scenarios.findIndex((s) => s.id === edit.scenarioId);
  if (edit.kind === 'scenario:create') {
    if (index >= 0) return refuse(`a scenario with id "${edit.scenarioId}" already exists`);
    const problem = nameProblem(plan, edit.name, edit.scenarioId);
    if (problem) return refuse(problem);
    const scenario: Scenario = {
      id: edit.scenarioId,
      name: edit.name.trim(),
      description: edit.description ?? '',
      createdAt: edit.createdAt,
      body: planBody(plan),
    };
    return { ...plan, scenarios: [...plan.scenarios, scenario] };
  }
  if (index < 0) return refuse(`no scenario has id "${edit.scenarioId}"`);
  const scenario = plan.scenarios[index]!;
  switch (edit.kind) {
    case 'scenario:rename': {
      const problem = nameProblem(plan, edit.name, edit.scenarioId);
      if (problem) return refuse(problem);
      const renamed = { ...scenario, name: edit.name.trim() };
      return { ...plan, scenarios: plan.scenarios.map((s, i) => (i === index ? renamed : s)) };
    }
    case 'scenario:delete':
      return { ...plan, scenarios: plan.scenarios.filter((_, i) => i !== index) };
    case 'scenario:update':
      return update(plan, index, edit.change, holidays);
    case 'scenario:apply':
      return { ...plan, ...scenario.body };
  }
}
