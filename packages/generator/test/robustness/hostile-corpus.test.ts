/**
 * The committed hostile inputs in test/fixtures/hostile/, each with its expected outcome. Large inputs are
 * generated at test time in hostile-limits.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTenderModel, inMemoryReader, type SpecFileReader } from '../../src/index.js';
import { type Outcome, outcome } from '../helpers.js';
import {
  checkDocxFiles,
  codes,
  documentText,
  docxParts,
  expectConsistent,
  expectNoRawMarkup,
  FIXTURES,
  renderers,
  within,
} from './support.js';

/** Every fixture, mounted at /corpus, plus files that must never be read. */
const FILES: Record<string, string> = { '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n' };
function mount(folder: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) mount(path);
    else if (name.endsWith('.yaml'))
      FILES[`/corpus/${relative(FIXTURES, path)}`] = readFileSync(path, 'utf8');
  }
}
mount(FIXTURES);

const NEVER_READ = ['/etc/passwd', '/corpus/include-outside/shared.yaml'];

/** Builds a fixture through an in-memory reader that records every path asked for. */
async function build(name: string): Promise<Outcome & { reads: string[]; ms: number }> {
  const reads: string[] = [];
  const inner = inMemoryReader(FILES);
  const reader: SpecFileReader = {
    readText: (path) => {
      reads.push(path);
      return inner.readText(path);
    },
    readBinary: (path) => {
      reads.push(path);
      return (inner.readBinary as NonNullable<SpecFileReader['readBinary']>)(path);
    },
  };
  const file = `/corpus/${name}`;
  const { value: result, ms } = await within(5_000, name, () => buildTenderModel(file, reader));
  const value = outcome(result);
  expectConsistent(value);
  for (const path of NEVER_READ) expect(reads).not.toContain(path);
  return { ...value, reads, ms };
}

function at(result: Outcome, code: string): { file: string; line: number; column: number } {
  const issue = result.errors.find((e) => e.code === code);
  expect(issue, `no ${code} in ${codes(result.errors).join(', ')}`).toBeDefined();
  return issue?.position as { file: string; line: number; column: number };
}

