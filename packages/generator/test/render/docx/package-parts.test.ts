import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { normalisePackage } from '../../../src/render/docx/normalise.js';
import { compiledParts, packDocument } from '../../../src/render/docx/package-parts.js';
import { buildDocxDocument } from '../../../src/render/docx/render-docx.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { sampleDocument } from '../fixtures/sample-document.js';

describe('packDocument', () => {
  it.each([
    ['sample', sampleDocument, true],
    ['hostile', hostileDocument, false],
  ])(
    "takes the one-zip path through docx's compiler (%s document; fails if a docx upgrade changes it)",
    (_, doc, hasLogo) => {
      const parts = compiledParts(buildDocxDocument(doc));
      expect(parts).toBeInstanceOf(Map);
      expect([...(parts?.keys() ?? [])]).toEqual(
        expect.arrayContaining(['word/document.xml', '[Content_Types].xml']),
      );
      // The sample's logo comes through as bytes; the hostile one is not a valid image, so it has none.
      expect(
        [...(parts?.entries() ?? [])].some(
          ([path, data]) => path.startsWith('word/media/') && data instanceof Uint8Array,
        ),
      ).toBe(hasLogo);
    },
  );

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
