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
import { bookmarkNames } from './bookmarks.js';
import { coverPage } from './cover.js';
import { NUMBER_GUTTER, PAGE, TEXT_WIDTH } from './layout.js';
import { modelPageNumbers } from './model-page-estimate.js';
import { packDocument } from './package-parts.js';
import { type PageNumberMode, pageNumberSource } from './page-estimate.js';
import { pageFurniture } from './page-furniture.js';
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
  // The first section follows the contents page; appendices start on a page of their own.
  const newPage = index === 0 || section.kind === 'appendix';
  return [
    headingParagraph('Heading1', section.number, section.title, ctx.bookmarks.get(section.anchor), newPage),
    ...renderBlocks(section.blocks, ctx),
    ...section.clauses.flatMap((clause) => clauseElements(clause, ctx)),
  ];
}

/** Builds the docx object model; `pageNumbers` (a page number estimator) pre-fills the contents' page numbers. */
export function buildDocxDocument(
  doc: TenderDocument,
  pageNumbers?: PageNumberEstimator,
  trackRevisions = false,
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
          new Paragraph({
            style: STYLE.contentsHeading,
            pageBreakBefore: true,
            children: [new TextRun('Contents')],
          }),
          new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
          ...doc.sections.flatMap((section, index) => sectionElements(section, index, ctx)),
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
 * Renders the document model to .docx bytes. Pure and isomorphic (no fs, clock or randomness), and deterministic:
 * the same model and options give the same bytes, in any process.
 */
export async function renderDocx(doc: TenderDocument, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  assertTenderDocument('renderDocx', doc);
  options ??= {};
  const estimator = await estimatorFor(doc, options.pageNumbers ?? 'auto');
  const normalise = { issueDate: doc.meta.issueDate, manifest: doc.manifest };
  try {
    return await packDocument(buildDocxDocument(doc, estimator, options.trackRevisions), normalise);
  } catch (error) {
    if (!estimator) throw error;
    // The page numbers are an estimate: if it fails, the contents are still written, with page numbers left for
    // Word to fill in. Any other failure happens again here and is thrown.
    return packDocument(buildDocxDocument(doc, undefined, options.trackRevisions), normalise).catch(() => {
      throw error;
    });
  }
}
