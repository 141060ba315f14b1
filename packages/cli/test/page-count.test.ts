import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, unzipDocx } from './helpers.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const dir = tempDir();

/** The page count the .docx states in its footer ("Page 3 of N"): the NUMPAGES field's filled-in value. */
function footerPageCount(parts: Record<string, Uint8Array>): number {
  const footers = Object.keys(parts).filter((name) => /^word\/footer\d*\.xml$/.test(name));
  const counts = footers.flatMap((name) => {
    const xml = new TextDecoder().decode(parts[name]);
    const match = /NUMPAGES\s*<\/w:instrText>.*?<w:t[^>]*>(\d+)<\/w:t>/s.exec(xml);
    return match ? [Number(match[1])] : [];
  });
  expect(counts.length).toBeGreaterThan(0);
  return counts[0] as number;
}

/** The page numbers the contents give its entries, in order. */
function contentsPages(parts: Record<string, Uint8Array>): number[] {
  const xml = new TextDecoder().decode(parts['word/document.xml']);
  const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
  return [...toc.matchAll(/PAGEREF [^<]*<\/w:instrText>.*?<w:t[^>]*>(\d+)<\/w:t>/gs)].map((m) =>
    Number(m[1]),
  );
}

describe('the page count the CLI reports', () => {
  it('is the page count the document itself states, for every example', async () => {
    const specs = readdirSync(examples).filter((f) => f.endsWith('.yaml'));
    const result = await run([
      'build',
      ...specs.map((f) => join(examples, f)),
      '-o',
      dir,
      '--json',
      '-j',
      '1',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { output: string; pages: number });
    expect(lines).toHaveLength(specs.length);
    for (const line of lines) {
      const parts = unzipDocx(line.output);
      const contents = contentsPages(parts);
      expect(contents.length).toBeGreaterThan(10);
      // The figure the footer's "of N" and the contents' page numbers come from: one estimate.
      expect(line.pages).toBe(footerPageCount(parts));
      expect(line.pages).toBeGreaterThanOrEqual(Math.max(...contents));
      // The last entry (the last appendix) starts within a few pages of the end, never after it.
      expect(line.pages - Math.max(...contents)).toBeLessThan(10);
    }
  });

  it('prints that figure as "about N pages"', async () => {
    const spec = join(examples, 'housing-management-system.yaml');
    const json = await run(['build', spec, '-o', join(dir, 'json'), '--json']);
    const { pages } = JSON.parse(json.stdout) as { pages: number };
    const human = await run(['build', spec, '-o', join(dir, 'human')]);
    expect(human.stdout).toContain(`about ${pages} pages`);
  });
});
