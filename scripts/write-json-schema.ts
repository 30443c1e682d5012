// Regenerates shared/plan/plan.schema.json from the zod schema: `npm run schema:json`.
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../shared/plan/json-schema';

const target = new URL('../shared/plan/plan.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
