import type { TenderDocument } from '../../model/types.js';
import type { Palette } from '../colour.js';
import {
  COVER_META_SIZE,
  MARKING_SIZE,
  NUMBER_GUTTER,
  PAGE,
  RULE,
  SIZE,
  SPACING,
  TEXT_WIDTH,
  TOC2_INDENT,
} from '../docx/layout.js';
import { classificationOf, DRAFT_MARK, isDraft, runningText } from '../text.js';
import { namespaceAttributes, ODF_VERSION, XML_DECLARATION } from './namespaces.js';
import { attrs, escapeXml, fontPt, odfText, pt } from './xml.js';

/**
 * Named styles of the .odt: the same look, sizes and spacing as the .docx (the constants are shared, from
 * docx/layout.ts), so LibreOffice lays both out alike and the contents' estimated page numbers fit both.
 */
export const ODT_STYLE = {
  standard: 'Standard',
  body: 'Body_20_Text',
  clauseText: 'Clause_20_Text',
  definition: 'Definition',
  coverAuthority: 'Cover_20_Authority',
  coverTitle: 'Cover_20_Title',
  coverMeta: 'Cover_20_Details',
  contentsHeading: 'Contents_20_Heading',
  toc1: 'Contents_20_1',
  toc2: 'Contents_20_2',
  tableText: 'Table_20_Contents',
  tableHeading: 'Table_20_Heading',
  caption: 'Caption',
  noteLabel: 'Drafting_20_Note_20_Label',
  noteText: 'Drafting_20_Note_20_Text',
  heading1: 'Heading_20_1',
  heading2: 'Heading_20_2',
  header: 'Header',
  footer: 'Footer',
  marking: 'Classification_20_Marking',
  link: 'Internet_20_link',
  indexLink: 'Index_20_Link',
  strong: 'Strong_20_Emphasis',
  emphasis: 'Emphasis',
} as const;

/** The page styles: the cover has only the classification marking; the body adds running heads and page numbers. */
export const MASTER = { cover: 'Cover', body: 'Standard' } as const;

const displayName = (name: string) => name.replace(/_20_/g, ' ');

interface ParagraphStyleDef {
  readonly name: string;
  readonly parent?: string;
  readonly next?: string;
  readonly outline?: number;
  readonly paragraph?: Readonly<Record<string, string | undefined>>;
  readonly tabStops?: string;
  readonly text?: Readonly<Record<string, string | undefined>>;
}

function paragraphStyle(def: ParagraphStyleDef): string {
  const head = attrs({
    'style:name': def.name,
    'style:display-name': def.name.includes('_20_') ? displayName(def.name) : undefined,
    'style:family': 'paragraph',
    'style:parent-style-name': def.parent,
    'style:next-style-name': def.next,
    'style:default-outline-level': def.outline,
    'style:class': def.outline ? 'text' : undefined,
  });
  const paragraph =
    def.paragraph || def.tabStops
      ? `<style:paragraph-properties${attrs(def.paragraph ?? {})}>${def.tabStops ? `<style:tab-stops>${def.tabStops}</style:tab-stops>` : ''}</style:paragraph-properties>`
      : '';
  const text = def.text ? `<style:text-properties${attrs(def.text)}/>` : '';
  return `<style:style${head}>${paragraph}${text}</style:style>`;
}

const spacing = (before: number, after: number) => ({
  'fo:margin-top': pt(before),
  'fo:margin-bottom': pt(after),
});
const lineHeight = (line: number) => `${Math.round((line / 240) * 100)}%`;
const rightTab = (leader?: string) =>
  `<style:tab-stop${attrs({ 'style:position': pt(TEXT_WIDTH), 'style:type': 'right', 'style:leader-style': leader ? 'dotted' : undefined, 'style:leader-text': leader })}/>`;
const border = (widthPt: number, colour: string) => `${widthPt}pt solid #${colour}`;

function languageParts(tag: string): { language: string; country?: string } {
  const [language = 'en', region] = tag.split('-');
  return {
    language: language.toLowerCase(),
    ...(region && /^[A-Za-z]{2}$/.test(region) ? { country: region.toUpperCase() } : {}),
  };
}

