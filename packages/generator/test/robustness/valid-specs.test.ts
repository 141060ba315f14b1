import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTenderModelFromText } from '../../src/index.js';
import { sanitiseLine } from '../../src/text/sanitise.js';
import { outcome } from '../helpers.js';
import { smallValidSpec, specToYaml, validSpec } from './arbitraries.js';
import { checkDocxFiles, documentText, expectConsistent, renderers } from './support.js';

// Fixed seeds: a failure prints its counterexample and reproduces on every machine.
const SEED = 20_270_201;

function splitReference(entry: string | { id: string }): string {
  return typeof entry === 'string' ? (entry.split('@')[0] as string) : entry.id;
}

describe('random valid specs', () => {
  it('always build a model that keeps the spec’s text and clause choices', async () => {
    await fc.assert(
      fc.asyncProperty(validSpec, async (spec) => {
        const result = outcome(await buildTenderModelFromText(specToYaml(spec), { file: 'tender.yaml' }));
        expectConsistent(result, 'tender.yaml');
        expect(result.errors).toEqual([]);
        const document = result.document;
        if (!document) throw new Error('no document');
        expect(document.cover.title).toBe(sanitiseLine(spec.tender.title));
        expect(document.meta.reference).toBe(sanitiseLine(spec.tender.reference));
        const included = new Set(document.manifest.clauses.map((clause) => clause.id));
        for (const entry of spec.clauses?.include ?? [])
          expect(included.has(splitReference(entry))).toBe(true);
        for (const entry of spec.clauses?.exclude ?? []) expect(included.has(entry.id)).toBe(false);
        // The model is plain data: it survives JSON unchanged.
        expect(JSON.parse(JSON.stringify(document))).toEqual(document);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('always render a .docx that check-docx accepts, with the title as written', async () => {
    const files: Record<string, Uint8Array> = {};
    await fc.assert(
      fc.asyncProperty(smallValidSpec, async (spec) => {
        const result = outcome(await buildTenderModelFromText(specToYaml(spec), { file: 'tender.yaml' }));
        if (!result.document) throw new Error(result.errors.map((e) => e.message).join('\n'));
        const bytes = await renderers.renderDocx(result.document);
        expect(documentText(bytes)).toContain(sanitiseLine(spec.tender.title));
        files[`valid-${Object.keys(files).length}`] = bytes;
      }),
      { numRuns: 5, seed: SEED + 1 },
    );
    const check = checkDocxFiles(files);
    expect(check.report).toMatch(/0 problem/);
    expect(check.ok).toBe(true);
  }, 120_000);
});
