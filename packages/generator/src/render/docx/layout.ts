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
