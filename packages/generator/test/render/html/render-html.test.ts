import { describe, expect, it } from 'vitest';
import { HTML_PREVIEW_CSS } from '../../../src/render/html/css.js';
import { escapeHtml, renderHtml, renderHtmlBody } from '../../../src/render/html/render-html.js';
import { DRAFTING_NOTE_LABEL } from '../../../src/render/text.js';
import { HOSTILE, hostileDocument, LONG_WORD } from '../fixtures/hostile-document.js';
import { numbersInOrder, sampleDocument } from '../fixtures/sample-document.js';

const VOID = new Set(['meta', 'link', 'img', 'col', 'br', 'hr', 'input', 'source', 'wbr']);

/** Checks that every tag closes in order and no text holds a raw "<" or ">": what broken escaping would cause. */
function checkMarkup(html: string): string[] {
  const problems: string[] = [];
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>|<!DOCTYPE html>/g;
  let last = 0;
  for (const match of withoutStyle.matchAll(tag)) {
    const text = withoutStyle.slice(last, match.index);
    if (/[<>]/.test(text)) problems.push(`raw < or > in text: ${text.slice(0, 60)}`);
    last = (match.index ?? 0) + match[0].length;
    const [, closing, name] = match;
    if (!name) continue;
    const lower = name.toLowerCase();
    if (VOID.has(lower)) continue;
    if (!closing) stack.push(lower);
    else if (stack.pop() !== lower) problems.push(`</${lower}> closes the wrong element`);
  }
  if (/[<>]/.test(withoutStyle.slice(last))) problems.push('raw < or > at the end');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
const fragmentLinks = (html: string) => [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);

describe('renderHtml', () => {
  const html = renderHtml(sampleDocument);

  it('is a self-contained HTML5 document with language, title and inline styles', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      '<title>Housing repairs management system: invitation to tender (LBH-2027-014)</title>',
    );
    expect(html).toContain(HTML_PREVIEW_CSS);
    expect(html).not.toMatch(/<link\b|<script\b|src="http/);
    expect(checkMarkup(html)).toEqual([]);
  });

  it('shows the same numbers as the model, in order', () => {
    const numbers = [...html.matchAll(/<span class="tk-num">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(numbers).toEqual(numbersInOrder(sampleDocument));
  });

  it('uses the anchors as ids, and every internal link goes to one of them', () => {
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    for (const section of sampleDocument.sections) {
      expect(all).toContain(section.anchor);
      for (const clause of section.clauses) expect(all).toContain(clause.anchor);
    }
    const links = fragmentLinks(html);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(all).toContain(link);
    expect(html).toContain('<a class="tk-ref" href="#clause-apis-documented-apis">clause 7.1</a>');
  });

  it('writes tables with a caption, column headers and the model widths', () => {
    expect(html).toContain('<caption>Table 2: Mandatory requirements</caption>');
    expect(html).toContain(
      '<colgroup><col style="width:12.00%"><col style="width:63.00%"><col style="width:25.00%"></colgroup>',
    );
    expect(html).toContain(
      '<thead><tr><th scope="col">Ref</th><th scope="col">Requirement</th><th scope="col">Priority</th></tr></thead>',
    );
    expect(html).toContain('<caption>Key dates</caption>');
    expect(html).toContain('<time datetime="2027-03-12T12:00">Friday 12 March 2027, 12:00</time>');
  });

  it('marks drafting notes as asides and definitions as a description list', () => {
    expect(html.match(/<aside class="drafting-note"/g)).toHaveLength(4);
    expect(html.split(`<p class="tk-note-label">${escapeHtml(DRAFTING_NOTE_LABEL)}</p>`)).toHaveLength(5);
    expect(html).toMatch(
      /<dl class="tk-definitions">\n<div><dt>API<\/dt> <dd>means an application programming/,
    );
    expect(html).toContain('<div><dt>Personal Data</dt> <dd>has the meaning given in Article 4(1)');
  });

  it('shows the cover: logo with alt text, authority, title, facts, marking', () => {
    expect(html).toMatch(
      /<img class="tk-logo" src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="London Borough of Hackney logo" width="96" height="32">/,
    );
    expect(html).toContain('<h1 class="tk-title">Housing repairs management system</h1>');
    expect(html).toContain(
      '<tr><th scope="row">Contract term</th><td>5 years, with an option to extend by 2 years</td></tr>',
    );
    expect(html).toContain('<p class="tk-marking">OFFICIAL</p>');
    expect(html).toContain('<div><dt>Issue date</dt><dd>1 February 2027</dd></div>');
  });
});

describe('renderHtmlBody', () => {
  it('is the <main> element alone, branded with custom properties, for embedding next to HTML_PREVIEW_CSS', () => {
    const body = renderHtmlBody(sampleDocument);
    expect(body.startsWith('<main class="tk-document" lang="en-GB" style="--tk-accent:#1D3C6E;')).toBe(true);
    expect(body.endsWith('</main>')).toBe(true);
    expect(body).not.toContain('<style');
    expect(checkMarkup(body)).toEqual([]);
    expect(HTML_PREVIEW_CSS).not.toMatch(/<\/style/i);
  });
});

describe('renderHtml with hostile text', () => {
  const html = renderHtml(hostileDocument);

  it('escapes everything: tags balance and no text holds raw markup', () => {
    expect(checkMarkup(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;&gt;&amp;&quot;&#39; &amp;amp; &amp;#0; ]]&gt;');
  });

  it('drops forbidden characters and keeps emoji, right-to-left text and the long word', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(html).toContain('😀🇬🇧👩🏽‍💻');
    expect(html).toContain('مرحبا بالعالم');
    expect(html).toContain(LONG_WORD);
    expect(HOSTILE).toContain('\uFFFF');
  });

  it('keeps only safe links and falls back on nonsense branding', () => {
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;&lt;3&gt;"');
    expect(html).not.toContain('href="#missing-anchor"');
    for (const link of fragmentLinks(html)) expect(ids(html)).toContain(link);
    expect(html).not.toContain('evil');
    expect(html).not.toContain('base64,!!!');
    expect(html).toContain('<html lang="en-GB">');
  });
});
