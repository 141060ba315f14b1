/** Page geometry in twips (1/20 pt; 567 to the centimetre). A4 with 2.5 cm margins all round. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1417,
  header: 567,
  footer: 567,
} as const;

/** Width of the text between the margins. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/**
 * The left gutter that holds section, clause and sub-clause numbers ("12.10.10" at 11 pt fits); all running text
 * starts at this indent so numbers hang to its left.
 */
export const NUMBER_GUTTER = 992;

/** Hanging indent of a level-3 item, "(a)" to its text. */
export const SUB_ITEM_HANG = 567;

/** Hanging indent of a bullet. */
export const BULLET_HANG = 340;

/** Space either side of the text inside table cells. */
export const CELL_MARGIN = { top: 57, bottom: 57, left: 113, right: 113 } as const;

/** Font sizes in half-points, as docx wants them. */
export const SIZE = {
  body: 22,
  small: 19,
  header: 17,
  heading1: 32,
  heading2: 24,
  title: 52,
  authority: 30,
} as const;

/**
 * Paragraph spacing of the styles, in twips (`before`/`after`), and line spacing in 240ths of a line (`line`, "auto"
 * rule: 264 is 1.1 lines). styles.ts writes them and the page estimate lays pages out with them, so they cannot drift
 * apart.
 */
export const SPACING = {
  /** Document defaults, so every style and paragraph that sets nothing else. */
  document: { before: 0, after: 120, line: 264 },
  body: { after: 140 },
  definition: { after: 120 },
  coverAuthority: { before: 480, after: 240 },
  coverTitle: { before: 240, after: 360, line: 240 },
  coverMeta: { after: 80 },
  contentsHeading: { before: 240, after: 240 },
  toc1: { before: 160, after: 60 },
  toc2: { after: 40 },
  tableText: { before: 20, after: 20, line: 252 },
  caption: { before: 120, after: 80 },
  noteLabel: { after: 60 },
  noteText: { after: 80 },
  marking: { after: 60 },
  heading1: { before: 480, after: 200, line: 240 },
  heading2: { before: 300, after: 120, line: 240 },
  /** Bullet items sit close together; the last one of a list gets the body's space after it. */
  bulletItem: { after: 60 },
  /** The empty paragraph after a table or drafting note. */
  afterTable: { before: 0, after: 60 },
  /** The empty paragraphs that space out the cover. */
  coverGap: { after: 120 },
  logo: { after: 240 },
} as const;

/** Indent of level-2 contents entries. */
export const TOC2_INDENT = 440;

/** Bottom rule of Heading 1 and of the cover title: width in eighths of a point and distance from the text in points. */
export const RULE = {
  heading1: { size: 8, space: 4 },
  coverTitle: { size: 18, space: 12 },
} as const;

/** Cell margins of a drafting-note box, and how much narrower than the box its content is laid out. */
export const NOTE_MARGIN = { top: 113, bottom: 57, left: 170, right: 170 } as const;
export const NOTE_INSET = CELL_MARGIN.left + CELL_MARGIN.right + 120;

/** Cover font sizes in half-points not in SIZE. */
export const COVER_META_SIZE = 24;
export const MARKING_SIZE = 20;

/** The cover's document type ("Invitation to Tender") and DRAFT mark, in half-points; the mark's colour (GOV.UK red). */
export const DOCUMENT_TYPE_SIZE = 28;
export const DRAFT_MARK_SIZE = 36;
export const DRAFT_COLOUR = 'D4351C';
