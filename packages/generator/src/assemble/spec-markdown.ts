import type { Block, Inline } from '@loti/clauses';

/**
 * A linear-time parser for the Markdown subset officers write in spec text (tender.background): paragraphs,
 * bullet and numbered lists, *emphasis*, **strong** and https:/mailto: links. Everything else (headings, code,
 * quotes, raw HTML, images, hard breaks) is reported and left out, as the clause wording rules say.
 *
 * Why not mdast-util-from-markdown, which compiles the clause library: on hostile text it is super-linear
 * (`*_` 30,000 times took a minute, `- - - …` nested lists grow faster still) and it reads about 250 KB/s, too
 * slow for a 512 KB spec in a browser tab. This parser follows CommonMark for the subset — the emphasis
 * algorithm is the reference one (commonmark.js) with its `openers_bottom` bound, which keeps it linear — and
 * caps the few things that would otherwise nest without limit (list depth, emphasis depth).
 */

export interface SpecMarkdownProblem {
  readonly message: string;
  /** 1-based line within the parsed text. */
  readonly line: number;
  readonly column: number;
  /** The text is kept, printed as written, rather than left out. */
  readonly keptAsText?: boolean;
}

/** Bounds that keep hostile text linear in time and shallow in the document model. */
export const SPEC_MARKDOWN_LIMITS = {
  /** Lists nested deeper than this are read as text: no document needs more than three levels. */
  maxListDepth: 8,
  /** Emphasis nested deeper than this is left as written (italic inside italic shows nothing new). */
  maxInlineDepth: 8,
  /** Backtick runs longer than this are plain text (bounds the search for a closing run). */
  maxCodeFence: 32,
  /**
   * Emphasised spans and links in one text: a real background has a few dozen. Each is a run in the document,
   * and hundreds of thousands of runs (`*_` repeated) make a 400-page .docx that takes seconds to write.
   */
  maxStyledSpans: 2_000,
  /** One problem per kind and line is enough to fix the text; a hostile text with thousands stops here. */
  maxProblems: 50,
} as const;

const MESSAGES = {
  heading: 'Headings are not supported here: the document makes its own headings. Use a paragraph instead.',
  code: 'code blocks are not supported in clause wording; use paragraphs and lists.',
  quote: 'blockquote blocks are not supported in clause wording; use paragraphs and lists.',
  rule: 'thematicBreak blocks are not supported in clause wording; use paragraphs and lists.',
  html: 'Raw HTML is not allowed in clause wording.',
  inlineCode: 'Inline code is not supported in clause wording.',
  image: 'image is not supported in clause wording.',
  lineBreak: 'Hard line breaks are not supported; start a new paragraph instead.',
} as const;

interface Line {
  readonly text: string;
  /** 1-based line in the whole text. */
  readonly line: number;
  /** Columns cut from the start of the original line (list indentation), for positions. */
  readonly offset: number;
}

class Problems {
  readonly list: SpecMarkdownProblem[] = [];
  /** Styled spans and links made so far, across the whole text. */
  styledSpans = 0;
  private readonly seen = new Set<string>();
  add(message: string, line: number, column = 1, keptAsText = false): void {
    const key = `${line}\u0000${message}`;
    if (this.list.length >= SPEC_MARKDOWN_LIMITS.maxProblems || this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ message, line, column, ...(keptAsText ? { keptAsText } : {}) });
  }
}

export function parseSpecMarkdown(markdown: string): { blocks: Block[]; problems: SpecMarkdownProblem[] } {
  const problems = new Problems();
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((text, index): Line => ({ text: expandTabs(text), line: index + 1, offset: 0 }));
  return { blocks: parseBlocks(lines, 0, problems), problems: problems.list };
}

/** Tabs at the start of a line count as four columns, as CommonMark's tab stops do for indentation. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let i = 0;
  for (; i < text.length && (text[i] === ' ' || text[i] === '\t'); i++)
    out += text[i] === '\t' ? ' '.repeat(4 - (out.length % 4)) : ' ';
  return out + text.slice(i);
}

const isBlank = (text: string) => text.trim() === '';
const indentOf = (text: string) => text.length - text.trimStart().length;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const QUOTE = /^ {0,3}>/;
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const HTML_BLOCK = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!|\?)/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;

interface ListMarker {
  readonly ordered: boolean;
  /** The bullet character or the ordered delimiter: a different one starts a new list. */
  readonly kind: string;
  readonly start: number;
  /** Column where the item's content starts. */
  readonly contentIndent: number;
  readonly empty: boolean;
}

