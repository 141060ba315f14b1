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
import { BULLET_HANG, MARKING_SIZE, NUMBER_GUTTER, SIZE, SPACING, TOC2_INDENT } from './layout.js';
import { STYLE_METRICS as M, type StyleMetrics } from './style-metrics.js';

/** A style's spacing as docx wants it: before, after and line, in that order. */
function spacingOf(style: StyleMetrics): { before: number; after: number; line: number } {
  return { before: style.before, after: style.after, line: style.line };
}

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
      paragraph: { spacing: { after: M.body.after } },
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
      paragraph: { spacing: { after: M.definition.after } },
    },
    {
      id: STYLE.coverAuthority,
      name: 'Cover Authority',
      basedOn: 'Normal',
      next: STYLE.coverTitle,
      run: { size: M.coverAuthority.size, bold: M.coverAuthority.bold, color: palette.accentText },
      paragraph: { spacing: { before: M.coverAuthority.before, after: M.coverAuthority.after } },
    },
    {
      id: STYLE.coverTitle,
      name: 'Cover Title',
      basedOn: 'Normal',
      next: STYLE.coverMeta,
      run: { size: M.coverTitle.size, bold: M.coverTitle.bold, color: palette.accentText },
      paragraph: {
        spacing: { ...spacingOf(M.coverTitle), lineRule: LineRuleType.AUTO },
        border: {
          bottom: {
            style: BorderStyle.SINGLE,
            size: M.coverTitle.rule.size,
            color: palette.accent,
            space: M.coverTitle.rule.space,
          },
        },
      },
    },
    {
      id: STYLE.coverMeta,
      name: 'Cover Details',
      basedOn: 'Normal',
      run: { size: M.coverMeta.size },
      paragraph: { spacing: { after: M.coverMeta.after } },
    },
    {
      id: STYLE.contentsHeading,
      name: 'Contents Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: M.contentsHeading.size, bold: M.contentsHeading.bold, color: palette.accentText },
      paragraph: {
        spacing: { before: M.contentsHeading.before, after: M.contentsHeading.after },
        keepNext: M.contentsHeading.keepNext,
      },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      run: { bold: M.toc1.bold },
      paragraph: { spacing: { before: M.toc1.before, after: M.toc1.after } },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      paragraph: { indent: { left: TOC2_INDENT }, spacing: { after: M.toc2.after } },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: STYLE.tableText,
      run: { size: M.tableText.size },
      paragraph: { spacing: { ...spacingOf(M.tableText), lineRule: LineRuleType.AUTO } },
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
      run: { size: M.noteLabel.size, bold: M.noteLabel.bold, allCaps: false, color: palette.bodyText },
      paragraph: { spacing: { after: M.noteLabel.after }, keepNext: M.noteLabel.keepNext },
    },
    {
      id: STYLE.noteText,
      name: 'Drafting Note Text',
      basedOn: 'Normal',
      next: STYLE.noteText,
      run: { size: M.noteText.size },
      paragraph: { spacing: { after: M.noteText.after } },
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
        run: { ...run, size: M.normal.size, language: { value: language } },
        paragraph: {
          spacing: {
            after: M.normal.after,
            line: M.normal.line,
            lineRule: LineRuleType.AUTO,
          },
        },
      },
      heading1: {
        run: { font, size: M.heading1.size, bold: M.heading1.bold, color: palette.accentText },
        paragraph: {
          spacing: { ...spacingOf(M.heading1), lineRule: LineRuleType.AUTO },
          keepNext: M.heading1.keepNext,
          keepLines: M.heading1.keepLines,
          indent: { left: NUMBER_GUTTER, hanging: NUMBER_GUTTER },
          outlineLevel: 0,
          border: {
            bottom: {
              style: BorderStyle.SINGLE,
              size: M.heading1.rule.size,
              color: palette.accent,
              space: M.heading1.rule.space,
            },
          },
        },
      },
      heading2: {
        run: { font, size: M.heading2.size, bold: M.heading2.bold, color: palette.accentText },
        paragraph: {
          spacing: { ...spacingOf(M.heading2), lineRule: LineRuleType.AUTO },
          keepNext: M.heading2.keepNext,
          keepLines: M.heading2.keepLines,
          indent: { left: NUMBER_GUTTER, hanging: NUMBER_GUTTER },
          outlineLevel: 1,
        },
      },
      caption: {
        run: { font, size: M.caption.size, bold: M.caption.bold, italics: false, color: palette.bodyText },
        paragraph: {
          spacing: { before: M.caption.before, after: M.caption.after },
          keepNext: M.caption.keepNext,
        },
      },
      hyperlink: { run: { color: palette.accentText, underline: { type: 'single' } } },
      listParagraph: { paragraph: { spacing: { after: 80 } } },
    },
    paragraphStyles,
  };
}
