import { rmSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenderDocument } from '../../../src/model/types.js';
import { bookmarkNames } from '../../../src/render/docx/bookmarks.js';
import { readManifest } from '../../../src/render/docx/manifest.js';
import { estimateModelPages } from '../../../src/render/docx/page-layout/estimate.js';
import { renderOdt } from '../../../src/render/odt/render-odt.js';
import { collectAnchors } from '../../../src/render/text.js';
import { exampleDocument, exampleFiles } from '../fixtures/examples.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { odtContentsEntries, odtParts } from '../fixtures/odt-parts.js';
import { sampleDocument, sampleManifest } from '../fixtures/sample-document.js';
import { hasCommand, runTool, tempFile } from '../fixtures/tools.js';

let bytes: Uint8Array;
let parts: Record<string, string>;
const dirs: string[] = [];
beforeAll(() => {
  bytes = renderOdt(sampleDocument);
  parts = odtParts(bytes);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('renderOdt: the package', () => {
  it('starts with the mimetype entry, stored uncompressed, then the manifest listing every part', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text');
    const manifest = parts['META-INF/manifest.xml'] ?? '';
    for (const path of ['content.xml', 'styles.xml', 'meta.xml', 'settings.xml', 'TenderKit/manifest.xml']) {
      expect(manifest).toContain(`manifest:full-path="${path}"`);
    }
    expect(manifest).toContain('manifest:version="1.3"');
  });

  it('is byte-for-byte the same every time, and dates every entry on the issue date', () => {
    expect(renderOdt(sampleDocument)).toEqual(bytes);
    const other = renderOdt({ ...sampleDocument, meta: { ...sampleDocument.meta, issueDate: '2030-06-15' } });
    expect(other).not.toEqual(bytes);
    expect(odtParts(other)['meta.xml']).toContain(
      '<meta:creation-date>2030-06-15T00:00:00</meta:creation-date>',
    );
  });

  it('carries the clause manifest, which readManifest reads back', () => {
    expect(readManifest(bytes)).toEqual({ ok: true, value: sampleManifest, warnings: [] });
  });

  it('writes strict ODF 1.3: version 1.3 on every part and no application extension namespaces', () => {
    for (const name of ['content.xml', 'styles.xml', 'meta.xml', 'settings.xml']) {
      expect(parts[name]).toContain('office:version="1.3"');
      expect(parts[name]).not.toMatch(/xmlns:(loext|officeooo|calcext|field|rpt|tableooo|drawooo)=/);
    }
  });
});

describe('renderOdt: the document', () => {
  it('has document properties and the language in meta.xml and the default style', () => {
    const meta = parts['meta.xml'] ?? '';
    expect(meta).toContain(`<dc:title>${sampleDocument.meta.title}</dc:title>`);
    expect(meta).toContain(`<dc:language>${sampleDocument.meta.language}</dc:language>`);
    expect(meta).toContain('<meta:user-defined meta:name="TenderReference" meta:value-type="string">');
    expect(meta).toContain(
      `<meta:document-statistic meta:page-count="${estimateModelPages(sampleDocument).pageCount}"/>`,
    );
    const [language, country] = sampleDocument.meta.language.split('-');
    expect(parts['styles.xml']).toContain(`fo:language="${language}" fo:country="${country}"`);
  });

  it('writes the contents with the same estimated page numbers as the .docx, linked to the headings’ bookmarks', () => {
    const entries = odtContentsEntries(parts['content.xml'] ?? '');
    const estimate = estimateModelPages(sampleDocument);
    const headings = sampleDocument.sections.flatMap((s) => [s, ...s.clauses]);
    expect(entries.map((e) => e.heading)).toEqual(headings.map((h) => `${h.number} ${h.title}`));
    expect(entries.map((e) => e.page)).toEqual(estimate.headingPages);
    const names = bookmarkNames(collectAnchors(sampleDocument.sections));
    for (const heading of headings) {
      const name = names.get(heading.anchor);
      expect(parts['content.xml']).toContain(`<text:bookmark-start text:name="${name}"/>`);
      expect(parts['content.xml']).toContain(`xlink:href="#${name}"`);
    }
  });

  it('writes headings at outline levels 1 and 2 with their legal numbers, and a page footer "Page X of Y"', () => {
    const content = parts['content.xml'] ?? '';
    const clause = sampleDocument.sections.flatMap((s) => s.clauses)[0];
    expect(clause).toBeDefined();
    expect(content).toMatch(
      new RegExp(
        `<text:h text:style-name="Heading_20_2" text:outline-level="2"><text:bookmark-start [^>]*/>${clause?.number.replace(/\./g, '\\.')}<text:tab/>`,
      ),
    );
    expect(content).toMatch(/<text:h text:style-name="P\d+" text:outline-level="1">/);
    expect(parts['styles.xml']).toMatch(
      /Page <text:page-number text:select-page="current">1<\/text:page-number> of <text:page-count>1<\/text:page-count>/,
    );
  });

  it('repeats table header rows, and makes bullets real lists', () => {
    const content = parts['content.xml'] ?? '';
    expect(content).toContain('<table:table-header-rows>');
    expect(content).toMatch(/<text:list text:style-name="L\d+"><text:list-item>/);
    expect(content).toMatch(/<text:list-level-style-bullet text:level="1" text:bullet-char="•">/);
  });

  it('shows clause guidance as a drafting note only when the model carries it', () => {
    const guided = sampleDocument.sections.flatMap((s) => s.clauses).find((c) => c.guidance?.length);
    expect(guided).toBeDefined();
    const title = `Guidance: ${guided?.clauseId} (version ${guided?.version})`;
    expect(parts['content.xml']).toContain('Drafting note for officers — delete before issue');
    expect(parts['content.xml']).toContain(title);
    const stripped: TenderDocument = {
      ...sampleDocument,
      sections: sampleDocument.sections.map((s) => ({
        ...s,
        clauses: s.clauses.map(({ guidance: _, ...c }) => c),
      })),
    };
    expect(odtParts(renderOdt(stripped))['content.xml']?.includes(title)).toBe(false);
  });
});

describe.skipIf(!hasCommand('jing') || !hasCommand('xmllint'))(
  'check-odt (OASIS ODF 1.3 RELAX NG via jing)',
  () => {
    it('passes for the fixture and a hostile model', () => {
      const fixture = tempFile('fixture.odt', bytes);
      const hostile = tempFile('hostile.odt', renderOdt(hostileDocument));
      dirs.push(fixture.dir, hostile.dir);
      const result = runTool('check-odt', [fixture.path, hostile.path]);
      expect(result.output).toContain('check-odt: 2 file(s), 0 problem(s)');
      expect(result.status).toBe(0);
    }, 120_000);

    it('passes for every example', async () => {
      const paths: string[] = [];
      for (const file of exampleFiles()) {
        const { dir, path } = tempFile(
          file.replace(/\.yaml$/, '.odt'),
          renderOdt(await exampleDocument(file)),
        );
        dirs.push(dir);
        paths.push(path);
      }
      const result = runTool('check-odt', paths);
      expect(result.output).toContain(`check-odt: ${paths.length} file(s), 0 problem(s)`);
      expect(result.status).toBe(0);
    }, 300_000);
  },
);