function listMarker(text: string): ListMarker | undefined {
  const match = LIST_ITEM.exec(text);
  if (!match) return undefined;
  const [whole, indent = '', marker = '', spaces = ''] = match;
  if (RULE.test(text)) return undefined;
  const ordered = /\d/.test(marker);
  const empty = isBlank(text.slice(whole.length));
  // Five or more spaces after the marker start indented code inside the item; the content starts after one.
  const gap = empty || spaces.length > 4 ? 1 : spaces.length;
  return {
    ordered,
    kind: ordered ? marker.slice(-1) : marker,
    start: ordered ? Number.parseInt(marker, 10) : 0,
    contentIndent: indent.length + marker.length + gap,
    empty,
  };
}

/** A line that starts a block of its own, so it cannot continue a paragraph lazily. */
function startsBlock(text: string): boolean {
  return FENCE.test(text) || ATX_HEADING.test(text) || QUOTE.test(text) || RULE.test(text);
}

function parseBlocks(lines: readonly Line[], depth: number, problems: Problems): Block[] {
  const out: Block[] = [];
  let paragraph: Line[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push({ type: 'paragraph', children: parseInlines(paragraph, problems) });
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const current = lines[i] as Line;
    const { text } = current;
    if (isBlank(text)) {
      flush();
      i++;
      continue;
    }
    const fence = FENCE.exec(text);
    if (fence) {
      flush();
      problems.add(MESSAGES.code, current.line, current.offset + 1);
      const mark = (fence[1] as string)[0] as string;
      const length = (fence[1] as string).length;
      i++;
      while (i < lines.length) {
        const close = FENCE.exec((lines[i] as Line).text);
        i++;
        if (close && (close[1] as string)[0] === mark && (close[1] as string).length >= length) break;
      }
      continue;
    }
    if (paragraph.length === 0 && indentOf(text) >= 4) {
      problems.add(MESSAGES.code, current.line, current.offset + 1);
      while (i < lines.length && (isBlank((lines[i] as Line).text) || indentOf((lines[i] as Line).text) >= 4))
        i++;
      continue;
    }
    if (ATX_HEADING.test(text)) {
      flush();
      problems.add(MESSAGES.heading, current.line, current.offset + 1);
      i++;
      continue;
    }
    if (paragraph.length > 0 && SETEXT.test(text)) {
      // "Title\n=====" is a heading: the paragraph above it is the heading text.
      problems.add(MESSAGES.heading, (paragraph[0] as Line).line, (paragraph[0] as Line).offset + 1);
      paragraph = [];
      i++;
      continue;
    }
    if (QUOTE.test(text)) {
      flush();
      problems.add(MESSAGES.quote, current.line, current.offset + 1);
      i++;
      while (i < lines.length && !isBlank((lines[i] as Line).text)) i++;
      continue;
    }
    if (RULE.test(text)) {
      flush();
      problems.add(MESSAGES.rule, current.line, current.offset + 1);
      i++;
      continue;
    }
    if (paragraph.length === 0 && HTML_BLOCK.test(text)) {
      problems.add(MESSAGES.html, current.line, current.offset + 1);
      while (i < lines.length && !isBlank((lines[i] as Line).text)) i++;
      continue;
    }
    const marker = depth < SPEC_MARKDOWN_LIMITS.maxListDepth ? listMarker(text) : undefined;
    // As in CommonMark, a list interrupts a paragraph only with a non-empty item, and a numbered one only at 1.
    if (marker && (paragraph.length === 0 || (!marker.empty && (!marker.ordered || marker.start === 1)))) {
      flush();
      i = parseList(lines, i, depth, problems, out);
      continue;
    }
    paragraph.push(current);
    i++;
  }
  flush();
  return out;
}

