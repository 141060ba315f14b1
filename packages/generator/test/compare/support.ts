import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { decodeXmlText, docxParagraphs } from '../../src/compare/docx-paragraphs.js';
import type { TenderDocument } from '../../src/model/types.js';
import { createNodeReader } from '../../src/node/index.js';
import { buildTenderModel } from '../../src/pipeline.js';
import { inMemoryReader } from '../../src/spec/reader.js';
import { outcome } from '../helpers.js';

export const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));
export const HOUSING = readFileSync(join(EXAMPLES, 'housing-management-system.yaml'), 'utf8');

/** Builds a spec's document model from its text (the housing example's text, changed by a test). */
export async function modelOf(text: string): Promise<TenderDocument> {
  const result = outcome(
    await buildTenderModel('/specs/tender.yaml', inMemoryReader({ '/specs/tender.yaml': text })),
  );
  expect(result.errors).toEqual([]);
  return result.document as TenderDocument;
}

/** Builds a spec file from disk, with its includes. */
export async function modelOfFile(path: string): Promise<TenderDocument> {
  const result = outcome(await buildTenderModel(path, createNodeReader({ root: dirname(path) })));
  expect(result.errors).toEqual([]);
  return result.document as TenderDocument;
}

/** Replaces text that must be there: a test that changes nothing would prove nothing. */
export function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

export function documentXml(docx: Uint8Array): string {
  return strFromU8(
    unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] as Uint8Array,
  );
}

/** The offset just after the element that starts at `start` (same-name elements nest, e.g. tables in tables). */
function elementEnd(xml: string, start: number, name: string): number {
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  tag.lastIndex = start;
  let depth = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (match[2]) {
      if (depth === 0) return tag.lastIndex;
      continue;
    }
    depth += match[1] ? -1 : 1;
    if (depth === 0) return tag.lastIndex;
  }
  throw new Error(`unclosed <${name}> at ${start}`);
}

/**
 * Accepts every tracked change as Word does, by XML manipulation: a row or paragraph whose mark is deleted goes,
 * deleted runs (w:del) go, inserted runs (w:ins) stay without their wrapper, and the revision marks go.
 */
export function acceptAll(xml: string): string {
  let out = '';
  let cursor = 0;
  const start = /<w:(tr|p|del|ins)(?=[\s/>])[^>]*?(\/?)>/g;
  for (let match = start.exec(xml); match; match = start.exec(xml)) {
    const [whole, name, selfClosing] = match;
    const at = match.index;
    let remove = false;
    if (name === 'del' || (name === 'ins' && selfClosing)) remove = true;
    else if (name === 'tr' && !selfClosing) {
      remove = /^<w:trPr>(?:(?!<\/w:trPr>).)*<w:del /s.test(
        xml.slice(at + whole.length, at + whole.length + 400),
      );
    } else if (name === 'p' && !selfClosing) {
      const close = xml.indexOf('</w:pPr>', at);
      const firstEnd = xml.indexOf('</w:p>', at);
      remove = close >= 0 && close < firstEnd && /<w:rPr><w:del /.test(xml.slice(at, close));
    } else if (name === 'ins') {
      out += xml.slice(cursor, at);
      cursor = at + whole.length;
      continue;
    }
    if (!remove) continue;
    out += xml.slice(cursor, at);
    cursor = selfClosing ? at + whole.length : elementEnd(xml, at, `w:${name}`);
    start.lastIndex = cursor;
  }
  out += xml.slice(cursor);
  return out.replace(/<\/w:ins>/g, '').replace(/<w:rPr><\/w:rPr>/g, '');
}

/**
 * Every paragraph's text as a naive reader takes it: all w:t and w:delText in document order, so deleted text left
 * behind shows. Accept-all must remove it for the texts to match the new build's.
 */
export function naiveParagraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((chunk) =>
      [...chunk.matchAll(/<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<w:tab\/>/g)]
        .map((m) => (m[0] === '<w:tab/>' ? '\t' : decodeXmlText(m[2] ?? '')))
        .join(''),
    )
    .filter((text) => text.trim() !== '');
}

/** Paragraph texts of a body, in order, with where they are in tables. */
export function paragraphTexts(xml: string): string[] {
  return docxParagraphs(xml).map((p) => `${p.role}|${p.cell ? `${p.cell.row}:${p.cell.col}` : ''}|${p.text}`);
}

/** Runs the shared OOXML check where this checkout has it (CI sees the shared folder at ../shared). */
export function expectValidDocx(bytes: Uint8Array): void {
  const tool = fileURLToPath(new URL('../../../../../shared/tools/check-docx', import.meta.url));
  if (!existsSync(tool) || spawnSync('xmllint', ['--version']).status !== 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'redline-'));
  try {
    const file = join(dir, 'redline.docx');
    writeFileSync(file, bytes);
    const checked = spawnSync(tool, [file], { encoding: 'utf8' });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