function namedStyles(font: string, language: string, palette: Palette): string {
  const { language: lang, country } = languageParts(language);
  const accentText = `#${palette.accentText}`;
  const defs: ParagraphStyleDef[] = [
    { name: ODT_STYLE.standard },
    {
      name: ODT_STYLE.body,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.body,
      paragraph: spacing(0, SPACING.body.after),
    },
    {
      name: ODT_STYLE.clauseText,
      parent: ODT_STYLE.body,
      next: ODT_STYLE.clauseText,
      paragraph: { 'fo:margin-left': pt(NUMBER_GUTTER) },
    },
    {
      name: ODT_STYLE.definition,
      parent: ODT_STYLE.clauseText,
      paragraph: { 'fo:margin-bottom': pt(SPACING.definition.after) },
    },
    {
      name: ODT_STYLE.coverAuthority,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.coverTitle,
      paragraph: spacing(SPACING.coverAuthority.before, SPACING.coverAuthority.after),
      text: { 'fo:font-size': fontPt(SIZE.authority), 'fo:font-weight': 'bold', 'fo:color': accentText },
    },
    {
      name: ODT_STYLE.coverTitle,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.coverMeta,
      paragraph: {
        ...spacing(SPACING.coverTitle.before, SPACING.coverTitle.after),
        'fo:line-height': lineHeight(SPACING.coverTitle.line),
        'fo:border-bottom': border(RULE.coverTitle.size / 8, palette.accent),
        'fo:padding-bottom': `${RULE.coverTitle.space}pt`,
      },
      text: { 'fo:font-size': fontPt(SIZE.title), 'fo:font-weight': 'bold', 'fo:color': accentText },
    },
    {
      name: ODT_STYLE.coverMeta,
      parent: ODT_STYLE.standard,
      paragraph: { 'fo:margin-bottom': pt(SPACING.coverMeta.after) },
      text: { 'fo:font-size': fontPt(COVER_META_SIZE) },
    },
    {
      name: ODT_STYLE.contentsHeading,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.standard,
      paragraph: {
        ...spacing(SPACING.contentsHeading.before, SPACING.contentsHeading.after),
        'fo:keep-with-next': 'always',
      },
      text: { 'fo:font-size': fontPt(SIZE.heading1), 'fo:font-weight': 'bold', 'fo:color': accentText },
    },
    {
      name: ODT_STYLE.toc1,
      parent: ODT_STYLE.standard,
      paragraph: spacing(SPACING.toc1.before, SPACING.toc1.after),
      tabStops: rightTab('.'),
      text: { 'fo:font-weight': 'bold' },
    },
    {
      name: ODT_STYLE.toc2,
      parent: ODT_STYLE.standard,
      paragraph: { 'fo:margin-left': pt(TOC2_INDENT), 'fo:margin-bottom': pt(SPACING.toc2.after) },
      tabStops: rightTab('.'),
    },
    {
      name: ODT_STYLE.tableText,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.tableText,
      paragraph: {
        ...spacing(SPACING.tableText.before, SPACING.tableText.after),
        'fo:line-height': lineHeight(SPACING.tableText.line),
      },
      text: { 'fo:font-size': fontPt(SIZE.small) },
    },
    {
      name: ODT_STYLE.tableHeading,
      parent: ODT_STYLE.tableText,
      paragraph: { 'fo:keep-with-next': 'always' },
      text: { 'fo:font-weight': 'bold', 'fo:color': `#${palette.headerText}` },
    },
    {
      name: ODT_STYLE.caption,
      parent: ODT_STYLE.standard,
      paragraph: { ...spacing(SPACING.caption.before, SPACING.caption.after), 'fo:keep-with-next': 'always' },
      text: { 'fo:font-size': fontPt(SIZE.small), 'fo:font-weight': 'bold' },
    },
    {
      name: ODT_STYLE.noteLabel,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.noteText,
      paragraph: { 'fo:margin-bottom': pt(SPACING.noteLabel.after), 'fo:keep-with-next': 'always' },
      text: { 'fo:font-size': fontPt(SIZE.small), 'fo:font-weight': 'bold' },
    },
    {
      name: ODT_STYLE.noteText,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.noteText,
      paragraph: { 'fo:margin-bottom': pt(SPACING.noteText.after) },
      text: { 'fo:font-size': fontPt(SIZE.small) },
    },
    {
      name: ODT_STYLE.heading1,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.body,
      outline: 1,
      paragraph: {
        ...spacing(SPACING.heading1.before, SPACING.heading1.after),
        'fo:line-height': lineHeight(SPACING.heading1.line),
        'fo:margin-left': pt(NUMBER_GUTTER),
        'fo:text-indent': pt(-NUMBER_GUTTER),
        'fo:keep-with-next': 'always',
        'fo:keep-together': 'always',
        'fo:border-bottom': border(RULE.heading1.size / 8, palette.accent),
        'fo:padding-bottom': `${RULE.heading1.space}pt`,
      },
      text: { 'fo:font-size': fontPt(SIZE.heading1), 'fo:font-weight': 'bold', 'fo:color': accentText },
    },
    {
      name: ODT_STYLE.heading2,
      parent: ODT_STYLE.standard,
      next: ODT_STYLE.clauseText,
      outline: 2,
      paragraph: {
        ...spacing(SPACING.heading2.before, SPACING.heading2.after),
        'fo:line-height': lineHeight(SPACING.heading2.line),
        'fo:margin-left': pt(NUMBER_GUTTER),
        'fo:text-indent': pt(-NUMBER_GUTTER),
        'fo:keep-with-next': 'always',
        'fo:keep-together': 'always',
      },
      text: { 'fo:font-size': fontPt(SIZE.heading2), 'fo:font-weight': 'bold', 'fo:color': accentText },
    },
    {
      name: ODT_STYLE.header,
      parent: ODT_STYLE.standard,
      paragraph: { 'fo:margin-bottom': '0pt' },
      tabStops: rightTab(),
      text: { 'fo:font-size': fontPt(SIZE.header), 'fo:color': '#505A5F' },
    },
    {
      name: ODT_STYLE.footer,
      parent: ODT_STYLE.standard,
      paragraph: { 'fo:margin-bottom': '0pt' },
      tabStops: rightTab(),
      text: { 'fo:font-size': fontPt(SIZE.header), 'fo:color': '#505A5F' },
    },
    {
      name: ODT_STYLE.marking,
      parent: ODT_STYLE.standard,
      paragraph: { 'fo:margin-bottom': pt(SPACING.marking.after), 'fo:text-align': 'center' },
      text: {
        'fo:font-size': fontPt(MARKING_SIZE),
        'fo:font-weight': 'bold',
        'fo:text-transform': 'uppercase',
      },
    },
  ];
  const defaults =
    '<style:default-style style:family="paragraph">' +
    `<style:paragraph-properties${attrs({
      ...spacing(SPACING.document.before, SPACING.document.after),
      'fo:line-height': lineHeight(SPACING.document.line),
      'fo:orphans': '2',
      'fo:widows': '2',
      'fo:hyphenation-ladder-count': 'no-limit',
      'style:tab-stop-distance': '36pt',
      'style:writing-mode': 'lr-tb',
    })}/>` +
    `<style:text-properties${attrs({
      'style:font-name': font,
      'fo:font-size': fontPt(SIZE.body),
      'fo:color': `#${palette.bodyText}`,
      'fo:language': lang,
      'fo:country': country,
      'style:letter-kerning': 'false',
      'fo:hyphenate': 'false',
    })}/>` +
    '</style:default-style>' +
    '<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:default-style>';
  const textStyles =
    `<style:style style:name="${ODT_STYLE.link}" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="${accentText}" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>` +
    `<style:style style:name="${ODT_STYLE.indexLink}" style:display-name="Index Link" style:family="text"><style:text-properties fo:color="#${palette.bodyText}" style:text-underline-style="none"/></style:style>` +
    `<style:style style:name="${ODT_STYLE.strong}" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
    `<style:style style:name="${ODT_STYLE.emphasis}" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>`;
  // Headings carry their numbers as text (the model's legal numbers, e.g. 7.3), so the outline adds none.
  const outline =
    '<text:outline-style style:name="Outline">' +
    Array.from(
      { length: 10 },
      (_, i) =>
        `<text:outline-level-style text:level="${i + 1}" style:num-format=""><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:outline-level-style>`,
    ).join('') +
    '</text:outline-style>';
  return `<office:styles>${defaults}${defs.map(paragraphStyle).join('')}${textStyles}${outline}</office:styles>`;
}

