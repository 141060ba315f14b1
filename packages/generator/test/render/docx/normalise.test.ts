import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixedDay, normalisePackage } from '../../../src/render/docx/normalise.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { sampleDocument } from '../fixtures/sample-document.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Local file headers of a zip, in order: name and DOS date/time fields. */
function zipEntries(bytes: Uint8Array): { name: string; time: number; date: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: { name: string; time: number; date: number }[] = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength));
    entries.push({ name, time: view.getUint16(offset + 10, true), date: view.getUint16(offset + 12, true) });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return entries;
}

describe('determinism', () => {
  it('gives byte-identical output for the same model, even with other documents rendered in between', async () => {
    const first = await renderDocx(sampleDocument);
    await renderDocx(hostileDocument);
    await renderDocx({ ...sampleDocument, meta: { ...sampleDocument.meta, title: 'Another tender' } });
    const second = await renderDocx(sampleDocument);
    expect(sha256(second)).toBe(sha256(first));
  });

  it('gives the same bytes in a fresh process', async () => {
    const inProcess = sha256(await renderDocx(sampleDocument));
    const script = fileURLToPath(new URL('../fixtures/render-sample.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 120_000,
      // Another zone shows that the zip's local-time date fields do not depend on it.
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe(inProcess);
  });

  it('re-zips with [Content_Types].xml first, then sorted entries, all dated on the issue date', async () => {
    const entries = zipEntries(await renderDocx(sampleDocument));
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    expect(entries[1]?.name).toBe('_rels/.rels');
    const rest = entries.slice(2).map((e) => e.name);
    expect(rest).toEqual([...rest].sort());
    // DOS date: years since 1980 << 9 | month << 5 | day; time 12:00:00.
    const dosDate = ((2027 - 1980) << 9) | (2 << 5) | 1;
    for (const entry of entries) {
      expect(entry.date).toBe(dosDate);
      expect(entry.time).toBe(12 << 11);
    }
  });
});

describe('normalisePackage', () => {
  const pack = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));
  const read = (bytes: Uint8Array, path: string) => new TextDecoder().decode(unzipSync(bytes)[path]);

  it('renumbers random relationship ids and the references to them', () => {
    const input = pack({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml':
        '<w:document><w:hyperlink r:id="rIdq8x1z"/><w:hyperlink r:id="rId7"/><w:t>rIdq8x1z</w:t></w:document>',
      'word/_rels/document.xml.rels':
        '<Relationships><Relationship Id="rId7" Target="a"/><Relationship Id="rIdq8x1z" Target="b"/></Relationships>',
    });
    const out = normalisePackage(input, { issueDate: '2027-02-01' });
    expect(read(out, 'word/_rels/document.xml.rels')).toBe(
      '<Relationships><Relationship Id="rId1" Target="a"/><Relationship Id="rId2" Target="b"/></Relationships>',
    );
    // Text that happens to look like an id is left alone.
    expect(read(out, 'word/document.xml')).toBe(
      '<w:document><w:hyperlink r:id="rId2"/><w:hyperlink r:id="rId1"/><w:t>rIdq8x1z</w:t></w:document>',
    );
  });

  it('renumbers bookmark ids, _Toc names and drawing ids in order of appearance', () => {
    const input = pack({
      'word/document.xml': [
        '<w:hyperlink w:anchor="_Toc57"/><w:instrText>PAGEREF _Toc57 \\h</w:instrText>',
        '<w:bookmarkStart w:name="_Toc57" w:id="41"/><w:bookmarkEnd w:id="41"/>',
        '<w:bookmarkStart w:name="x" w:id="40"/><w:bookmarkEnd w:id="40"/><w:t>_Toc57</w:t>',
        '<wp:docPr id="9" name="Logo"/><pic:cNvPr id="0" name=""/>',
      ].join(''),
    });
    expect(read(normalisePackage(input, { issueDate: '2027-02-01' }), 'word/document.xml')).toBe(
      [
        '<w:hyperlink w:anchor="_Toc1"/><w:instrText>PAGEREF _Toc1 \\h</w:instrText>',
        '<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkEnd w:id="1"/>',
        '<w:bookmarkStart w:name="x" w:id="2"/><w:bookmarkEnd w:id="2"/><w:t>_Toc57</w:t>',
        '<wp:docPr id="1" name="Logo"/><pic:cNvPr id="1" name=""/>',
      ].join(''),
    );
  });

  it('numbers _Toc names in order of first appearance, whether a name, an anchor or a PAGEREF comes first', () => {
    const input = pack({
      'word/document.xml': [
        '<w:instrText>PAGEREF _Toc9 \\h</w:instrText><w:hyperlink w:anchor="_Toc5"/>',
        '<w:bookmarkStart w:id="3" w:name="_Toc5"/><w:bookmarkStart w:name="_Toc9" w:id="4"/>',
      ].join(''),
    });
    expect(read(normalisePackage(input, { issueDate: '2027-02-01' }), 'word/document.xml')).toBe(
      [
        '<w:instrText>PAGEREF _Toc1 \\h</w:instrText><w:hyperlink w:anchor="_Toc2"/>',
        '<w:bookmarkStart w:id="1" w:name="_Toc2"/><w:bookmarkStart w:name="_Toc1" w:id="2"/>',
      ].join(''),
    );
  });

  it('fixes the core dates to the issue date', () => {
    const core =
      '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09.123Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09.999Z</dcterms:modified></cp:coreProperties>';
    const out = read(
      normalisePackage(pack({ 'docProps/core.xml': core }), { issueDate: '2027-02-01' }),
      'docProps/core.xml',
    );
    expect(out).toContain('>2027-02-01T00:00:00Z</dcterms:created>');
    expect(out).toContain('>2027-02-01T00:00:00Z</dcterms:modified>');
  });

  it('falls back to 1980-01-01 for issue dates a zip cannot hold', () => {
    expect(fixedDay('2027-02-01')).toBe('2027-02-01');
    expect(fixedDay('2027-02-01T09:30')).toBe('2027-02-01');
    expect(fixedDay('1970-01-01')).toBe('1980-01-01');
    expect(fixedDay('2027-13-01')).toBe('1980-01-01');
    expect(fixedDay('not a date')).toBe('1980-01-01');
  });
});
