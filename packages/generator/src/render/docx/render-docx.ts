import { Document, type PageNumberEstimator, Paragraph, TableOfContents, TextRun } from 'docx';
import type { DocClause, DocSection, TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { paletteFor } from '../colour.js';
import { assertTenderDocument } from '../document-guard.js';
import { collectAnchors, hasBlocks, languageTag, safeFontName } from '../text.js';
import {
  type BlockContext,
  type BodyElement,
  draftingNote,
  headingParagraph,
  renderBlocks,
} from './blocks.js';
import { BodyWriter } from './body-splice.js';
import { blocksXml, draftingNoteXml } from './body-xml.js';
import { bookmarkNames } from './bookmarks.js';
import { contentsXml } from './contents-xml.js';
import { coverPage } from './cover.js';
import { type DocHeading, documentHeadings, headingXml, startsNewPage } from './headings-xml.js';
import { NUMBER_GUTTER, PAGE, TEXT_WIDTH } from './layout.js';
import { modelPageCount, modelPageNumbers } from './model-page-numbers.js';
import { packDocument } from './package-parts.js';
import { type PageNumberMode, pageNumberSource } from './page-estimate.js';
import { pageFurniture } from './page-furniture.js';
import { estimateModelPages } from './page-layout/estimate.js';
import { numberingOptions, STYLE, stylesFor } from './styles.js';

function clauseElements(clause: DocClause, ctx: BlockContext): BodyElement[] {
  return [
    headingParagraph('Heading2', clause.number, clause.title, ctx.bookmarks.get(clause.anchor)),
    ...(hasBlocks(clause.guidance)
      ? draftingNote(`Guidance: ${clause.clauseId} (version ${clause.version})`, clause.guidance, ctx)
      : []),
    ...renderBlocks(clause.blocks, ctx),
  ];
}

function sectionElements(section: DocSection, index: number, ctx: BlockContext): BodyElement[] {
  return [
    headingParagraph(
      'Heading1',
      section.number,
      section.title,
      ctx.bookmarks.get(section.anchor),
      startsNewPage(section, index),
    ),
    ...renderBlocks(section.blocks, ctx),
    ...section.clauses.flatMap((clause) => clauseElements(clause, ctx)),
  ];
}

/**
 * Everything after the cover written as XML straight from the model: the contents, then each section's heading and
 * blocks, and each of its clauses' heading, guidance note and blocks. `pages` is each heading's page (the model's
 * estimate), or undefined to leave the contents' page numbers for Word.
 */
function mainTextXml(
  doc: TenderDocument,
  ctx: BlockContext,
  body: BodyWriter,
  pages: readonly number[] | undefined,
): string {
  const headings = documentHeadings(doc, ctx.bookmarks);
  let xml = contentsXml(headings, pages);
  let index = 0;
  const nextHeading = () => {
    xml += headingXml(headings[index] as DocHeading, index);
    index += 1;
  };
  for (const section of doc.sections) {
    nextHeading();
    xml += blocksXml(section.blocks, ctx, body);
    for (const clause of section.clauses) {
      nextHeading();
      if (hasBlocks(clause.guidance)) {
        const title = `Guidance: ${clause.clauseId} (version ${clause.version})`;
        xml += draftingNoteXml(title, clause.guidance, ctx, body);
      }
      xml += blocksXml(clause.blocks, ctx, body);
    }
  }
  return xml;
}

/**
 * Builds the docx object model; `pageNumbers` (a page number estimator) pre-fills the contents' page numbers. With
 * `body`, everything after the cover is written as XML into it (mainTextXml), and docx's tree holds the cover and one
 * placeholder (body-splice.ts); the contents' page numbers are then `contentsPages` (each heading's page, in order),
 * and `pageNumbers` only needs the page count, for the footer.
 */
export function buildDocxDocument(
  doc: TenderDocument,
  pageNumbers?: PageNumberEstimator,
  trackRevisions = false,
  body?: BodyWriter,
  contentsPages?: readonly number[],
): Document {
  const palette = paletteFor(doc.meta.branding.accentColour);
  const font = safeFontName(doc.meta.branding.font);
  const ctx: BlockContext = {
    bookmarks: bookmarkNames(collectAnchors(doc.sections)),
    palette,
    width: TEXT_WIDTH,
    indent: NUMBER_GUTTER,
    textStyle: STYLE.clauseText,
    bulletLevel: 0,
  };
  const manifest = doc.manifest;
  const customProperties = [
    { name: 'TenderReference', value: doc.meta.reference },
    { name: 'Generator', value: manifest.generator },
    { name: 'ClauseLibraryVersion', value: manifest.clausesPackageVersion },
    { name: 'SecurityClassification', value: doc.meta.classification ?? doc.cover.classification ?? '' },
  ]
    .map((p) => ({ name: p.name, value: sanitiseText(p.value).trim() }))
    .filter((p) => p.value !== '');

  return new Document({
    title: sanitiseText(doc.meta.title),
    subject: sanitiseText(doc.meta.subject),
    creator: sanitiseText(doc.meta.creator),
    lastModifiedBy: sanitiseText(doc.meta.creator),
    keywords: doc.meta.keywords.map(sanitiseText).join(', '),
    description: sanitiseText(doc.meta.description),
    revision: 1,
    customProperties,
    styles: stylesFor(font, languageTag(doc.meta.language), palette),
    numbering: numberingOptions(),
    ...(pageNumbers ? { pageNumbers } : {}),
    ...(trackRevisions ? { features: { trackRevisions: true } } : {}),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        ...pageFurniture(doc, palette),
        children: [
          ...coverPage(doc, ctx),
          ...(body
            ? body.placeholder(mainTextXml(doc, ctx, body, contentsPages))
            : [
                new Paragraph({
                  style: STYLE.contentsHeading,
                  pageBreakBefore: true,
                  children: [new TextRun('Contents')],
                }),
                new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
                ...doc.sections.flatMap((section, index) => sectionElements(section, index, ctx)),
              ]),
        ],
      },
    ],
  });
}