/** Reads one list from lines[start]; returns the index after it. */
function parseList(
  lines: readonly Line[],
  start: number,
  depth: number,
  problems: Problems,
  out: Block[],
): number {
  const first = listMarker((lines[start] as Line).text) as ListMarker;
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const head = lines[i] as Line;
    const marker = listMarker(head.text);
    if (!marker || marker.ordered !== first.ordered || marker.kind !== first.kind) break;
    const body: Line[] = [cut(head, marker.contentIndent)];
    i++;
    let lastBlank = marker.empty;
    while (i < lines.length) {
      const line = lines[i] as Line;
      if (isBlank(line.text)) {
        body.push(line);
        lastBlank = true;
        i++;
        continue;
      }
      if (indentOf(line.text) >= marker.contentIndent) {
        body.push(cut(line, marker.contentIndent));
        lastBlank = false;
        i++;
        continue;
      }
      // A lazy continuation line: more of the paragraph the item ends with.
      if (!lastBlank && !startsBlock(line.text) && !listMarker(line.text)) {
        body.push(cut(line, indentOf(line.text)));
        i++;
        continue;
      }
      break;
    }
    // Trailing blank lines end the item, not its content.
    while (body.length > 1 && isBlank((body[body.length - 1] as Line).text)) body.pop();
    items.push(parseBlocks(body, depth + 1, problems));
    // Blank lines between items keep the list going when the next line is another item of it.
    let next = i;
    while (next < lines.length && isBlank((lines[next] as Line).text)) next++;
    const following = next < lines.length ? listMarker((lines[next] as Line).text) : undefined;
    if (!following || following.ordered !== first.ordered || following.kind !== first.kind) break;
    i = next;
  }
  out.push({ type: 'list', ordered: first.ordered, items });
  return i;
}

function cut(line: Line, columns: number): Line {
  const take = Math.min(columns, indentOf(line.text) >= columns ? columns : line.text.length);
  return { text: line.text.slice(take), line: line.line, offset: line.offset + take };
}

// ---------------------------------------------------------------------------------------------------------------
// Inlines

type Node = TextNode | StyleNode | LinkNode | GroupNode;
interface Linked {
  prev?: Node;
  next?: Node;
  parent?: Container;
}
interface TextNode extends Linked {
  readonly kind: 'text';
  value: string;
}
interface Container {
  first?: Node;
  last?: Node;
}
interface StyleNode extends Linked, Container {
  readonly kind: 'emphasis' | 'strong';
  depth: number;
}
/** Nodes kept together without a style of their own (emphasis nested past the cap). */
interface GroupNode extends Linked, Container {
  readonly kind: 'group';
  depth: number;
}
interface LinkNode extends Linked, Container {
  readonly kind: 'link';
  readonly url: string;
  depth: number;
}

interface Delimiter {
  readonly node: TextNode;
  readonly char: '*' | '_';
  /** Where the run starts in the text, for positions. */
  readonly offset: number;
  count: number;
  readonly original: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  prev?: Delimiter;
  next?: Delimiter;
}

interface Bracket {
  readonly node: TextNode;
  readonly image: boolean;
  /** Where the bracket is in the text, for positions. */
  readonly offset: number;
  /** The delimiter stack's top when the bracket opened: emphasis inside the link text is resolved above it. */
  readonly delimiters?: Delimiter;
  active: boolean;
  readonly prev?: Bracket;
}

