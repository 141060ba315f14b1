import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '@loti/clauses';
import { describe, expect, it } from 'vitest';
import { createNodeReader } from '../src/node/index.js';
import { buildTenderModel } from '../src/pipeline.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { tenderSpecJsonSchema } from '../src/spec/json-schema.js';
import { GENERATOR_VERSION } from '../src/version.js';
import { outcome } from './helpers.js';

/** The model with the package versions as placeholders, so a release does not change the snapshots. */
function withoutVersions(doc: unknown): unknown {
  return JSON.parse(
    JSON.stringify(doc)
      .replaceAll(`@loti/tender-generator ${GENERATOR_VERSION}`, '@loti/tender-generator <version>')
      .replaceAll(`@loti/clauses ${catalog.packageVersion}`, '@loti/clauses <version>')
      .replaceAll(
        `"clausesPackageVersion":"${catalog.packageVersion}"`,
        '"clausesPackageVersion":"<version>"',
      ),
  );
}

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const reader = createNodeReader({ root: examples });

describe.each(readdirSync(examples).filter((f) => f.endsWith('.yaml')))('example %s', (file) => {
  it('validates with no errors or warnings and matches its model snapshot', async () => {
    const result = outcome(await buildTenderModel(join(examples, file), reader));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const doc = result.document;
    expect(doc).toBeDefined();
    // Snapshot the structure (sections, clause ids, versions, numbers) and the text of the model.
    expect(withoutVersions(doc)).toMatchSnapshot();
  });

  it('reads without a doubled word where a built-in value meets clause wording ("using the the open procedure")', async () => {
    const doc = outcome(await buildTenderModel(join(examples, file), reader)).document;
    const text = renderMarkdown(doc as NonNullable<typeof doc>);
    expect(text.match(/\b(the|a|an|of|to|and|in|for|by|is|be)\s+\1\b/gi) ?? []).toEqual([]);
  });
});

describe('broken examples', () => {
  const broken = join(examples, 'broken');
  it.each(readdirSync(broken).filter((f) => f.endsWith('.yaml')))(
    '%s fails with the error its first line names',
    async (file) => {
      const text = readFileSync(join(broken, file), 'utf8');
      const expected = /^# expect: ([A-Z_]+)/.exec(text)?.[1];
      const result = outcome(await buildTenderModel(join(broken, file), reader));
      expect(result.document).toBeUndefined();
      expect(result.errors.map((e) => e.code)).toContain(expected);
    },
  );
});

describe('JSON Schema', () => {
  it('is committed and matches the zod schema (regenerate with npm run schema -w @loti/tender-generator)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema.json'), 'utf8'));
    expect(committed).toEqual(tenderSpecJsonSchema());
  });
});
