import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
} from 'docx';
import type { Palette } from '../colour.js';
import {
  BULLET_HANG,
  COVER_META_SIZE,
  MARKING_SIZE,
  NUMBER_GUTTER,
  RULE,
  SIZE,
  SPACING,
  TOC2_INDENT,
} from './layout.js';

/** Paragraph and character style ids this renderer writes; Word shows them by name in the Styles pane. */
export const STYLE = {
  body: 'BodyText',
  clauseText: 'ClauseText',
  coverAuthority: 'CoverAuthority',
  coverTitle: 'CoverTitle',
  coverMeta: 'CoverMeta',
  contentsHeading: 'ContentsHeading',
  caption: 'Caption',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  noteLabel: 'DraftingNoteLabel',
  noteText: 'DraftingNoteText',
  definition: 'Definition',
  header: 'Header',
  footer: 'Footer',
  marking: 'ClassificationMarking',
  hyperlink: 'Hyperlink',
} as const;

/** Numbering definition of bullet lists: real Word bullets, one level per nesting depth. */
export const BULLET_REFERENCE = 'tender-bullets';
const BULLET_GLYPHS = ['•', '–', '◦', '•', '–', '◦', '•', '–', '◦'] as const;

export function numberingOptions(): INumberingOptions {
  return {
    config: [
      {
        reference: BULLET_REFERENCE,
        levels: BULLET_GLYPHS.map((text, level) => ({
          level,
          format: LevelFormat.BULLET,
          text,
          alignment: AlignmentType.LEFT,
          style: {
            paragraph: { indent: { left: NUMBER_GUTTER + (level + 1) * BULLET_HANG, hanging: BULLET_HANG } },
          },
        })),
      },
    ],
  };
}

export function stylesFor(font: string, language: string, palette: Palette): IStylesOptions {
  const run = { font, color: palette.bodyText };
  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE.body,
      name: 'Body Text',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      paragraph: { spacing: { after: SPACING.body.after } },
    },
    {
      id: STYLE.clauseText,
      name: 'Clause Text',
      basedOn: STYLE.body,
      next: STYLE.clauseText,
      quickFormat: true,
      paragraph: { indent: { left: NUMBER_GUTTER } },
    },
    {
      id: STYLE.definition,
      name: 'Definition',
      basedOn: STYLE.clauseText,
      next: STYLE.definition,
      paragraph: { spacing: { after: SPACING.definition.after } },
    },
    {
      id: STYLE.coverAuthority,
      name: 'Cover Authority',
      basedOn: 'Normal',
      next: STYLE.coverTitle,
      run: { size: SIZE.authority, bold: true, color: palette.accentText },
      paragraph: { spacing: { before: SPACING.coverAuthority.before, after: SPACING.coverAuthority.after } },
    },
    {
      id: STYLE.coverTitle,
      name: 'Cover Title',
      basedOn: 'Normal',
      next: STYLE.coverMeta,
      run: { size: SIZE.title, bold: true, color: palette.accentText },
      paragraph: {
        spacing: { ...SPACING.coverTitle, lineRule: LineRuleType.AUTO },
        border: {
          bottom: {
            style: BorderStyle.SINGLE,
            size: RULE.coverTitle.size,
            color: palette.accent,
            space: RULE.coverTitle.space,
          },
        },
      },
    },
    {
      id: STYLE.coverMeta,
      name: 'Cover Details',
      basedOn: 'Normal',
      run: { size: COVER_META_SIZE },
      paragraph: { spacing: { after: SPACING.coverMeta.after } },
    },
    {
      id: STYLE.contentsHeading,
      name: 'Contents Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: SIZE.heading1, bold: true, color: palette.accentText },
      paragraph: {
        spacing: { before: SPACING.contentsHeading.before, after: SPACING.contentsHeading.after },
        keepNext: true,
      },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      run: { bold: true },
      paragraph: { spacing: { before: SPACING.toc1.before, after: SPACING.toc1.after } },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      paragraph: { indent: { left: TOC2_INDENT }, spacing: { after: SPACING.toc2.after } },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: STYLE.tableText,
      run: { size: SIZE.small },
      paragraph: { spacing: { ...SPACING.tableText, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.tableHeading,
      name: 'Table Heading',
      basedOn: STYLE.tableText,
      run: { bold: true, color: palette.headerText },
      paragraph: { keepNext: true },
    },
    {
      id: STYLE.noteLabel,
      name: 'Drafting Note Label',
      basedOn: 'Normal',
      next: STYLE.noteText,
      run: { size: SIZE.small, bold: true, allCaps: false, color: palette.bodyText },
      paragraph: { spacing: { after: SPACING.noteLabel.after }, keepNext: true },
    },
    {
      id: STYLE.noteText,
      name: 'Drafting Note Text',
      basedOn: 'Normal',
      next: STYLE.noteText,
      run: { size: SIZE.small },
      paragraph: { spacing: { after: SPACING.noteText.after } },
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      run: { size: SIZE.header, color: '505A5F' },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: SIZE.header, color: '505A5F' },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: STYLE.marking,
      name: 'Classification Marking',
      basedOn: 'Normal',
      run: { size: MARKING_SIZE, bold: true, allCaps: true, color: palette.bodyText },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: SPACING.marking.after } },
    },
  ];

  return {
    default: {
      document: {
        run: { ...run, size: SIZE.body, language: { value: language } },
        paragraph: {
          spacing: {
            after: SPACING.document.after,
            line: SPACING.document.line,
            lineRule: LineRuleType.AUTO,
          },
        },
      },
      heading1: {
        run: { font, size: SIZE.heading1, bold: true, color: palette.accentText },
        paragraph: {
          spacing: { ...SPACING.heading1, lineRule: LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          indent: { left: NUMBER_GUTTER, hanging: NUMBER_GUTTER },
          outlineLevel: 0,
          border: {
            bottom: {
              style: BorderStyle.SINGLE,
              size: RULE.heading1.size,
              color: palette.accent,
              space: RULE.heading1.space,
            },
          },
        },
      },
      heading2: {
        run: { font, size: SIZE.heading2, bold: true, color: palette.accentText },
        paragraph: {
          spacing: { ...SPACING.heading2, lineRule: LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          indent: { left: NUMBER_GUTTER, hanging: NUMBER_GUTTER },
          outlineLevel: 1,
        },
      },
      caption: {
        run: { font, size: SIZE.small, bold: true, italics: false, color: palette.bodyText },
        paragraph: {
          spacing: { before: SPACING.caption.before, after: SPACING.caption.after },
          keepNext: true,
        },
      },
      hyperlink: { run: { color: palette.accentText, underline: { type: 'single' } } },
      listParagraph: { paragraph: { spacing: { after: 80 } } },
    },
    paragraphStyles,
  };
}