const PUNCTUATION = /[!-/:-@[-`{-~\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const EMAIL_AUTOLINK =
  /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
  middot: '·',
  bull: '•',
};
const ALLOWED_URL = /^(?:https?:|mailto:)/i;

class InlineParser {
  private readonly root: Container = {};
  private delimiters?: Delimiter;
  private brackets?: Bracket;
  /** Backtick run lengths known to have no closing run later in the text. */
  private readonly noCodeClose = new Set<number>();
  private noCommentClose = false;
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly where: (offset: number) => { line: number; column: number },
    private readonly problems: Problems,
  ) {}

  parse(): Inline[] {
    const { text } = this;
    let plainStart = 0;
    const flushPlain = (end: number) => {
      if (end > plainStart) this.appendText(text.slice(plainStart, end));
    };
    while (this.pos < text.length) {
      const at = this.pos;
      const ch = text[at] as string;
      if (!'\\`<[]!*_&\n'.includes(ch)) {
        this.pos++;
        continue;
      }
      flushPlain(at);
      this.special(ch);
      plainStart = this.pos;
    }
    flushPlain(text.length);
    this.processEmphasis(undefined);
    return toInlines(this.root);
  }

  private report(message: string, offset: number, keptAsText = false): void {
    const { line, column } = this.where(offset);
    this.problems.add(message, line, column, keptAsText);
  }

  private appendText(value: string, parent: Container = this.root): TextNode {
    const node: TextNode = { kind: 'text', value };
    append(parent, node);
    return node;
  }

  private special(ch: string): void {
    const { text } = this;
    const at = this.pos;
    switch (ch) {
      case '\\': {
        const next = text[at + 1];
        if (next === '\n') {
          this.report(MESSAGES.lineBreak, at);
          this.pos += 1;
        } else if (next !== undefined && ESCAPABLE.test(next)) {
          this.appendText(next);
          this.pos += 2;
        } else {
          this.appendText('\\');
          this.pos += 1;
        }
        return;
      }
      case '\n': {
        // A soft line break reads as a space; two or more trailing spaces before it made a hard break.
        const before = /( *)$/.exec(text.slice(Math.max(0, at - 2), at))?.[1]?.length ?? 0;
        if (before >= 2) this.report(MESSAGES.lineBreak, at);
        this.trimTrailingSpaces();
        this.appendText(' ');
        this.pos++;
        while (text[this.pos] === ' ') this.pos++;
        return;
      }
      case '`':
        this.codeSpan();
        return;
      case '<':
        this.angle();
        return;
      case '&': {
        ENTITY.lastIndex = at;
        const match = ENTITY.exec(text);
        const decoded = match
          ? match[1] !== undefined || match[2] !== undefined
            ? codePoint(match[1] !== undefined ? Number(match[1]) : Number.parseInt(match[2] as string, 16))
            : NAMED_ENTITIES[match[3] as string]
          : undefined;
        if (match && decoded !== undefined) {
          this.appendText(decoded);
          this.pos += match[0].length;
        } else {
          this.appendText('&');
          this.pos++;
        }
        return;
      }
      case '!':
        if (text[at + 1] === '[') {
          this.openBracket(true, '![');
          this.pos += 2;
        } else {
          this.appendText('!');
          this.pos++;
        }
        return;
      case '[':
        this.openBracket(false, '[');
        this.pos++;
        return;
      case ']':
        this.pos++;
        this.closeBracket();
        return;
      default:
        this.delimiterRun(ch as '*' | '_');
    }
  }

  private trimTrailingSpaces(): void {
    const last = this.root.last;
    if (last?.kind === 'text') last.value = trimEndSpaces(last.value);
  }

  private codeSpan(): void {
    const { text } = this;
    const at = this.pos;
    let end = at;
    while (text[end] === '`') end++;
    const length = end - at;
    if (length <= SPEC_MARKDOWN_LIMITS.maxCodeFence && !this.noCodeClose.has(length)) {
      // The closing run has exactly the same length; a failed search is remembered, so it runs once per length.
      let search = end;
      for (;;) {
        const found = text.indexOf('`'.repeat(length), search);
        if (found < 0) {
          this.noCodeClose.add(length);
          break;
        }
        let runEnd = found;
        while (text[runEnd] === '`') runEnd++;
        if (runEnd - found === length) {
          this.report(MESSAGES.inlineCode, at);
          this.pos = runEnd;
          return;
        }
        search = runEnd;
      }
    }
    this.appendText(text.slice(at, end));
    this.pos = end;
  }

  private angle(): void {
    const { text } = this;
    const at = this.pos;
    for (const pattern of [AUTOLINK, EMAIL_AUTOLINK]) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (!match) continue;
      const url = pattern === EMAIL_AUTOLINK ? `mailto:${match[1]}` : (match[1] as string);
      if (ALLOWED_URL.test(url) && !this.takeStyledSpan(at)) this.appendText(match[0]);
      else if (ALLOWED_URL.test(url)) {
        const link: LinkNode = { kind: 'link', url, depth: 1 };
        append(link, { kind: 'text', value: match[1] as string });
        append(this.root, link);
      } else this.report(disallowedLink(url), at);
      this.pos = at + match[0].length;
      return;
    }
    if (text.startsWith('<!--', at) && !this.noCommentClose) {
      const close = text.indexOf('-->', at + 4);
      if (close < 0) this.noCommentClose = true;
      else {
        this.report(MESSAGES.html, at);
        this.pos = close + 3;
        return;
      }
    }
    HTML_TAG.lastIndex = at;
    const tag = HTML_TAG.exec(text);
    if (tag) {
      this.report(MESSAGES.html, at);
      this.pos = at + tag[0].length;
      return;
    }
    this.appendText('<');
    this.pos++;
  }

  private delimiterRun(char: '*' | '_'): void {
    const { text } = this;
    const at = this.pos;
    let end = at;
    while (text[end] === char) end++;
    const before = at === 0 ? '\n' : (text[at - 1] as string);
    const after = end >= text.length ? '\n' : (text[end] as string);
    const afterSpace = WHITESPACE.test(after);
    const beforeSpace = WHITESPACE.test(before);
    const afterPunct = PUNCTUATION.test(after);
    const beforePunct = PUNCTUATION.test(before);
    const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
    const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
    const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || beforePunct);
    const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || afterPunct);
    const node = this.appendText(text.slice(at, end));
    this.pos = end;
    if (!canOpen && !canClose) return;
    const delimiter: Delimiter = {
      node,
      char,
      offset: at,
      count: end - at,
      original: end - at,
      canOpen,
      canClose,
      prev: this.delimiters,
    };
    if (this.delimiters) this.delimiters.next = delimiter;
    this.delimiters = delimiter;
  }

  private openBracket(image: boolean, literal: string): void {
    const node = this.appendText(literal);
    this.brackets = {
      node,
      image,
      offset: this.pos,
      delimiters: this.delimiters,
      active: true,
      prev: this.brackets,
    };
  }

  private closeBracket(): void {
    const opener = this.brackets;
    if (!opener) {
      this.appendText(']');
      return;
    }
    this.brackets = opener.prev;
    const destination = opener.active ? this.linkDestination() : undefined;
    if (!destination || (!opener.image && !this.takeStyledSpan(opener.offset))) {
      this.appendText(']');
      return;
    }
    this.pos = destination.end;
    // Emphasis inside the link text is resolved now, so it cannot pair with a delimiter outside the link.
    this.processEmphasis(opener.delimiters);
    const children: Container = {};
    for (let node = opener.node.next; node; ) {
      const next: Node | undefined = node.next;
      detach(node);
      append(children, node);
      node = next;
    }
    const depth = 1 + maxDepth(children);
    if (opener.image) {
      this.report(MESSAGES.image, opener.offset);
      detach(opener.node);
      return;
    }
    // Links cannot contain links: earlier brackets stop being link openers.
    for (let b = this.brackets; b; b = b.prev) if (!b.image) b.active = false;
    if (!ALLOWED_URL.test(destination.url) && !destination.url.startsWith('clause:')) {
      this.report(disallowedLink(destination.url), opener.offset);
      detach(opener.node);
      return;
    }
    const link: LinkNode = { kind: 'link', url: destination.url, depth };
    link.first = children.first;
    link.last = children.last;
    for (let node = link.first; node; node = node.next) node.parent = link;
    replace(opener.node, link);
  }

  /**
   * `(url "title")` after `]`. The destination stops at whitespace and brackets, so two scans never cover the
   * same text: `[a](` repeated stays linear.
   */
  private linkDestination(): { url: string; end: number } | undefined {
    const { text } = this;
    let i = this.pos;
    if (text[i] !== '(') return undefined;
    i++;
    while (text[i] === ' ' || text[i] === '\n') i++;
    let url = '';
    if (text[i] === '<') {
      const close = text.indexOf('>', i + 1);
      const newline = text.indexOf('\n', i + 1);
      const bracket = text.indexOf('<', i + 1);
      if (close < 0 || (newline >= 0 && newline < close) || (bracket >= 0 && bracket < close))
        return undefined;
      url = text.slice(i + 1, close);
      i = close + 1;
    } else {
      let depth = 0;
      const begin = i;
      for (; i < text.length; i++) {
        const c = text[i] as string;
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        } else if (c === ' ' || c === '\n' || c === '[' || c === ']' || c === '<' || c === '>') break;
        if (depth > 32) return undefined;
      }
      if (depth !== 0) return undefined;
      url = text.slice(begin, i);
    }
    while (text[i] === ' ' || text[i] === '\n') i++;
    const quote = text[i];
    if (quote === '"' || quote === "'" || quote === '(') {
      const closing = quote === '(' ? ')' : quote;
      const close = text.indexOf(closing, i + 1);
      if (close < 0 || close - i > 256) return undefined;
      i = close + 1;
      while (text[i] === ' ' || text[i] === '\n') i++;
    }
    if (text[i] !== ')') return undefined;
    return { url: url.replace(/\\([!-/:-@[-`{-~])/g, '$1'), end: i + 1 };
  }

  /** The CommonMark emphasis algorithm (as in commonmark.js), over the delimiters above `bottom`. */
  private processEmphasis(bottom: Delimiter | undefined): void {
    const openersBottom: Record<string, (Delimiter | undefined)[]> = {
      '*': Array(6).fill(bottom),
      _: Array(6).fill(bottom),
    };
    let closer = this.delimiters;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const index = (closer.canOpen ? 3 : 0) + (closer.original % 3);
      const limits = openersBottom[closer.char] as (Delimiter | undefined)[];
      let opener = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== limits[index]) {
        const oddMatch =
          (closer.canOpen || opener.canClose) &&
          closer.original % 3 !== 0 &&
          (opener.original + closer.original) % 3 === 0;
        if (opener.char === closer.char && opener.canOpen && !oddMatch) {
          found = true;
          break;
        }
        opener = opener.prev;
      }
      const oldCloser = closer;
      if (found && opener) {
        const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
        opener.count -= use;
        closer.count -= use;
        const children: Container = {};
        for (let node = opener.node.next; node && node !== closer.node; ) {
          const next: Node | undefined = node.next;
          detach(node);
          append(children, node);
          node = next;
        }
        const depth = 1 + maxDepth(children);
        // Deeper than the cap, the pair is not styled: the text stays as written, delimiters included, in a group
        // that keeps the nodes together (so outer pairs move one node, not all of them again).
        const styled = depth <= SPEC_MARKDOWN_LIMITS.maxInlineDepth && this.takeStyledSpan(opener.offset);
        if (styled) {
          opener.node.value = opener.node.value.slice(0, opener.count);
          closer.node.value = closer.node.value.slice(0, closer.count);
        }
        const wrapper: StyleNode | GroupNode = styled
          ? { kind: use === 1 ? 'emphasis' : 'strong', depth }
          : { kind: 'group', depth: SPEC_MARKDOWN_LIMITS.maxInlineDepth };
        for (let node = children.first; node; ) {
          const next: Node | undefined = node.next;
          detach(node, children);
          append(wrapper, node);
          node = next;
        }
        insertAfter(opener.node, wrapper);
        // Delimiters between the pair can no longer match anything.
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) {
          if (opener.node.value === '') detach(opener.node);
          this.removeDelimiter(opener);
        }
        if (closer.count === 0) {
          if (closer.node.value === '') detach(closer.node);
          const next = closer.next;
          this.removeDelimiter(closer);
          closer = next;
        }
      } else {
        closer = closer.next;
        limits[index] = oldCloser.prev;
        if (!oldCloser.canOpen) this.removeDelimiter(oldCloser);
      }
    }
    while (this.delimiters && this.delimiters !== bottom) this.removeDelimiter(this.delimiters);
  }

  /** Counts one more styled span or link; past the budget it says so once and the text stays as written. */
  private takeStyledSpan(offset: number): boolean {
    if (this.problems.styledSpans < SPEC_MARKDOWN_LIMITS.maxStyledSpans) {
      this.problems.styledSpans++;
      return true;
    }
    if (this.problems.styledSpans === SPEC_MARKDOWN_LIMITS.maxStyledSpans) {
      this.problems.styledSpans++;
      this.report(
        `The text has more than ${SPEC_MARKDOWN_LIMITS.maxStyledSpans.toLocaleString('en-GB')} emphasised words or links; the rest are printed as written.`,
        offset,
        true,
      );
    }
    return false;
  }

  private removeDelimiter(delimiter: Delimiter): void {
    if (delimiter.prev) delimiter.prev.next = delimiter.next;
    if (delimiter.next) delimiter.next.prev = delimiter.prev;
    else this.delimiters = delimiter.prev;
  }
}

/** Drops trailing spaces and tabs by scanning back, not with `/ +$/` (quadratic on long runs of spaces). */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end === text.length ? text : text.slice(0, end);
}

function disallowedLink(url: string): string {
  return `Links must be https:, mailto: or clause:<id> cross-references, not "${url.slice(0, 100)}".`;
}

function codePoint(value: number): string {
  return value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)
    ? '\ufffd'
    : String.fromCodePoint(value);
}

function append(parent: Container, node: Node): void {
  node.parent = parent;
  node.prev = parent.last;
  node.next = undefined;
  if (parent.last) parent.last.next = node;
  else parent.first = node;
  parent.last = node;
}

function detach(node: Node, parent: Container | undefined = node.parent): void {
  if (node.prev) node.prev.next = node.next;
  else if (parent) parent.first = node.next;
  if (node.next) node.next.prev = node.prev;
  else if (parent) parent.last = node.prev;
  node.prev = undefined;
  node.next = undefined;
  node.parent = undefined;
}

function insertAfter(anchor: Node, node: Node): void {
  const parent = anchor.parent;
  node.parent = parent;
  node.prev = anchor;
  node.next = anchor.next;
  if (anchor.next) anchor.next.prev = node;
  else if (parent) parent.last = node;
  anchor.next = node;
}

function replace(old: Node, node: Node): void {
  insertAfter(old, node);
  detach(old);
}

function maxDepth(container: Container): number {
  let depth = 0;
  for (let node = container.first; node; node = node.next)
    if (node.kind !== 'text' && node.depth > depth) depth = node.depth;
  return depth;
}

/**
 * The linked nodes as the content model's inlines, adjacent text merged. Groups, which may nest without limit, are
 * opened with an explicit stack; styles and links nest at most to the cap, so recursion through them is safe.
 */
function toInlines(container: Container): Inline[] {
  const out: Inline[] = [];
  const pending: (Node | undefined)[] = [container.first];
  while (pending.length > 0) {
    let node = pending.pop();
    while (node) {
      if (node.kind === 'group') {
        pending.push(node.next);
        node = node.first;
        continue;
      }
      if (node.kind === 'text') {
        const previous = out[out.length - 1];
        if (node.value === '') {
          // Nothing to add.
        } else if (previous?.type === 'text')
          out[out.length - 1] = { type: 'text', value: previous.value + node.value };
        else out.push({ type: 'text', value: node.value });
      } else if (node.kind === 'link') {
        out.push(
          node.url.startsWith('clause:')
            ? { type: 'clauseRef', id: node.url.slice('clause:'.length) }
            : { type: 'link', url: node.url, children: toInlines(node) },
        );
      } else out.push({ type: node.kind, children: toInlines(node) });
      node = node.next;
    }
  }
  return out;
}

function parseInlines(lines: readonly Line[], problems: Problems): Inline[] {
  const starts: number[] = [];
  let text = '';
  lines.forEach((line, index) => {
    const trimmed = line.text.trimStart();
    starts.push(text.length);
    text += (index > 0 ? '\n' : '') + trimmed;
    if (index > 0) (starts[index] as number)++;
  });
  text = trimEndSpaces(text);
  // Offsets to line and column by binary search over the line starts.
  const where = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    const line = lines[low] as Line;
    const column = offset - (starts[low] as number) + 1 + line.offset + indentOf(line.text);
    return { line: line.line, column };
  };
  return new InlineParser(text, where, problems).parse();
}
