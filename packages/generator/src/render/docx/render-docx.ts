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
import { coverPage } from './cover.js';
import { NUMBER_GUTTER, PAGE, TEXT_WIDTH } from './layout.js';
import { modelPageNumbers } from './model-page-numbers.js';
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

/**
 * The same elements with the body between headings written as XML (body-xml.ts) and standing in the tree as
 * placeholders (body-splice.ts): the headings stay docx objects, as the contents and the page estimate read them.
 */
function sectionElementsAsXml(
  section: DocSection,
  index: number,
  ctx: BlockContext,
  body: BodyWriter,
): BodyElement[] {
  const newPage = index === 0 || section.kind === 'appendix';
  const elements: BodyElement[] = [
    headingParagraph('Heading1', section.number, section.title, ctx.bookmarks.get(section.anchor), newPage),
    ...body.placeholder(blocksXml(section.blocks, ctx, body)),
  ];
  for (const clause of section.clauses) {
    elements.push(
      headingParagraph('Heading2', clause.number, clause.title, ctx.bookmarks.get(clause.anchor)),
    );
    const guidance = hasBlocks(clause.guidance)
      ? draftingNoteXml(
          `Guidance: ${clause.clauseId} (version ${clause.version})`,
          clause.guidance,
          ctx,
          body,
        )
      : '';
    elements.push(...body.placeholder(guidance + blocksXml(clause.blocks, ctx, body)));
  }
  return elements;
}

/**
 * Builds the docx object model; `pageNumbers` (a page number estimator) pre-fills the contents' page numbers. With
 * `body`, the body between headings is written as XML into it (see sectionElementsAsXml) instead of as docx objects.
 */
export function buildDocxDocument(
  doc: TenderDocument,
  pageNumbers?: PageNumberEstimator,
  trackRevisions = false,
  body?: BodyWriter,
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
          ...doc.sections.flatMap((section, index) =>
            body ? sectionElementsAsXml(section, index, ctx, body) : sectionElements(section, index, ctx),
          ),
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
 * How the body is written: 'xml' straight from the model (body-xml.ts), 'docx' as docx objects. Both give the same
 * bytes (body-xml.test.ts); 'xml' is several times faster. docx/layout's page estimate lays out docx's tree, so it
 * needs the body as docx objects.
 */
export type BodyWriterKind = 'xml' | 'docx';

/** renderDocx with the body writer chosen; internal, for the tests that compare the two writers. */
export async function renderDocxWith(
  doc: TenderDocument,
  options: RenderDocxOptions,
  bodyWriter: BodyWriterKind,
): Promise<Uint8Array> {
  const mode = options.pageNumbers ?? 'auto';
  const estimator = await estimatorFor(doc, mode);
  const asXml = bodyWriter === 'xml' && pageNumberSource(mode) !== 'layout';
  const normalise = { issueDate: doc.meta.issueDate, manifest: doc.manifest };
  const pack = (pageNumbers: PageNumberEstimator | undefined) => {
    const body = asXml ? new BodyWriter() : undefined;
    return packDocument(buildDocxDocument(doc, pageNumbers, options.trackRevisions, body), normalise, body);
  };
  try {
    return await pack(estimator);
  } catch (error) {
    if (!estimator) throw error;
    // The page numbers are an estimate: if it fails, the contents are still written, with page numbers left for
    // Word to fill in. Any other failure happens again here and is thrown.
    return pack(undefined).catch(() => {
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