/**
 * A4 with the .docx's margins. Header and footer sit 1 cm from the edge, and the body starts 2.5 cm down as in Word:
 * LibreOffice counts a header's spacing inside its minimum height, so the height is the whole distance.
 */
function pageLayout(): string {
  const headerBox = PAGE.margin - PAGE.header;
  const spacingBelow = headerBox - 57;
  const box = (edge: 'bottom' | 'top') =>
    `<style:header-footer-properties${attrs({ 'fo:min-height': pt(headerBox), 'fo:margin-left': '0pt', 'fo:margin-right': '0pt', [`fo:margin-${edge}`]: pt(spacingBelow), 'style:dynamic-spacing': 'true' })}/>`;
  return (
    '<style:page-layout style:name="PageLayout">' +
    `<style:page-layout-properties${attrs({
      'fo:page-width': pt(PAGE.width),
      'fo:page-height': pt(PAGE.height),
      'style:num-format': '1',
      'style:print-orientation': 'portrait',
      'fo:margin-top': pt(PAGE.header),
      'fo:margin-bottom': pt(PAGE.footer),
      'fo:margin-left': pt(PAGE.margin),
      'fo:margin-right': pt(PAGE.margin),
      'style:writing-mode': 'lr-tb',
    })}/>` +
    `<style:header-style>${box('bottom')}</style:header-style>` +
    `<style:footer-style>${box('top')}</style:footer-style>` +
    '</style:page-layout>'
  );
}

