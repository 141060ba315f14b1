/**
 * Runs one large comparison case in this process and prints {"name","ms","heapMb"} as one JSON line. Started by
 * redline-scale.test.ts with a capped heap, so a case that needs more memory fails with an out-of-memory error.
 */
import { diffDocuments } from '../../src/compare/diff-documents.js';
import { docxParagraphs } from '../../src/compare/docx-paragraphs.js';
import type { FlatParagraph } from '../../src/compare/paragraphs.js';
import { redlineDocumentXml } from '../../src/compare/redline.js';
import { flattenParagraphs } from '../../src/compare/units.js';
import type { DocumentManifest } from '../../src/model/types.js';

const words = (i: number, n: number) =>
  Array.from({ length: n }, (_, k) => `word${(i * 7 + k * 13) % 997}`).join(' ');

function manifest(clauses: number, references: number, shift: number): DocumentManifest {
  return {
    generator: 'test',
    clausesPackageVersion: '1.0.0',
    specReference: 'T-1',
    clauses: Array.from({ length: clauses }, (_, i) => ({
      id: `topic/clause-${i}`,
      version: '1.0.0',
      hash: `h${i}`,
      number: `${Math.floor(i / 100) + 1}.${(i % 100) + 1}`,
      reasons: [],
    })),
    excluded: [],
    references: Array.from({ length: references }, (_, i) => `reference-${i + shift}`),
  };
}

/** Paragraphs of a document with `clauses` clauses (heading + one paragraph of about 100 characters each). */
function paragraphs(clauses: number, changeEvery: number): FlatParagraph[] {
  const out: FlatParagraph[] = [];
  for (let i = 0; i < clauses; i += 1) {
    if (i % 100 === 0) out.push({ role: 'heading1', text: `${i / 100 + 1}\tSection ${i / 100 + 1}` });
    out.push({ role: 'heading2', text: `${Math.floor(i / 100) + 1}.${(i % 100) + 1}\tClause ${i}` });
    const changed = changeEvery > 0 && i % changeEvery === 0 ? ' and more' : '';
    out.push({ role: 'text', text: `The Supplier must ${words(i, 12)}${changed}.` });
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The same paragraphs as WordprocessingML, shaped as render-docx writes them. */
function bodyXml(list: readonly FlatParagraph[]): string {
  const style = { heading1: 'Heading1', heading2: 'Heading2', text: 'ClauseText' } as Record<string, string>;
  const parts = list.map((p) => {
    const [number, rest] = p.text.includes('\t') ? p.text.split('\t') : [undefined, p.text];
    const run = number
      ? `<w:r><w:t xml:space="preserve">${escapeXml(number)}</w:t><w:tab/><w:t xml:space="preserve">${escapeXml(rest ?? '')}</w:t></w:r>`
      : `<w:r><w:t xml:space="preserve">${escapeXml(rest ?? '')}</w:t></w:r>`;
    return `<w:p><w:pPr><w:pStyle w:val="${style[p.role]}"/></w:pPr>${run}</w:p>`;
  });
  return `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join('')}</w:body></w:document>`;
}

const cases: Record<string, () => void> = {
  /** Two documents of about 0.5 MB of text with 200,000 references each. */
  'references-200k': () => {
    const old = flattenParagraphs(paragraphs(4_000, 0), manifest(4_000, 200_000, 0));
    const now = flattenParagraphs(paragraphs(4_000, 50), manifest(4_000, 200_000, 1_000));
    const diff = diffDocuments(old, now);
    if (diff.manifest.referencesAdded.length !== 1_000) throw new Error('wrong reference diff');
    if (diff.changes.length !== 80) throw new Error(`expected 80 changes, got ${diff.changes.length}`);
  },
  /** A redline of a 100,000-clause document against an older one with every 100th clause changed. */
  'redline-100k-clauses': () => {
    const oldParagraphs = paragraphs(100_000, 0);
    const xml = bodyXml(paragraphs(100_000, 100));
    const newParagraphs = docxParagraphs(xml);
    const diff = diffDocuments(
      flattenParagraphs(oldParagraphs, manifest(100_000, 0, 0)),
      flattenParagraphs(newParagraphs, manifest(100_000, 0, 0)),
    );
    if (diff.changes.length !== 1_000) throw new Error(`expected 1000 changes, got ${diff.changes.length}`);
    const redline = redlineDocumentXml(xml, newParagraphs, oldParagraphs, diff.paragraphs, {
      author: 'Test',
      date: '2027-01-01T00:00:00Z',
    });
    const inserted = redline.split('<w:ins ').length - 1;
    if (inserted !== 1_000) throw new Error(`expected 1000 insertions, got ${inserted}`);
  },
};

const name = process.argv[2] ?? '';
const run = cases[name];
if (!run) throw new Error(`no case ${name}`);
const started = performance.now();
run();
const ms = performance.now() - started;
console.log(JSON.stringify({ name, ms, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }));
