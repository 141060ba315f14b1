import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxFileName, EXAMPLE_FILES, EXAMPLES, outputFileName } from '../src/examples.js';
import { buildSpecText } from '../src/generator.js';

const examplesDir = new URL('../../../examples/', import.meta.url);
const topLevel = readdirSync(examplesDir).filter((name) => name.endsWith('.yaml'));

describe('bundled examples', () => {
  it('offers every spec in examples/, then the broken ones', () => {
    const files = EXAMPLES.map((example) => example.file);
    expect(files.filter((file) => !file.startsWith('broken/')).sort()).toEqual([...topLevel].sort());
    expect(files.findIndex((file) => file.startsWith('broken/'))).toBeGreaterThanOrEqual(topLevel.length);
    for (const example of EXAMPLES) expect(example.title).not.toBe('');
  });

  it.each(EXAMPLES.filter((example) => !example.broken))(
    'builds $file in memory as the browser does, includes and all',
    async (example) => {
      const files = { ...EXAMPLE_FILES };
      delete files[example.file];
      const result = await buildSpecText(example.text, example.file, files);
      expect(result.errors).toEqual([]);
      expect(result.document?.cover.title).toBe(example.title);
    },
  );

  it.each(EXAMPLES.filter((example) => example.broken))(
    'reports the expected mistake in $file',
    async (example) => {
      const expected = /^#\s*expect:\s*(\S+)/m.exec(example.text)?.[1];
      const result = await buildSpecText(example.text, example.file, EXAMPLE_FILES);
      expect(result.document).toBeUndefined();
      if (expected) expect(result.errors.map((issue) => issue.code)).toContain(expected);
    },
  );

  it('names downloads like tender build', () => {
    expect(docxFileName('housing-management-system.yaml')).toBe('housing-management-system.docx');
    expect(docxFileName('broken/not-yaml.yaml')).toBe('not-yaml.docx');
    expect(outputFileName('housing-management-system.yaml', '.odt')).toBe('housing-management-system.odt');
  });
});
