import { parseClauseMarkdown } from '@loti/clauses/compile';
import { describe, expect, it } from 'vitest';
import { parseSpecMarkdown, SPEC_MARKDOWN_LIMITS } from '../src/assemble/spec-markdown.js';

/** Officer Markdown the clause library's CommonMark parser reads: the spec parser must read it the same way. */
const SAME_AS_COMMONMARK = [
  'Hello *world* and **strong** text.',
  'Para one.\n\nPara two with [a link](https://x.example/a_(b)) end.',
  '- one\n- two\n  - nested\n- three',
  '1. first\n2. second\n\n   continued para\n3. third',
  'The Council wants a cloud service that:\n\n- lets residents report repairs;\n- shares data through documented APIs, so the\n  data stays usable.',
  '*a **b** c*',
  '**a *b* c**',
  '***x***',
  '_a_b_',
  'snake_case_word',
  '*foo**bar*',
  '**foo*',
  '*foo**',
  'A paragraph with <b>tags</b>, &amp; an entity and an <!-- XML comment -->.\n\n- a list item with [a link](javascript:alert(1))',
  '# Heading\n\nText',
  'Title\n=====',
  '> quote',
  '```\ncode\n```',
  '`code` here',
  '---',
  '![img](https://x.example/i.png)',
  '<https://a.example/c>',
  'x <a@b.example> y',
  'a\\*b\\*',
  'lazy\n- item\ncontinued',
];

describe('the spec Markdown parser', () => {
  it.each(SAME_AS_COMMONMARK)('reads %j as CommonMark does', (text) => {
    const commonmark = parseClauseMarkdown(text);
    const spec = parseSpecMarkdown(text);
    expect(spec.blocks).toEqual(commonmark.blocks);
    expect(spec.problems.map((p) => [p.message, p.line, p.column])).toEqual(
      commonmark.problems.filter((p) => p.kind === 'unsupported').map((p) => [p.message, p.line, p.column]),
    );
  });

  it('keeps placeholder-like text literally, spacing included', () => {
    expect(parseSpecMarkdown('{{x}} and {{ y }}').blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '{{x}} and {{ y }}' }] },
    ]);
  });

  it('stops styling past the span budget, says so once, and keeps the text', () => {
    const text = '*a* '.repeat(SPEC_MARKDOWN_LIMITS.maxStyledSpans + 10);
    const { blocks, problems } = parseSpecMarkdown(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('more than 2,000 emphasised words or links');
    expect(problems[0]?.keptAsText).toBe(true);
    const children = (blocks[0] as unknown as { children: { type: string }[] }).children;
    expect(children.filter((c) => c.type === 'emphasis')).toHaveLength(SPEC_MARKDOWN_LIMITS.maxStyledSpans);
    expect(JSON.stringify(children.at(-1))).toContain('*a*');
  });

  it('caps nesting: lists deeper than the limit and emphasis deeper than the limit stay text', () => {
    const list = parseSpecMarkdown(`${'- '.repeat(50)}a`).blocks;
    let depth = 0;
    let level: unknown = list;
    while (Array.isArray(level) && (level[0] as { type?: string })?.type === 'list') {
      depth++;
      level = (level[0] as { items: unknown[][] }).items[0];
    }
    expect(depth).toBe(SPEC_MARKDOWN_LIMITS.maxListDepth);
    const nested = parseSpecMarkdown(`${'*_'.repeat(5_000)}x${'_*'.repeat(5_000)}`).blocks;
    // Deep nesting must not overflow the stack when the document model is walked.
    expect(JSON.stringify(nested).length).toBeGreaterThan(20_000);
  });

  // Each grows linearly; the CommonMark parser took a minute on the first and longer on the second.
  const HOSTILE: Record<string, (n: number) => string> = {
    'star-underscore': (n) => '*_'.repeat(n),
    'nested list markers': (n) => `${'- '.repeat(n)}a`,
    'symmetric emphasis': (n) => `${'*_'.repeat(n / 2)}x${'_*'.repeat(n / 2)}`,
    'unclosed links': (n) => '[a]('.repeat(n / 2),
    brackets: (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
    'backtick runs': (n) => Array.from({ length: n / 10 }, (_, i) => `${'`'.repeat((i % 40) + 1)}a`).join(''),
    'unclosed tags': (n) => '<a '.repeat(n / 2),
    'unclosed comments': (n) => '<!--'.repeat(n / 2),
    'spaces then a break': (n) => `a${' '.repeat(n)}\nb`,
    'indented list lines': (n) =>
      Array.from({ length: n / 50 }, (_, i) => `${' '.repeat(i % 40)}- a\n`).join(''),
  };
  it.each(Object.keys(HOSTILE))('%s: 512 KB parses without blowing up', (name) => {
    const make = HOSTILE[name] as (n: number) => string;
    const text = make(250_000);
    const started = performance.now();
    parseSpecMarkdown(text);
    // A loose bound: linear work here takes a few hundred ms on a busy 2-core machine; quadratic takes minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
