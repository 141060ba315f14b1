import type { TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { fixedDay } from '../docx/normalise.js';
import { languageTag } from '../text.js';
import { namespaceAttributes, ODF_VERSION, XML_DECLARATION } from './namespaces.js';
import { attrs, escapeXml } from './xml.js';

const clean = (text: string) => escapeXml(sanitiseText(text).trim());

/**
 * meta.xml: the document properties the .docx carries (title, subject, description, keywords, creator, language),
 * its custom properties as user-defined fields, and dates fixed to the issue date, never the clock.
 */
export function metaXml(doc: TenderDocument, pageCount: number): string {
  const stamp = `${fixedDay(doc.meta.issueDate)}T00:00:00`;
  const manifest = doc.manifest;
  const userDefined = [
    ['TenderReference', doc.meta.reference],
    ['Generator', manifest.generator],
    ['ClauseLibraryVersion', manifest.clausesPackageVersion],
    ['SecurityClassification', doc.meta.classification ?? doc.cover.classification ?? ''],
  ]
    .map(([name, value]) => [name, sanitiseText(value ?? '').trim()] as const)
    .filter(([, value]) => value !== '')
    .map(
      ([name, value]) =>
        `<meta:user-defined${attrs({ 'meta:name': name, 'meta:value-type': 'string' })}>${escapeXml(value)}</meta:user-defined>`,
    )
    .join('');
  return (
    XML_DECLARATION +
    `<office:document-meta${namespaceAttributes('office', 'meta', 'dc', 'xlink')} office:version="${ODF_VERSION}"><office:meta>` +
    `<meta:generator>${clean(manifest.generator)}</meta:generator>` +
    `<dc:title>${clean(doc.meta.title)}</dc:title>` +
    `<dc:subject>${clean(doc.meta.subject)}</dc:subject>` +
    `<dc:description>${clean(doc.meta.description)}</dc:description>` +
    doc.meta.keywords.map((keyword) => `<meta:keyword>${clean(keyword)}</meta:keyword>`).join('') +
    `<meta:initial-creator>${clean(doc.meta.creator)}</meta:initial-creator>` +
    `<dc:creator>${clean(doc.meta.creator)}</dc:creator>` +
    `<meta:creation-date>${stamp}</meta:creation-date>` +
    `<dc:date>${stamp}</dc:date>` +
    `<dc:language>${escapeXml(languageTag(doc.meta.language))}</dc:language>` +
    '<meta:editing-cycles>1</meta:editing-cycles>' +
    `<meta:document-statistic meta:page-count="${pageCount}"/>` +
    userDefined +
    '</office:meta></office:document-meta>'
  );
}

/**
 * settings.xml: LibreOffice's layout settings for Word-compatible spacing (the larger of two paragraphs' spacing
 * between them, none at the top of a page, tabs measured from the margin, spacing inside table cells). They make
 * Writer lay the .odt out as it lays out the .docx, so the contents' estimated page numbers fit both. Plain ODF
 * config items, which other applications ignore.
 */
const LAYOUT_SETTINGS: readonly (readonly [string, boolean])[] = [
  ['AddParaTableSpacing', false],
  ['AddParaTableSpacingAtStart', true],
  ['AddParaSpacingToTableCells', true],
  ['AddParaLineSpacingToTableCells', true],
  ['AddExternalLeading', true],
  ['UseFormerLineSpacing', false],
  ['UseFormerObjectPositioning', false],
  ['UseFormerTextWrapping', false],
  ['PropLineSpacingShrinksFirstLine', true],
  ['TabsRelativeToIndent', false],
  ['TabOverMargin', false],
  ['TabOverSpacing', true],
  ['TabOverflow', true],
  ['TabAtLeftIndentForParagraphsInList', true],
  ['IgnoreFirstLineIndentInNumbering', false],
  ['IgnoreTabsAndBlanksForLineCalculation', true],
  ['HeaderSpacingBelowLastPara', true],
  ['MsWordCompTrailingBlanks', true],
  ['UnbreakableNumberings', true],
  ['AlignTabStopPosition', true],
  ['TableRowKeep', true],
  ['InvertBorderSpacing', true],
  ['AutoFirstLineIndentDisregardLineSpace', true],
  ['TreatSingleColumnBreakAsPageBreak', true],
  ['OutlineLevelYieldsNumbering', false],
  ['UseOldNumbering', false],
];

export function settingsXml(): string {
  const items = LAYOUT_SETTINGS.map(
    ([name, value]) =>
      `<config:config-item config:name="${name}" config:type="boolean">${value}</config:config-item>`,
  ).join('');
  return (
    XML_DECLARATION +
    // LibreOffice reads the set's name "ooo:configuration-settings" as a qualified name, so "ooo" must be declared.
    `<office:document-settings${namespaceAttributes('office', 'config')} xmlns:ooo="http://openoffice.org/2004/office" office:version="${ODF_VERSION}"><office:settings>` +
    `<config:config-item-set config:name="ooo:configuration-settings">${items}</config:config-item-set>` +
    '</office:settings></office:document-settings>'
  );
}