describe('hostile corpus: YAML', () => {
  it('an alias bomb (9 levels of 9 aliases) stops at YAML_ALIAS_LIMIT, quickly', async () => {
    const result = await build('alias-bomb.yaml');
    expect(codes(result.errors)).toEqual(['YAML_ALIAS_LIMIT']);
    expect(result.ms).toBeLessThan(2_000);
  });

  it('an alias bomb in an included file stops too', async () => {
    const result = await build('alias-bomb-in-include.yaml');
    expect(codes(result.errors)).toEqual(['YAML_ALIAS_LIMIT']);
    expect(at(result, 'YAML_ALIAS_LIMIT').file).toBe('/corpus/alias-bomb.yaml');
  });

  it('a duplicate key is YAML_DUPLICATE_KEY at the second key', async () => {
    const result = await build('duplicate-key.yaml');
    expect(codes(result.errors)).toEqual(['YAML_DUPLICATE_KEY']);
    expect(at(result, 'YAML_DUPLICATE_KEY')).toEqual({
      file: '/corpus/duplicate-key.yaml',
      line: 7,
      column: 3,
    });
  });

  it('broken syntax is YAML_SYNTAX; a list is NOT_A_MAPPING', async () => {
    expect(codes((await build('yaml-syntax.yaml')).errors)).toEqual(['YAML_SYNTAX']);
    expect(codes((await build('not-a-mapping.yaml')).errors)).toEqual(['NOT_A_MAPPING']);
  });

  it('tags from other loaders run no code and are refused where they are', async () => {
    const result = await build('yaml-tags.yaml');
    expect(result.document).toBeUndefined();
    expect(codes(result.errors)).toEqual(['YAML_TAG_UNSUPPORTED']);
    expect(result.errors.map((e) => e.position?.line)).toEqual([3, 4, 6]);
    expect(result.errors[1]?.message).toContain('!!binary');
    expect(result.errors[2]?.message).toContain('!custom');
  });

  it('under %YAML 1.1 a date-like value stays text (the core schema always applies)', async () => {
    const result = await build('yaml-1-1.yaml');
    expect(result.errors).toEqual([]);
    expect(result.document?.cover.reference).toBe('2027-01-04');
  });

  it('an alias with no anchor is YAML_ALIAS_UNRESOLVED at the alias', async () => {
    const result = await build('alias-unresolved.yaml');
    expect(codes(result.errors)).toEqual(['YAML_ALIAS_UNRESOLVED']);
    expect(at(result, 'YAML_ALIAS_UNRESOLVED')).toMatchObject({ line: 2, column: 10 });
    expect(result.errors[0]?.message).toContain('*nowhere');
  });

  it('an alias inside its own anchor is YAML_ALIAS_CYCLE, not a stack overflow', async () => {
    const result = await build('alias-self.yaml');
    expect(codes(result.errors)).toEqual(['YAML_ALIAS_CYCLE']);
    expect(at(result, 'YAML_ALIAS_CYCLE')).toMatchObject({ line: 1, column: 14 });
  });

  it('old-Mac CR line endings are read as lines', async () => {
    const result = await build('cr-only.yaml');
    expect(codes(result.errors)).toEqual(['ENUM_INVALID']);
    expect(at(result, 'ENUM_INVALID')).toMatchObject({ line: 6, column: 14 });
  });

  it('__proto__ and constructor keys are unknown fields, and nothing is polluted', async () => {
    const result = await build('proto-key.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it('fields hidden under __proto__ are not silently used as the spec', async () => {
    const text = [
      '__proto__:',
      '  tender:',
      '    title: Hidden under proto',
      '    reference: P-1',
      '    authority:',
      '      name: London Borough of Proto',
      '    procedure: open',
      'clauses:',
      '  automatic: false',
      '',
    ].join('\n');
    const result = outcome(
      await buildTenderModel('/x/tender.yaml', inMemoryReader({ '/x/tender.yaml': text })),
    );
    expectConsistent(result);
    expect(result.document).toBeUndefined();
    expect(codes(result.errors)).toContain('FIELD_UNKNOWN');
  });
});

describe('hostile corpus: includes', () => {
  it('a cycle of two files is INCLUDE_CYCLE at the include that closes it', async () => {
    const result = await build('include-cycle/a.yaml');
    expect(codes(result.errors)).toEqual(['INCLUDE_CYCLE']);
    expect(at(result, 'INCLUDE_CYCLE')).toEqual({
      file: '/corpus/include-cycle/b.yaml',
      line: 3,
      column: 10,
    });
  });

  it('a file including itself is INCLUDE_CYCLE', async () => {
    const result = await build('include-cycle/self.yaml');
    expect(codes(result.errors)).toEqual(['INCLUDE_CYCLE']);
    expect(at(result, 'INCLUDE_CYCLE')).toMatchObject({ line: 1, column: 10 });
  });

  it.each(['relative.yaml', 'absolute.yaml', 'sneaky.yaml'])(
    '%s: a path outside the spec folder is INCLUDE_OUTSIDE_FOLDER and is never read',
    async (name) => {
      const result = await build(`include-outside/specs/${name}`);
      expect(codes(result.errors)).toEqual(['INCLUDE_OUTSIDE_FOLDER']);
      expect(at(result, 'INCLUDE_OUTSIDE_FOLDER')).toMatchObject({
        file: `/corpus/include-outside/specs/${name}`,
      });
      expect(result.reads).toEqual([`/corpus/include-outside/specs/${name}`]);
    },
  );

  it('a chain deeper than the limit is INCLUDE_TOO_DEEP', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++)
      files[`/deep/f${i}.yaml`] = `include: f${i + 1}.yaml\ntender:\n  title: Level ${i}\n`;
    files['/deep/f12.yaml'] = 'tender: {}\n';
    const result = outcome(await buildTenderModel('/deep/f0.yaml', inMemoryReader(files)));
    expectConsistent(result);
    expect(codes(result.errors)).toEqual(['INCLUDE_TOO_DEEP']);
  });
});

