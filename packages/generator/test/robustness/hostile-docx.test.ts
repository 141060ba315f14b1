/**
 * Hostile .docx files for the manifest reader: zip bombs (a stream that inflates far past its declared size, many
 * names pointing at one stream, too many entries), a slow-regex item and broken archives. Each is built in the test.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenModel, readManifest, redlineDocx, renderDocx } from '../../src/index.js';
import { ZIP_LIMITS } from '../../src/render/docx/bounded-zip.js';
import { readManifestChecked } from '../../src/render/docx/manifest.js';
import { sampleDocument, sampleManifest } from '../render/fixtures/sample-document.js';
import { buildZip, deflate, type ZipEntrySpec } from './zip-builder.js';

let real: Record<string, Uint8Array>;
beforeAll(async () => {
  real = unzipSync(await renderDocx(sampleDocument));
});

/** The real document's parts, stored, plus `extra`. */
function docxWith(extra: ZipEntrySpec[], drop: (name: string) => boolean = () => false): Uint8Array {
  const entries: ZipEntrySpec[] = Object.entries(real)
    .filter(([name]) => !drop(name))
    .map(([name, data]) => ({ name, data }));
  return buildZip([...entries, ...extra]);
}

const zeros = (bytes: number) => new Uint8Array(bytes);