/** Options for {@link renderDocx}: how the contents get their page numbers. */
export interface RenderDocxOptions {
  /**
   * Contents page numbers: 'auto' (default) estimates them in milliseconds from the document model, 'estimate' lays
   * the written XML out page by page with docx/layout (general, but seconds per tender), 'word' leaves them for Word
   * to fill in when it updates the contents. See page-estimate.ts.
   */
  readonly pageNumbers?: PageNumberMode;
  /** Word keeps tracking changes when the document is edited (for a redline, so further edits show too). */
  readonly trackRevisions?: boolean;
}

async function estimatorFor(
  doc: TenderDocument,
  mode: PageNumberMode,
): Promise<PageNumberEstimator | undefined> {
  switch (pageNumberSource(mode)) {
    case 'model':
      return modelPageNumbers(doc, bookmarkNames(collectAnchors(doc.sections)));
    case 'layout':
      // docx/layout is 1.7 MB: loaded only when asked for, so a browser bundle can split it off.
      return (await import('docx/layout')).estimatePageNumbers;
    default:
      return undefined;
  }
}

/**
 * How the body is written: 'xml' straight from the model (everything after the cover: contents-xml.ts,
 * headings-xml.ts, body-xml.ts), 'docx' as docx objects. Both give the same bytes (body-xml.test.ts); 'xml' is
 * several times faster. docx/layout's page estimate lays out docx's tree, so it needs the body as docx objects.
 */
export type BodyWriterKind = 'xml' | 'docx';

/** renderDocx with the body writer chosen; internal, for the tests that compare the two writers. */
export async function renderDocxWith(
  doc: TenderDocument,
  options: RenderDocxOptions,
  bodyWriter: BodyWriterKind,
): Promise<Uint8Array> {
  const mode = options.pageNumbers ?? 'auto';
  const asXml = bodyWriter === 'xml' && pageNumberSource(mode) !== 'layout';
  const estimator = asXml ? undefined : await estimatorFor(doc, mode);
  const withPageNumbers = asXml ? pageNumberSource(mode) === 'model' : estimator !== undefined;
  const normalise = { issueDate: doc.meta.issueDate, manifest: doc.manifest };
  const pack = async (pageNumbers: boolean): Promise<Uint8Array> => {
    const { trackRevisions } = options;
    if (!asXml) {
      const tree = buildDocxDocument(doc, pageNumbers ? estimator : undefined, trackRevisions);
      return packDocument(tree, normalise);
    }
    // The model's page estimate gives the contents their page numbers as they are written, and docx the page count.
    const estimate = pageNumbers ? estimateModelPages(doc) : undefined;
    const body = new BodyWriter();
    const pageCount = estimate && modelPageCount(estimate);
    const tree = buildDocxDocument(doc, pageCount, trackRevisions, body, estimate?.headingPages);
    return packDocument(tree, normalise, body);
  };
  try {
    return await pack(withPageNumbers);
  } catch (error) {
    if (!withPageNumbers) throw error;
    // The page numbers are an estimate: if it fails, the contents are still written, with page numbers left for
    // Word to fill in. Any other failure happens again here and is thrown.
    return pack(false).catch(() => {
      throw error;
    });
  }
}

/**
 * Renders the document model to .docx bytes. Pure and isomorphic (no fs, clock or randomness), and deterministic:
 * the same model and options give the same bytes, in any process.
 */
export async function renderDocx(doc: TenderDocument, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  assertTenderDocument('renderDocx', doc);
  return renderDocxWith(doc, options ?? {}, 'xml');
}
