import { z } from 'zod';
import { planShapeSchema } from './schema';

/**
 * The JSON Schema of the plan file, generated from the zod schema (input side: defaults may be omitted).
 * Why: other tools validate `.rotaplan.json` files without Rotaplan; a test fails when the committed copy is stale.
 * Cross-reference rules (ids that must exist) cannot be said in JSON Schema; `rotaplan validate` checks them.
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planShapeSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://rotaplan.example/schema/plan.schema.json',
    title: 'Rotaplan plan',
    description:
      'A Rotaplan plan file (.rotaplan.json): team, pipelines, ownership, rotation, shifts, coverage rules, operations.',
  };
}
