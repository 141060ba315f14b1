/**
 * The WordprocessingML pieces the XML writers share (body-xml.ts, headings-xml.ts, contents-xml.ts): escaping, text,
 * runs, paragraphs and bookmarks, each written exactly as docx 9.15 writes the same object, attributes in docx's order.
 * body-xml.test.ts holds them to that: it compares every example written both ways, byte for byte.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
// docx escapes text and attribute values alike, and drops the C0 controls other than tab, newline and return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

export function escapeXml(value: string): string {
  return value.replace(ESCAPED, (char) => ESCAPES[char] ?? '');
}

/** docx's Text: always with xml:space="preserve", even when empty. */
export const textXml = (text: string): string => `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;

export interface RunFormat {
  readonly style?: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** docx's TextRun: w:rPr only when something is set; an explicit `false` is written as w:val="false". */
export function runXml(text: string, format: RunFormat = {}): string {
  let props = '';
  if (format.style !== undefined) props += `<w:rStyle w:val="${escapeXml(format.style)}"/>`;
  if (format.bold !== undefined)
    props += format.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  if (format.italics !== undefined)
    props += format.italics ? '<w:i/><w:iCs/>' : '<w:i w:val="false"/><w:iCs w:val="false"/>';
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${textXml(text)}</w:r>`;
}

export interface TabStop {
  readonly type: 'left' | 'right';
  readonly position: number;
  readonly leader?: 'dot';
}

export interface ParagraphFormat {
  readonly style: string;
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly numId?: string;
  readonly numLevel?: number;
  readonly tab?: TabStop;
  readonly spacing?: { readonly before?: number; readonly after?: number };
  readonly indent?: { readonly left: number; readonly hanging?: number };
}

/**
 * docx's Paragraph, with its properties in docx's order: style, keepNext, pageBreakBefore, numbering, tabs, spacing,
 * indent.
 */
export function paragraphXml(format: ParagraphFormat, children: string): string {
  let props = `<w:pStyle w:val="${escapeXml(format.style)}"/>`;
  if (format.keepNext) props += '<w:keepNext/>';
  if (format.pageBreakBefore) props += '<w:pageBreakBefore/>';
  if (format.numId !== undefined)
    props += `<w:numPr><w:ilvl w:val="${format.numLevel ?? 0}"/><w:numId w:val="${format.numId}"/></w:numPr>`;
  if (format.tab !== undefined) {
    const { type, position, leader } = format.tab;
    props += `<w:tabs><w:tab w:val="${type}" w:pos="${position}"${leader ? ` w:leader="${leader}"` : ''}/></w:tabs>`;
  }
  if (format.spacing) {
    const { after, before } = format.spacing;
    props += `<w:spacing${after !== undefined ? ` w:after="${after}"` : ''}${before !== undefined ? ` w:before="${before}"` : ''}/>`;
  }
  if (format.indent) {
    const { left, hanging } = format.indent;
    props += `<w:ind w:left="${left}"${hanging !== undefined ? ` w:hanging="${hanging}"` : ''}/>`;
  }
  return children ? `<w:p><w:pPr>${props}</w:pPr>${children}</w:p>` : `<w:p><w:pPr>${props}</w:pPr></w:p>`;
}

/**
 * `content` inside a bookmark, as docx writes a Bookmark. `id` is any number unique in the document: normalise.ts
 * renumbers bookmark ids in order of appearance, as docx's own ids count on across documents.
 */
export function bookmarkedXml(name: string, id: number, content: string): string {
  return `<w:bookmarkStart w:name="${escapeXml(name)}" w:id="${id}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
}

/** A link to a bookmark in the document, as docx writes an InternalHyperlink. */
export function internalLinkXml(bookmark: string, content: string): string {
  return `<w:hyperlink w:history="1" w:anchor="${escapeXml(bookmark)}">${content}</w:hyperlink>`;
}
