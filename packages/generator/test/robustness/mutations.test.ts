import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTenderModelFromText } from '../../src/index.js';
import { type Outcome, outcome } from '../helpers.js';
import {
  AWKWARD_PIECES,
  applyMutation,
  hostileValue,
  mutatedSpecText,
  paths,
  smallValidSpec,
  specToYaml,
} from './arbitraries.js';
import { checkDocxFiles, expectConsistent, expectNoRawMarkup, renderers } from './support.js';

const SEED = 20_270_312;

/** Fields whose value is free text (not an id, date, enum or address). */
const FREE_TEXT = new Set([
  'title',
  'reference',
  'name',
  'shortName',
  'address',
  'portal',
  'background',
  'milestone',
  'note',
  'text',
  'category',
  'question',
  'priceMethod',
  'reason',
  'classification',
  'font',
]);

/** Builds without letting an exception escape: a throw is reported as the failure it is. */
async function build(text: string): Promise<Outcome> {
  try {
    return outcome(await buildTenderModelFromText(text, { file: 'tender.yaml' }));
  } catch (error) {
    throw new Error(
      `buildTenderModelFromText threw instead of returning issues: ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
}

describe('mutated specs', () => {
  it('give typed errors with positions, or a valid document; never an exception', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutatedSpecText, async ({ text }) => {
        const result = await build(text);
        expectConsistent(result, 'tender.yaml');
        for (const issue of result.errors) seen.add(issue.code);
      }),
      { numRuns: 200, seed: SEED },
    );
    // The mutations reach the layers they are meant to: syntax, shape and the rules after it.
    for (const code of ['FIELD_TYPE', 'FIELD_REQUIRED', 'FIELD_UNKNOWN', 'TEXT_FORBIDDEN_CHARACTER'])
      expect(seen).toContain(code);
  }, 60_000);

  it('with hostile text in every text field, either refuse it with TEXT_FORBIDDEN_CHARACTER or render valid XML', async () => {
    const files: Record<string, Uint8Array> = {};
    const hostileText = fc.oneof(
      fc.constantFrom(
        ...AWKWARD_PIECES,
        '\u0000',
        '\uFFFE',
        '\uFFFF',
        '\uD800',
        '\uDFFF',
        '\u0007bell',
        '\u001B[31mred',
      ),
      hostileValue.filter((value): value is string => typeof value === 'string' && value.trim() !== ''),
    );
    // Puts hostile text into a random selection of the spec's string fields.
    const specs = smallValidSpec.chain((spec) => {
      const textPaths = paths(spec).filter((path) => {
        let value: unknown = spec;
        for (const segment of path) value = (value as Record<string | number, unknown>)[segment];
        return (
          typeof value === 'string' &&
          (path[0] === 'variables' || FREE_TEXT.has(String(path[path.length - 1])))
        );
      });
      return fc
        .array(fc.tuple(fc.constantFrom(...textPaths), hostileText), { minLength: 1, maxLength: 6 })
        .map((edits) =>
          edits.reduce<unknown>(
            (value, [path, text]) => applyMutation(value, { kind: 'set', path, value: `x ${text} y` }),
            spec,
          ),
        );
    });
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(specs, async (spec) => {
        const result = await build(specToYaml(spec));
        expectConsistent(result, 'tender.yaml');
        if (!result.document) {
          expect(result.errors.map((e) => e.code)).toContain('TEXT_FORBIDDEN_CHARACTER');
          refused += 1;
          return;
        }
        expectNoRawMarkup(renderers.renderHtml(result.document).replace(/^<!DOCTYPE html>/i, ''), 'html');
        expectNoRawMarkup(renderers.renderMarkdown(result.document), 'markdown');
        files[`hostile-${Object.keys(files).length}`] = await renderers.renderDocx(result.document);
      }),
      { numRuns: 10, seed: SEED + 1 },
    );
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const check = checkDocxFiles(files);
    expect(check.report).toMatch(/0 problem/);
    expect(check.ok).toBe(true);
  }, 120_000);
});
