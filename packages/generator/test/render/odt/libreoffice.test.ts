import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { renderOdt } from '../../../src/render/odt/render-odt.js';
import { exampleDocument, exampleFiles } from '../fixtures/examples.js';
import { odtContentsEntries, odtParts } from '../fixtures/odt-parts.js';
import { sampleDocument } from '../fixtures/sample-document.js';
import { hasCommand, runTool, tempFile } from '../fixtures/tools.js';

/**
 * The .odt in LibreOffice, against the .docx of the same model: LibreOffice converts both to PDF; the .odt's page count
 * must be within 10% of the .docx's, and each heading must sit on the page its contents entry says (the check the
 * .docx has in docx/libreoffice.test.ts).
 */
const withLibreOffice = hasCommand('soffice') && hasCommand('pdftotext');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pdfPages(path: string): { pages: number; texts: string[] } {
  const out = join(path, '..', 'out');
  const result = runTool('render-docx', [path, out]);
  expect(result.status, result.output).toBe(0);
  const pages = Number(/\((\d+) pages\)/.exec(result.output)?.[1]);
  const pdf = join(out, `${path.replace(/^.*\//, '').replace(/\.[^.]+$/, '')}.pdf`);
  const texts = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .stdout.split('\f')
    .slice(0, pages);
  return { pages, texts };
}

function compare(name: string, odt: Uint8Array, docx: Uint8Array) {
  const odtFile = tempFile(`${name}.odt`, odt);
  const docxFile = tempFile(`${name}.docx`, docx);
  dirs.push(odtFile.dir, docxFile.dir);
  const { pages, texts } = pdfPages(odtFile.path);
  const docxPages = pdfPages(docxFile.path).pages;
  expect(texts[pages - 1]).toContain(`Page ${pages} of ${pages}`);
  const leader = /\.{5,}\s*\d+\s*$/m;
  let from = texts.findLastIndex((text, i) => i < pages / 2 + 2 && leader.test(text)) + 1;
  const headings = odtContentsEntries(odtParts(odt)['content.xml'] ?? '').map(({ heading, page }) => {
    const [number = '', ...title] = heading.split(' ');
    const words = title.join(' ').split(/\s+/).slice(0, 4).map(escapeRegExp).join('\\s+');
    const pattern = new RegExp(`^\\s*${escapeRegExp(number)}\\s+${words}`, 'm');
    const index = texts.findIndex((text, i) => i >= from && pattern.test(text));
    if (index >= 0) from = index;
    return { heading, written: page, actual: index + 1 };
  });
  const errors = headings.map((h) => Math.abs(h.written - h.actual));
  return {
    pages,
    docxPages,
    headings,
    exact: errors.filter((e) => e === 0).length / errors.length,
    worst: Math.max(...errors),
  };
}

describe.skipIf(!withLibreOffice)('the .odt in LibreOffice', () => {
  it.each(['fixture', ...exampleFiles()])(
    '%s: page count within 10% of the .docx, headings on the pages the contents say',
    async (file) => {
      const doc = file === 'fixture' ? sampleDocument : await exampleDocument(file);
      const name = file.replace(/\.yaml$/, '');
      const result = compare(name, renderOdt(doc), await renderDocx(doc));
      expect(result.headings.every((h) => h.actual > 2)).toBe(true);
      expect(Math.abs(result.pages - result.docxPages)).toBeLessThanOrEqual(result.docxPages * 0.1);
      expect(result.exact).toBeGreaterThanOrEqual(0.85);
      expect(result.worst).toBeLessThanOrEqual(2);
    },
    300_000,
  );
});
