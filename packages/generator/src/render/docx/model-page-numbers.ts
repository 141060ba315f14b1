import type { IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import type { TenderDocument } from '../../model/types.js';
import { estimateModelPages, type ModelPageEstimate } from './page-layout/estimate.js';

/** The children of a formatted element, such as `{ 'w:p': [...] }`. */
function childrenOf(element: unknown): readonly unknown[] {
  if (typeof element !== 'object' || element === null) return [];
  const [name] = Object.keys(element);
  const content = name === undefined ? undefined : (element as Record<string, unknown>)[name];
  return Array.isArray(content) ? content : [];
}

function nameOf(element: unknown): string | undefined {
  return typeof element === 'object' && element !== null ? Object.keys(element)[0] : undefined;
}

function attributeOf(element: unknown, attribute: string): unknown {
  const name = nameOf(element);
  const content = name === undefined ? undefined : (element as Record<string, unknown>)[name];
  const holder = Array.isArray(content)
    ? content.find((child) => typeof child === 'object' && child !== null && '_attr' in child)
    : content;
  const attributes = (holder as { _attr?: Record<string, unknown> } | undefined)?._attr;
  return attributes?.[attribute];
}

const HEADING_STYLES = new Set(['Heading1', 'Heading2']);

/**
 * A docx PageNumberEstimator that answers from the model's estimate: each heading paragraph of the written body, in
 * order, is the model's next heading, and every bookmark on it (the renderer's, from bookmarks.ts, and the "_Toc" one
 * docx adds for the contents' entry) gets that heading's page. It reads only the body's top-level paragraphs' styles
 * and bookmark names; the pages come from `estimateModelPages`, worked out when it is called.
 */
export function modelPageNumbers(
  document: TenderDocument,
  bookmarks: ReadonlyMap<string, string>,
): PageNumberEstimator {
  return (body: IXmlableObject, _context: IContext) => {
    const estimate = estimateModelPages(document);
    const byName = new Map<string, number>();
    for (const [anchor, page] of estimate.anchorPages) {
      const name = bookmarks.get(anchor);
      if (name !== undefined && !byName.has(name)) byName.set(name, page);
    }
    const paragraphs = childrenOf(body).filter((element) => nameOf(element) === 'w:p');
    const headingParagraphs = paragraphs.filter((p) => {
      const properties = childrenOf(p).find((child) => nameOf(child) === 'w:pPr');
      const style = childrenOf(properties).find((child) => nameOf(child) === 'w:pStyle');
      return HEADING_STYLES.has(String(attributeOf(style, 'w:val')));
    });
    // Heading paragraphs and model headings match one to one; if they ever don't, go by the renderer's bookmarks.
    const inOrder = headingParagraphs.length === estimate.headingPages.length;
    const result = new Map<string, string>();
    const numbers = new Map<string, number>();
    headingParagraphs.forEach((p, index) => {
      const names = childrenOf(p)
        .filter((child) => nameOf(child) === 'w:bookmarkStart')
        .map((child) => String(attributeOf(child, 'w:name')));
      const page = inOrder
        ? estimate.headingPages[index]
        : names.map((name) => byName.get(name)).find((found) => found !== undefined);
      if (page === undefined) return;
      for (const name of names) {
        result.set(name, String(page));
        numbers.set(name, page);
      }
    });
    for (const [name, page] of byName) {
      if (!result.has(name)) {
        result.set(name, String(page));
        numbers.set(name, page);
      }
    }
    return { bookmarks: result, bookmarkPageNumbers: numbers, pageCount: estimate.pageCount };
  };
}

/**
 * A docx PageNumberEstimator that gives only the model's page count, for the footer's "of N" (NUMPAGES), when the
 * contents and headings are written as XML with their page numbers already in (contents-xml.ts): docx's tree then has
 * no heading or page reference left to number.
 */
export function modelPageCount(estimate: ModelPageEstimate): PageNumberEstimator {
  return () => ({ bookmarks: new Map(), bookmarkPageNumbers: new Map(), pageCount: estimate.pageCount });
}
