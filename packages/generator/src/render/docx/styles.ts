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
import { BULLET_HANG, NUMBER_GUTTER, SIZE } from './layout.js';

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
      paragraph: { spacing: { after: 140 } },
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
      paragraph: { spacing: { after: 120 } },
    },
    {
      id: STYLE.coverAuthority,
      name: 'Cover Authority',
      basedOn: 'Normal',
      next: STYLE.coverTitle,
      run: { size: SIZE.authority, bold: true, color: palette.accentText },
      paragraph: { spacing: { before: 480, after: 240 } },
    },
    {
      id: STYLE.coverTitle,
      name: 'Cover Title',
      basedOn: 'Normal',
      next: STYLE.coverMeta,
      run: { size: SIZE.title, bold: true, color: palette.accentText },
      paragraph: {
        spacing: { before: 240, after: 360, line: 240, lineRule: LineRuleType.AUTO },
        border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: palette.accent, space: 12 } },
      },
    },
    {
      id: STYLE.coverMeta,
      name: 'Cover Details',
      basedOn: 'Normal',
      run: { size: 24 },
      paragraph: { spacing: { after: 80 } },
    },
    {
      id: STYLE.contentsHeading,
      name: 'Contents Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: SIZE.heading1, bold: true, color: palette.accentText },
      paragraph: { spacing: { before: 240, after: 240 }, keepNext: true },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      run: { bold: true },
      paragraph: { spacing: { before: 160, after: 60 } },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      paragraph: { indent: { left: 440 }, spacing: { after: 40 } },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: STYLE.tableText,
      run: { size: SIZE.small },
      paragraph: { spacing: { before: 20, after: 20, line: 252, lineRule: LineRuleType.AUTO } },
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
      paragraph: { spacing: { after: 60 }, keepNext: true },
    },
    {
      id: STYLE.noteText,
      name: 'Drafting Note Text',
      basedOn: 'Normal',
      next: STYLE.noteText,
      run: { size: SIZE.small },
      paragraph: { spacing: { after: 80 } },
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
      run: { size: 20, bold: true, allCaps: true, color: palette.bodyText },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
    },
  ];

  return {
    default: {
      document: {
        run: { ...run, size: SIZE.body, language: { value: language } },
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      heading1: {
        run: { font, size: SIZE.heading1, bold: true, color: palette.accentText },
        paragraph: {
          spacing: { before: 480, after: 200, line: 240, lineRule: LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          indent: { left: NUMBER_GUTTER, hanging: NUMBER_GUTTER },
          outlineLevel: 0,
          border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: palette.accent, space: 4 } },
        },
      },
      heading2: {
        run: { font, size: SIZE.heading2, bold: true, color: palette.accentText },
        paragraph: {
          spacing: { before: 300, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          indent: { left: NUMBER_GUTTER, hanging: NUMBER_GUTTER },
          outlineLevel: 1,
        },
      },
      caption: {
        run: { font, size: SIZE.small, bold: true, italics: false, color: palette.bodyText },
        paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
      },
      hyperlink: { run: { color: palette.accentText, underline: { type: 'single' } } },
      listParagraph: { paragraph: { spacing: { after: 80 } } },
    },
    paragraphStyles,
  };
}