describe('the manifest reader refuses zip bombs with a coded result, quickly', () => {
  it('reads the real manifest from a hand-built archive (the builder is sound)', () => {
    const result = readManifestChecked(docxWith([]));
    expect(result).toEqual({ ok: true, manifest: sampleManifest });
  });

  it('an item that inflates past the per-entry budget while declaring 1 KB', () => {
    const bomb = deflate(zeros(ZIP_LIMITS.maxEntryBytes + 1024 * 1024));
    const started = performance.now();
    const result = readManifestChecked(
      docxWith([{ name: 'customXml/item9.xml', data: bomb, deflated: true, declaredSize: 1024 }]),
    );
    expect(result).toMatchObject({ ok: false, code: 'ZIP_ENTRY_TOO_LARGE' });
    expect(result.ok ? '' : result.message).toContain('customXml/item9.xml');
    // The inflater stops at the budget instead of producing the whole stream.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('an item that declares more than the per-entry budget is not inflated at all', () => {
    const result = readManifestChecked(
      docxWith([
        { name: 'customXml/item9.xml', data: deflate(zeros(10)), deflated: true, declaredSize: 2 ** 31 },
      ]),
    );
    expect(result).toMatchObject({ ok: false, code: 'ZIP_ENTRY_TOO_LARGE' });
  });

  it('six names pointing at one stream pass the total budget and stop there', () => {
    const stream = deflate(zeros(20 * 1024 * 1024));
    const bombs: ZipEntrySpec[] = [{ name: 'customXml/item2.xml', data: stream, deflated: true }];
    for (let i = 3; i < 8; i++)
      bombs.push({
        name: `customXml/item${i}.xml`,
        data: stream,
        deflated: true,
        sameStreamAs: Object.keys(real).length,
      });
    const result = readManifestChecked(docxWith(bombs));
    expect(result).toMatchObject({ ok: false, code: 'ZIP_TOTAL_TOO_LARGE' });
  });

  it('more entries than the budget', () => {
    const many: ZipEntrySpec[] = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `word/media/x${i}.bin`,
      data: new Uint8Array(0),
    }));
    expect(readManifestChecked(buildZip(many))).toMatchObject({ ok: false, code: 'ZIP_TOO_MANY_ENTRIES' });
  });

  it('a damaged archive, a stream that does not inflate, and bytes that are no zip', () => {
    const good = docxWith([]);
    expect(readManifestChecked(good.slice(0, good.length - 30))).toMatchObject({
      ok: false,
      code: 'ZIP_INVALID',
    });
    expect(
      readManifestChecked(
        docxWith([{ name: 'customXml/item9.xml', data: new Uint8Array([0xff, 0xff, 0xff]), deflated: true }]),
      ),
    ).toMatchObject({ ok: false, code: 'ZIP_INVALID' });
    expect(readManifestChecked(new TextEncoder().encode('not a zip'))).toMatchObject({
      ok: false,
      code: 'ZIP_INVALID',
    });
    expect(readManifestChecked(null as unknown as Uint8Array)).toMatchObject({
      ok: false,
      code: 'ZIP_INVALID',
    });
  });

  it('a document without a manifest, and one whose manifest is not valid', () => {
    const none = docxWith([], (name) => name.startsWith('customXml/'));
    expect(readManifestChecked(none)).toMatchObject({ ok: false, code: 'MANIFEST_MISSING' });
    const broken = docxWith(
      [
        {
          name: 'customXml/item1.xml',
          data: new TextEncoder().encode(
            '<tenderManifest xmlns="urn:loti:tender-kit:manifest:1">{"x":1}</tenderManifest>',
          ),
        },
      ],
      (name) => name === 'customXml/item1.xml',
    );
    expect(readManifestChecked(broken)).toMatchObject({ ok: false, code: 'MANIFEST_INVALID' });
  });

  it('an item of <tenderManifest repeated (the old lazy regex took minutes) is read in linear time', () => {
    const item = `urn:loti:tender-kit:manifest:1${'<tenderManifest '.repeat(400_000)}`;
    const started = performance.now();
    const result = readManifestChecked(
      docxWith(
        [{ name: 'customXml/item1.xml', data: new TextEncoder().encode(item) }],
        (name) => name === 'customXml/item1.xml',
      ),
    );
    expect(result).toMatchObject({ ok: false, code: 'MANIFEST_MISSING' });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a manifest nested millions deep is refused before JSON.parse (which took 12 s on it)', () => {
    const item = `<tenderManifest xmlns="urn:loti:tender-kit:manifest:1">${'['.repeat(5_000_000)}</tenderManifest>`;
    const started = performance.now();
    const result = readManifestChecked(
      docxWith(
        [{ name: 'customXml/item1.xml', data: new TextEncoder().encode(item) }],
        (name) => name === 'customXml/item1.xml',
      ),
    );
    expect(result).toMatchObject({ ok: false, code: 'MANIFEST_INVALID' });
    expect(result.ok ? '' : result.message).toContain('nests deeper than 16 levels');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a prefixed root element still reads', () => {
    const xml = new TextDecoder()
      .decode(real['customXml/item1.xml'])
      .replace(/<(\/?)tenderManifest/g, '<$1m:tenderManifest');
    const result = readManifestChecked(
      docxWith(
        [{ name: 'customXml/item1.xml', data: new TextEncoder().encode(xml) }],
        (name) => name === 'customXml/item1.xml',
      ),
    );
    expect(result).toEqual({ ok: true, manifest: sampleManifest });
  });
  it('the public readManifest gives a failed Result with a coded reason for garbage, never undefined', async () => {
    const garbage = readManifest(new TextEncoder().encode('not a zip'), { file: 'garbage.docx' });
    expect(garbage.ok).toBe(false);
    expect(garbage.ok ? [] : garbage.issues).toEqual([
      expect.objectContaining({
        code: 'ZIP_INVALID',
        severity: 'error',
        message: expect.stringMatching(/^garbage\.docx cannot be read: .+\.$/),
      }),
    ]);
    const none = readManifest(null as unknown as Uint8Array);
    expect(none.ok ? undefined : none.issues[0]?.code).toBe('ZIP_INVALID');
    const good = readManifest(await renderDocx(sampleDocument));
    expect(good.ok && good.value).toEqual(sampleManifest);
  });
});

describe('the redline reads every part of the new document within the budgets', () => {
  it('redlines a sound hand-built document', () => {
    const redline = redlineDocx(docxWith([]), flattenModel(sampleDocument));
    expect(redline?.bytes.length).toBeGreaterThan(0);
  });

  it('refuses a document with a bomb in a part the comparison never reads', () => {
    // The redline re-packs every part, so a media file that inflates past the budget must stop it too.
    const bomb = deflate(zeros(ZIP_LIMITS.maxEntryBytes + 1024 * 1024));
    const hostile = docxWith([
      { name: 'word/media/image9.png', data: bomb, deflated: true, declaredSize: 1024 },
    ]);
    expect(redlineDocx(hostile, flattenModel(sampleDocument))).toBeUndefined();
  });
});
