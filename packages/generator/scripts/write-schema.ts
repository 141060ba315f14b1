/** Writes schema.json, the JSON Schema for spec files, from the zod schema. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenderSpecJsonSchema } from '../src/spec/json-schema.js';

writeFileSync(
  join(import.meta.dirname, '..', 'schema.json'),
  `${JSON.stringify(tenderSpecJsonSchema(), null, 2)}\n`,
);
console.log('Wrote schema.json');