function markingParagraphs(doc: TenderDocument): string {
  const marking = classificationOf(doc);
  const text = marking ? runningText(marking, 60) : undefined;
  return text ? `<text:p text:style-name="${ODT_STYLE.marking}">${odfText(text, true)}</text:p>` : '';
}

function masterPages(doc: TenderDocument, palette: Palette): { automatic: string; masters: string } {
  const marking = markingParagraphs(doc);
  const orEmpty = (xml: string) => xml || `<text:p text:style-name="${ODT_STYLE.standard}"/>`;
  const rule = border(0.5, palette.accent);
  const draft = isDraft(doc) ? `${escapeXml(DRAFT_MARK)} ` : '';
  const header = `<style:header>${marking}<text:p text:style-name="HeaderRule">${draft}${odfText(runningText(doc.meta.title, 90), true)}<text:tab/>${odfText(runningText(doc.meta.reference, 30))}</text:p></style:header>`;
  const footer = `<style:footer><text:p text:style-name="FooterRule">${odfText(runningText(doc.cover.authority, 70), true)}<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p>${marking}</style:footer>`;
  const rules =
    `<style:style style:name="HeaderRule" style:family="paragraph" style:parent-style-name="${ODT_STYLE.header}"><style:paragraph-properties fo:border-bottom="${rule}" fo:padding-bottom="4pt"/></style:style>` +
    `<style:style style:name="FooterRule" style:family="paragraph" style:parent-style-name="${ODT_STYLE.footer}"><style:paragraph-properties fo:border-top="${rule}" fo:padding-top="4pt"/></style:style>`;
  return {
    automatic: rules,
    masters:
      `<style:master-page style:name="${MASTER.body}" style:page-layout-name="PageLayout">${header}${footer}</style:master-page>` +
      `<style:master-page style:name="${MASTER.cover}" style:page-layout-name="PageLayout" style:next-style-name="${MASTER.body}"><style:header>${orEmpty(marking)}</style:header><style:footer>${orEmpty(marking)}</style:footer></style:master-page>`,
  };
}

export function fontFaceDecls(font: string): string {
  return `<office:font-face-decls><style:font-face${attrs({ 'style:name': font, 'svg:font-family': /[\s]/.test(font) ? `'${font}'` : font, 'style:font-family-generic': 'swiss', 'style:font-pitch': 'variable' })}/></office:font-face-decls>`;
}

/** styles.xml: fonts, named styles, the page layout and the two master pages. */
export function stylesXml(doc: TenderDocument, font: string, language: string, palette: Palette): string {
  const pages = masterPages(doc, palette);
  return (
    XML_DECLARATION +
    `<office:document-styles${namespaceAttributes('office', 'style', 'text', 'table', 'draw', 'fo', 'xlink', 'svg')} office:version="${ODF_VERSION}">` +
    fontFaceDecls(font) +
    namedStyles(font, language, palette) +
    `<office:automatic-styles>${pageLayout()}${pages.automatic}</office:automatic-styles>` +
    `<office:master-styles>${pages.masters}</office:master-styles>` +
    '</office:document-styles>'
  );
}
