import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { sampleDocument } from '../fixtures/sample-document.js';
import { normalisePackage } from './normalise.js';
import { compilesPartsDirectly, packDocument } from './package-parts.js';
import { buildDocxDocument } from './render-docx.js';

describe('packDocument', () => {
  it("takes the one-zip path through docx's compiler (fails if a docx upgrade removes it)", () => {
    expect(compilesPartsDirectly()).toBe(true);
  });

  it.each([
    ['sample', sampleDocument],
    ['hostile', hostileDocument],
  ])('gives the same bytes as packing with the public API and normalising (%s document)', async (_, doc) => {
    const options = { issueDate: doc.meta.issueDate, manifest: doc.manifest };
    const direct = await packDocument(buildDocxDocument(doc), options);
    const viaZip = normalisePackage(await Packer.pack(buildDocxDocument(doc), 'uint8array'), options);
    expect(Buffer.from(direct).equals(Buffer.from(viaZip))).toBe(true);
  });
});
