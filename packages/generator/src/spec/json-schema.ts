import { z } from 'zod';
import { tenderSpecSchema } from './schema.js';

/** The JSON Schema for spec files, for editor autocompletion (`# yaml-language-server: $schema=…`). */
export function tenderSpecJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(tenderSpecSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://unpkg.com/@loti/tender-generator/schema.json',
    title: 'LOTI Tender Kit spec',
  };
}
