import { readFileSync } from 'node:fs';
import { planJsonSchema } from '../../../shared/plan/json-schema';

// The committed JSON Schema is what other tools validate plans against. It is generated, never edited by hand.
// Whether the sample plan validates against it is not tested here: that needs a JSON Schema validator package,
// and none is installed (a hand-written validator would test itself).
const committedPath = new URL('../../../shared/plan/plan.schema.json', import.meta.url);

describe('shared/plan/plan.schema.json', () => {
  it('is what planJsonSchema() generates today', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(
      committed,
      'shared/plan/plan.schema.json is stale: run `npm run schema:json` and commit the result',
    ).toBe(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  });

  it('describes the plan file: its id, its version and its required sections', () => {
    const schema = planJsonSchema() as {
      $id: string;
      type: string;
      required: string[];
      properties: { schemaVersion: { const: number } };
    };
    expect(schema.$id).toBe('https://rotaplan.example/schema/plan.schema.json');
    expect(schema.type).toBe('object');
    expect(schema.properties.schemaVersion.const).toBe(2);
    expect(schema.required).toEqual([
      'schemaVersion',
      'meta',
      'members',
      'pipelines',
      'ownership',
      'rotation',
      'shifts',
      'coverage',
      'escalation',
      'communication',
      'successMetrics',
    ]);
  });
});
