import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAMESPACE, manifestOrUndefined } from '../../../src/render/docx/manifest.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { xmlParts } from '../fixtures/docx-parts.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { sampleDocument, sampleManifest } from '../fixtures/sample-document.js';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await renderDocx(sampleDocument);
});

describe('clause manifest in the .docx', () => {
  it('round-trips through the manifest reader', () => {
    expect(manifestOrUndefined(bytes)).toEqual(sampleManifest);
  });

  it('is a custom XML part with its properties, relationship and content type', () => {
    const parts = xmlParts(bytes);
    expect(parts['customXml/item1.xml']).toContain(`<tenderManifest xmlns="${MANIFEST_NAMESPACE}"`);
    expect(parts['customXml/itemProps1.xml']).toContain(`<ds:schemaRef ds:uri="${MANIFEST_NAMESPACE}"/>`);
    expect(parts['customXml/_rels/item1.xml.rels']).toContain('Target="itemProps1.xml"');
    expect(parts['word/_rels/document.xml.rels']).toMatch(
      /<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/customXml" Target="..\/customXml\/item1.xml"\/>/,
    );
    expect(parts['[Content_Types].xml']).toContain(
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
    );
  });

  it('survives a re-zip in another order, and Word renumbering the custom XML items', () => {
    const files = unzipSync(bytes);
    const reordered = Object.fromEntries(Object.entries(files).reverse());
    expect(manifestOrUndefined(zipSync(reordered, { level: 9 }))).toEqual(sampleManifest);

    const { 'customXml/item1.xml': item, ...rest } = files;
    const renamed = zipSync({
      ...rest,
      'customXml/item1.xml': strToU8('<?xml version="1.0"?><b:Sources xmlns:b="bibliography"/>'),
      'customXml/item3.xml': item as Uint8Array,
    });
    expect(manifestOrUndefined(renamed)).toEqual(sampleManifest);
  });

  it('round-trips exactly whatever characters the manifest holds', async () => {
    expect(manifestOrUndefined(await renderDocx(hostileDocument))).toEqual(hostileDocument.manifest);
  });

  it('gives undefined for files without a valid manifest', () => {
    expect(manifestOrUndefined(new Uint8Array([1, 2, 3]))).toBeUndefined();
    const { 'customXml/item1.xml': _, ...withoutItem } = unzipSync(bytes);
    expect(manifestOrUndefined(zipSync(withoutItem))).toBeUndefined();
    const broken = zipSync({
      ...withoutItem,
      'customXml/item1.xml': strToU8(
        `<tenderManifest xmlns="${MANIFEST_NAMESPACE}">{"generator": 1}</tenderManifest>`,
      ),
    });
    expect(manifestOrUndefined(broken)).toBeUndefined();
    const notJson = zipSync({
      ...withoutItem,
      'customXml/item1.xml': strToU8(`<tenderManifest xmlns="${MANIFEST_NAMESPACE}">{nope</tenderManifest>`),
    });
    expect(manifestOrUndefined(notJson)).toBeUndefined();
  });
});