describe('hostile corpus: values are text', () => {
  const docx: Record<string, Uint8Array> = {};
  const results: Record<string, Outcome> = {};
  beforeAll(async () => {
    for (const name of ['placeholders.yaml', 'markup.yaml', 'bom-crlf.yaml']) {
      results[name] = await build(name);
      const document = results[name].document;
      if (document) docx[name] = await renderers.renderDocx(document);
    }
  }, 60_000);

  it('placeholders in values print literally', () => {
    const result = results['placeholders.yaml'] as Outcome;
    expect(result.errors).toEqual([]);
    expect(result.document?.cover.title).toBe('{{tender.title}} for {{authority.name}}');
    const text = documentText(docx['placeholders.yaml'] as Uint8Array);
    for (const literal of [
      '{{tender.title}} for {{authority.name}}',
      'REF-{{tender.reference}}',
      'London Borough of {{x}}',
      '{{tender.submissionDeadline}}',
      'Show {{authority.name}} literally.',
      // A variable's value is inserted once, not expanded again.
      'use only these file formats: {{tender.title}}',
      'through {{tender.portal}}',
      'The text {{processingPurpose}} stays as it is',
    ]) {
      expect(text).toContain(literal);
    }
    // Officers' Markdown is parsed, so inner spacing may be normalised; the braces still print.
    expect(text).toMatch(/so does \{\{ ?spaced ?\}\}/);
  });

  it('Markdown, WordprocessingML and HTML in values are escaped text, never markup', () => {
    const result = results['markup.yaml'] as Outcome;
    expect(result.errors).toEqual([]);
    const bytes = docx['markup.yaml'] as Uint8Array;
    const text = documentText(bytes);
    for (const literal of [
      '**Bold?** <w:p><w:r><w:t>Injected</w:t></w:r></w:p>',
      '</w:t></w:r></w:p><w:p><w:r><w:t>BROKEN',
      "<script>alert('x')</script> & Sons",
      '# Not a heading <img src=x onerror=alert(1)>',
      '_Quality_ <i>x</i>',
      '<w:br/><w:br/>',
      'OFFICIAL</w:t><w:t>',
    ]) {
      expect(text).toContain(literal);
    }
    const parts = docxParts(bytes);
    const xml = parts['word/document.xml'] as string;
    // The injected markup exists only escaped: no element it names was created.
    expect(xml).not.toContain('<w:t>Injected</w:t>');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/<w:instrText[^>]*>HYPERLINK "http:\/\/evil/);
    const rels = Object.entries(parts)
      .filter(([path]) => path.endsWith('.rels'))
      .map(([, body]) => body)
      .join('\n');
    expect(rels).not.toMatch(/javascript:|evil\.example|file:/);
    // Raw HTML and a javascript: link in the background Markdown are left out, with warnings.
    expect(codes(result.warnings).filter((code) => code.startsWith('MARKDOWN'))).toEqual([
      'MARKDOWN_UNSUPPORTED',
    ]);
  });

  it('the preview HTML and the Markdown output escape the same values', () => {
    const document = (results['markup.yaml'] as Outcome).document as NonNullable<Outcome['document']>;
    const html = renderers.renderHtml(document);
    expectNoRawMarkup(html.replace(/^<!DOCTYPE html>/i, ''), 'html');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    const markdown = renderers.renderMarkdown(document);
    expectNoRawMarkup(markdown, 'markdown');
    expect(markdown).toContain('\\*\\*Bold?\\*\\*');
    expect(markdown).not.toContain('](javascript:');
  });

  it('a spec with a BOM and CRLF line endings builds', () => {
    expect(readFileSync(join(FIXTURES, 'bom-crlf.yaml')).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(readFileSync(join(FIXTURES, 'bom-crlf.yaml'), 'latin1')).toContain('\r\n');
    const result = results['bom-crlf.yaml'] as Outcome;
    expect(result.errors).toEqual([]);
    expect(result.document?.cover.title).toBe('BOM and CRLF');
  });

  it('with a BOM and CRLF, error positions are still the right line and column', async () => {
    const result = await build('bom-crlf-error.yaml');
    const file = '/corpus/bom-crlf-error.yaml';
    expect(at(result, 'ENUM_INVALID')).toEqual({ file, line: 7, column: 14 });
    expect(at(result, 'FIELD_INVALID')).toEqual({ file, line: 12, column: 11 });
  });

  it('every rendered file passes check-docx', () => {
    const check = checkDocxFiles(docx);
    expect(check.count).toBe(3);
    expect(check.report).toMatch(/0 problem/);
  });
});
