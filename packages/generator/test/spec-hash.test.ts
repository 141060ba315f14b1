import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTenderModelFromText } from '../src/pipeline.js';
import { specSourceHash } from '../src/spec/hash.js';
import { outcome } from './helpers.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const nodeSha256 = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

describe('the spec hash in the manifest', () => {
  it('is the SHA-256 of the spec text, as sha256sum prints it, when the spec includes nothing', async () => {
    const text = readFileSync(join(examples, 'housing-management-system.yaml'), 'utf8');
    const result = outcome(await buildTenderModelFromText(text, { file: 'housing-management-system.yaml' }));
    expect(result.errors).toEqual([]);
    expect(result.document?.manifest.specHash).toBe(nodeSha256(text));
  });

  it('covers included files: the same spec with a changed include hashes differently', async () => {
    const text = readFileSync(join(examples, 'air-quality-sensors.yaml'), 'utf8');
    const shared = readFileSync(join(examples, 'shared', 'london-borough-defaults.yaml'), 'utf8');
    const build = (include: string) =>
      buildTenderModelFromText(text, {
        file: 'air-quality-sensors.yaml',
        files: { 'shared/london-borough-defaults.yaml': include },
      }).then(outcome);
    const original = (await build(shared)).document?.manifest.specHash;
    expect(original).toBe(nodeSha256(`${text}\u0000${shared}`));
    const changed = (await build(`${shared}# a comment\n`)).document?.manifest.specHash;
    expect(changed).not.toBe(original);
  });

  it('hashes non-ASCII text as UTF-8', () => {
    expect(specSourceHash(['Café – “quoted” 😀'])).toBe(nodeSha256('Café – “quoted” 😀'));
  });
});
