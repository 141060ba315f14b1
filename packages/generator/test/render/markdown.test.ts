import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { hostileDocument } from './fixtures/hostile-document.js';
import { numbersInOrder, sampleDocument } from './fixtures/sample-document.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleDocument);

  it('has headings with the model numbers, and sub-clause numbers in order', () => {
    expect(md).toContain('## 6 Data access and export\n');
    expect(md).toContain('### 6.1 Export of Authority Data at any time\n');
    const numbers = [...md.matchAll(/^(?:#{2,3} |\s*)(\d+(?:\.\d+)*|[A-Z]|\([a-z]+\))(?= )/gm)].map(
      (m) => m[1],
    );
    expect(numbers).toEqual(numbersInOrder(sampleDocument));
  });

  it('links refs to anchors it writes', () => {
    expect(md).toContain('[clause 7.1](#clause-apis-documented-apis)');
    expect(md).toContain('<a id="clause-apis-documented-apis"></a>');
  });

  it('writes tables, notes and definitions readably', () => {
    expect(md).toContain('| Ref | Requirement | Priority |\n| --- | --- | --- |\n| R1 |');
    expect(md).toContain('> **Drafting note for officers — delete before issue**');
    expect(md).toContain('**Working Day** means a day other than a Saturday');
    expect(md).toContain('- let residents report and track repairs online');
    expect(md).toContain('  - appointments that residents can book and change;');
  });

  it('is stable: same model, same text, one trailing newline', () => {
    expect(renderMarkdown(sampleDocument)).toBe(md);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('keeps hostile text from breaking tables or injecting HTML', () => {
    const hostile = renderMarkdown(hostileDocument);
    // Escaped as \<script, which Markdown shows as text.
    expect(hostile).not.toMatch(/(?<!\\)<script/);
    expect(hostile).toContain('\\<script\\>');
    expect(hostile).not.toContain('javascript:');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const rows = hostile.split('\n').filter((line) => line.startsWith('| '));
    for (const row of rows) {
      const cells = row.split(/(?<!\\)\|/).length - 2;
      expect(cells === 2 || cells === 1, row.slice(0, 80)).toBe(true);
    }
  });
});
