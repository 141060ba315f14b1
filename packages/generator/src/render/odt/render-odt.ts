import type { DocClause, DocSection, TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { paletteFor } from '../colour.js';
import { coverLogo, factsWidths } from '../cover-data.js';
import { bookmarkNames } from '../docx/bookmarks.js';
import {
  DOCUMENT_TYPE_SIZE,
  DRAFT_COLOUR,
  DRAFT_MARK_SIZE,
  NUMBER_GUTTER,
  SPACING,
  TEXT_WIDTH,
} from '../docx/layout.js';
import { manifestXml, ODT_MANIFEST_PATH } from '../docx/manifest.js';
import { estimateModelPages } from '../docx/page-layout/estimate.js';
import {
  collectAnchors,
  DRAFT_MARK,
  documentTypeOf,
  formatIsoDate,
  hasBlocks,
  isDraft,
  languageTag,
  safeFontName,
} from '../text.js';
import { AutomaticStyles } from './automatic-styles.js';
import { draftingNote, gridTable, type OdtContext, renderBlocks } from './blocks.js';
import { metaXml, settingsXml } from './meta.js';
import { namespaceAttributes, ODF_VERSION, XML_DECLARATION } from './namespaces.js';
import { type OdtPart, zipOdt } from './package.js';
import { fontFaceDecls, MASTER, ODT_STYLE, stylesXml } from './styles.js';
import { attrs, escapeXml, fontPt, odfText, pt } from './xml.js';

/** A heading: bookmarked whole, its legal number and title separated by a tab that reaches the hanging indent. */
function heading(
  level: 1 | 2,
  number: string,
  title: string,
  bookmark: string | undefined,
  ctx: OdtContext,
  pageBreakBefore = false,
): string {
  const base = level === 1 ? ODT_STYLE.heading1 : ODT_STYLE.heading2;
  const style = pageBreakBefore ? ctx.styles.paragraph(base, { 'fo:break-before': 'page' }) : base;
  const text = number ? `${odfText(number, true)}<text:tab/>${odfText(title)}` : odfText(title, true);
  const marked = bookmark
    ? `<text:bookmark-start text:name="${escapeXml(bookmark)}"/>${text}<text:bookmark-end text:name="${escapeXml(bookmark)}"/>`
    : text;
  return `<text:h${attrs({ 'text:style-name': style, 'text:outline-level': level })}>${marked}</text:h>`;
}

function clauseXml(clause: DocClause, ctx: OdtContext): string {
  return (
    heading(2, clause.number, clause.title, ctx.bookmarks.get(clause.anchor), ctx) +
    (hasBlocks(clause.guidance)
      ? draftingNote(`Guidance: ${clause.clauseId} (version ${clause.version})`, clause.guidance, ctx)
      : '') +
    renderBlocks(clause.blocks, ctx)
  );
}

function sectionXml(section: DocSection, index: number, ctx: OdtContext): string {
  // The first section follows the contents page; appendices start on a page of their own (as in the .docx).
  const newPage = index === 0 || section.kind === 'appendix';
  return (
    heading(1, section.number, section.title, ctx.bookmarks.get(section.anchor), ctx, newPage) +
    renderBlocks(section.blocks, ctx) +
    section.clauses.map((clause) => clauseXml(clause, ctx)).join('')
  );
}

function coverXml(doc: TenderDocument, ctx: OdtContext): string {
  const { cover } = doc;
  const s = ctx.styles;
  // The first paragraph puts the cover on its own page style: markings only, no running heads.
  const onCover = (parent: string, properties: Record<string, string> = {}) =>
    s.paragraph(parent, properties, { masterPage: MASTER.cover });
  let out = '';
  // A draft says so first, large and red, as on the .docx cover.
  if (isDraft(doc)) {
    const mark = s.custom(
      'T',
      'draft',
      (name) =>
        `<style:style style:name="${name}" style:family="text"><style:text-properties fo:font-size="${fontPt(DRAFT_MARK_SIZE)}" fo:font-weight="bold" fo:color="#${DRAFT_COLOUR}"/></style:style>`,
    );
    out += `<text:p text:style-name="${onCover(ODT_STYLE.coverMeta)}"><text:span text:style-name="${mark}">${escapeXml(DRAFT_MARK)}</text:span></text:p>`;
  }
  const first = out === '';
  const logo = coverLogo(doc);
  if (logo) {
    const alt = sanitiseText(doc.meta.branding.logo?.altText ?? '').trim() || sanitiseText(cover.authority);
    const frame = s.custom(
      'Fr',
      'logo',
      (name) =>
        `<style:style style:name="${name}" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none" fo:padding="0pt"/></style:style>`,
    );
    const logoStyle = first
      ? onCover(ODT_STYLE.standard, { 'fo:margin-bottom': pt(SPACING.logo.after) })
      : s.paragraph(ODT_STYLE.standard, { 'fo:margin-bottom': pt(SPACING.logo.after) });
    out += `<text:p text:style-name="${logoStyle}"><draw:frame${attrs({ 'draw:style-name': frame, 'draw:name': 'Logo', 'text:anchor-type': 'as-char', 'svg:width': pt(logo.width * 15), 'svg:height': pt(logo.height * 15), 'draw:z-index': 0 })}><draw:image${attrs({ 'xlink:href': `Pictures/logo.${logo.kind === 'png' ? 'png' : 'jpg'}`, 'xlink:type': 'simple', 'xlink:show': 'embed', 'xlink:actuate': 'onLoad' })}/><svg:title>${odfText(alt, true)}</svg:title></draw:frame></text:p>`;
  }
  const authorityStyle = logo || !first ? ODT_STYLE.coverAuthority : onCover(ODT_STYLE.coverAuthority);
  out += `<text:p text:style-name="${authorityStyle}">${odfText(cover.authority, true)}</text:p>`;
  const documentType = documentTypeOf(doc);
  if (documentType) {
    const typeStyle = s.custom(
      'T',
      'doctype',
      (name) =>
        `<style:style style:name="${name}" style:family="text"><style:text-properties fo:font-size="${fontPt(DOCUMENT_TYPE_SIZE)}" fo:font-weight="bold"/></style:style>`,
    );
    out += `<text:p text:style-name="${s.paragraph(ODT_STYLE.coverMeta, { 'fo:keep-with-next': 'always' })}"><text:span text:style-name="${typeStyle}">${odfText(documentType, true)}</text:span></text:p>`;
  }
  out += `<text:p text:style-name="${ODT_STYLE.coverTitle}">${odfText(cover.title, true)}</text:p>`;
  const labelled = (label: string, value: string) =>
    `<text:p text:style-name="${ODT_STYLE.coverMeta}"><text:span text:style-name="${ODT_STYLE.strong}">${escapeXml(label)}: </text:span>${odfText(value)}</text:p>`;
  if (cover.reference.trim()) out += labelled('Reference', cover.reference);
  if (cover.procedure.trim()) out += labelled('Procedure', cover.procedure);
  if (doc.meta.issueDate.trim()) out += labelled('Issue date', formatIsoDate(doc.meta.issueDate));
  const gap = `<text:p text:style-name="${s.paragraph(ODT_STYLE.standard, { 'fo:margin-bottom': pt(SPACING.coverGap.after) })}"/>`;
  out += gap;
  if (cover.facts.length > 0) {
    const rows = cover.facts.map((fact) => [
      `<text:span text:style-name="${ODT_STYLE.strong}">${odfText(fact.label, true)}</text:span>`,
      odfText(fact.value, true),
    ]);
    out += gridTable({ ...ctx, indent: 0 }, factsWidths(TEXT_WIDTH), undefined, rows, undefined, 'F3F2F1');
    out += gap;
  }
  out += renderBlocks(cover.blocks, { ...ctx, indent: 0 });
  return out;
}

/**
 * The contents as an ODF table of contents: its source says how to rebuild it (levels 1 and 2, linked entries, page
 * numbers after a dot leader), and its body is filled in with the same estimated page numbers the .docx's contents
 * carry (docx/page-layout/), so it reads right before any application updates it.
 */
function contentsXml(doc: TenderDocument, ctx: OdtContext, pages: readonly number[]): string {
  const template = (level: 1 | 2) =>
    `<text:table-of-content-entry-template text:outline-level="${level}" text:style-name="${level === 1 ? ODT_STYLE.toc1 : ODT_STYLE.toc2}">` +
    '<text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/>' +
    '</text:table-of-content-entry-template>';
  const titleStyle = ctx.styles.paragraph(ODT_STYLE.contentsHeading, { 'fo:break-before': 'page' });
  const section = ctx.styles.custom(
    'Sect',
    'contents',
    (name) =>
      `<style:style style:name="${name}" style:family="section"><style:section-properties style:editable="false"/></style:style>`,
  );
  let index = 0;
  const entries: string[] = [];
  for (const s of doc.sections) {
    for (const item of [s, ...s.clauses]) {
      const level = item === s ? 1 : 2;
      const page = pages[index] ?? 1;
      index += 1;
      const text = sanitiseText(item.number ? `${item.number} ${item.title}` : item.title);
      if (text.trim() === '') continue;
      const bookmark = ctx.bookmarks.get(item.anchor);
      const body = `${odfText(text, true)}<text:tab/>${page}`;
      const linked = bookmark
        ? `<text:a${attrs({ 'xlink:type': 'simple', 'xlink:href': `#${bookmark}`, 'text:style-name': ODT_STYLE.indexLink, 'text:visited-style-name': ODT_STYLE.indexLink })}>${body}</text:a>`
        : body;
      entries.push(
        `<text:p text:style-name="${level === 1 ? ODT_STYLE.toc1 : ODT_STYLE.toc2}">${linked}</text:p>`,
      );
    }
  }
  return (
    `<text:table-of-content${attrs({ 'text:style-name': section, 'text:protected': 'true', 'text:name': 'Contents' })}>` +
    '<text:table-of-content-source text:outline-level="2" text:use-index-marks="false" text:use-outline-level="true">' +
    `<text:index-title-template text:style-name="${titleStyle}">Contents</text:index-title-template>` +
    template(1) +
    template(2) +
    '</text:table-of-content-source>' +
    '<text:index-body>' +
    `<text:index-title text:name="Contents_Head"><text:p text:style-name="${titleStyle}">Contents</text:p></text:index-title>` +
    entries.join('') +
    '</text:index-body></text:table-of-content>' +
    // The .docx's contents field ends with an empty paragraph; the page estimate counts it, so the .odt has it too.
    `<text:p text:style-name="${ODT_STYLE.standard}"/>`
  );
}

function contentXml(doc: TenderDocument, font: string, pages: readonly number[]): string {
  const palette = paletteFor(doc.meta.branding.accentColour);
  const ctx: OdtContext = {
    styles: new AutomaticStyles(),
    bookmarks: bookmarkNames(collectAnchors(doc.sections)),
    palette,
    width: TEXT_WIDTH,
    indent: NUMBER_GUTTER,
    textStyle: ODT_STYLE.clauseText,
    bulletLevel: 0,
  };
  // Rendered first: automatic styles are collected while the body is written.
  const body =
    coverXml(doc, ctx) +
    contentsXml(doc, ctx, pages) +
    doc.sections.map((section, index) => sectionXml(section, index, ctx)).join('');
  return (
    XML_DECLARATION +
    `<office:document-content${namespaceAttributes('office', 'style', 'text', 'table', 'draw', 'fo', 'xlink', 'svg')} office:version="${ODF_VERSION}">` +
    fontFaceDecls(font) +
    `<office:automatic-styles>${ctx.styles.xml()}</office:automatic-styles>` +
    `<office:body><office:text>${body}</office:text></office:body>` +
    '</office:document-content>'
  );
}

/**
 * Renders the document model to OpenDocument text (.odt) bytes: strict ODF 1.3, no application extensions. Pure and
 * isomorphic (no fs, clock or randomness) and deterministic: the same model gives the same bytes.
 */
export function renderOdt(doc: TenderDocument): Uint8Array {
  const font = safeFontName(doc.meta.branding.font);
  const palette = paletteFor(doc.meta.branding.accentColour);
  const estimate = estimateModelPages(doc);
  const parts: OdtPart[] = [
    { path: 'content.xml', mediaType: 'text/xml', data: contentXml(doc, font, estimate.headingPages) },
    {
      path: 'styles.xml',
      mediaType: 'text/xml',
      data: stylesXml(doc, font, languageTag(doc.meta.language), palette),
    },
    { path: 'meta.xml', mediaType: 'text/xml', data: metaXml(doc, estimate.pageCount) },
    { path: 'settings.xml', mediaType: 'text/xml', data: settingsXml() },
    { path: ODT_MANIFEST_PATH, mediaType: 'application/xml', data: manifestXml(doc.manifest) },
  ];
  const logo = coverLogo(doc);
  if (logo) {
    parts.push({
      path: `Pictures/logo.${logo.kind === 'png' ? 'png' : 'jpg'}`,
      mediaType: logo.kind === 'png' ? 'image/png' : 'image/jpeg',
      data: logo.data,
    });
  }
  return zipOdt(parts, doc.meta.issueDate);
}
