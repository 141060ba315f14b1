import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { part } from '../fixtures/docx-parts.js';
import { sampleDocument } from '../fixtures/sample-document.js';
import { hasCommand, runTool, tempFile } from '../fixtures/tools.js';
import { renderDocx } from './render-docx.js';

/**
 * The fixture against independent readers: libxml2 with the OOXML schemas, and LibreOffice, whose PDF also tells us
 * on which page each heading really is, to compare with the page numbers written in the contents.
 */
let file: { dir: string; path: string };
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await renderDocx(sampleDocument);
  file = tempFile('fixture.docx', bytes);
  return () => rmSync(file.dir, { recursive: true, force: true });
});

describe('the fixture in independent readers', () => {
  it.skipIf(!hasCommand('xmllint'))('passes check-docx', () => {
    const result = runTool('check-docx', [file.path]);
    expect(result.output).toContain('check-docx: 1 file(s), 0 problem(s)');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))(
    'opens in LibreOffice, and the contents page numbers match its pages',
    () => {
      const out = join(file.dir, 'out');
      const result = runTool('render-docx', [file.path, out]);
      expect(result.status).toBe(0);
      const pages = Number(/\((\d+) pages\)/.exec(result.output)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(5);

      const pdf = join(out, 'fixture.pdf');
      const pageText = (page: number) =>
        spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
          encoding: 'utf8',
        }).stdout;
      const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
      expect(texts[pages - 1]).toContain(`Page ${pages} of ${pages}`);

      const documentXml = part(bytes, 'word/document.xml');
      const toc = documentXml.slice(documentXml.indexOf('<w:sdt>'), documentXml.indexOf('</w:sdt>'));
      const written = [
        ...toc.matchAll(
          /<w:t xml:space="preserve">([^<]+)<\/w:t><\/w:r><w:r><w:tab\/>[\s\S]*?<w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g,
        ),
      ].map((m) => ({ heading: m[1] ?? '', page: Number(m[2]) }));
      expect(written).toHaveLength(
        sampleDocument.sections.length + sampleDocument.sections.flatMap((s) => s.clauses).length,
      );
      for (const { heading, page } of written) {
        const [number, ...title] = heading.split(' ');
        const pattern = new RegExp(`^\\s*${(number ?? '').replace(/\./g, '\\.')}\\s+${title.join(' ')}`, 'm');
        // Skip the cover and contents pages, which also list the headings.
        const actual = texts.findIndex((text, i) => i >= 2 && pattern.test(text)) + 1;
        expect({ heading, page: actual }).toEqual({ heading, page });
      }
    },
    300_000,
  );
});
