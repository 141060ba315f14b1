import { BODY_HEIGHT, type BoxItem, type Item, ORPHANS, TABLE_BORDER } from './items.js';

function boxHeight(box: BoxItem): number {
  return box.top + box.slices.reduce((a, b) => a + b, 0) + box.bottom;
}

/** Fills pages with items; returns the page count and the page each heading starts on. */
export function paginate(
  items: readonly Item[],
  headingCount: number,
): { pages: number; headingPages: number[]; headingOffsets: number[] } {
  const headingPages = new Array<number>(headingCount).fill(1);
  const headingOffsets = new Array<number>(headingCount).fill(0);
  let page = 1;
  let y = 0;
  let after = 0;
  // Nothing on the page yet; `hardTop` when a page break before put us here (space before is then kept).
  let empty = true;
  let hardTop = true;
  const newPage = (hard: boolean) => {
    page += 1;
    y = 0;
    after = 0;
    empty = true;
    hardTop = hard;
  };
  const gapBefore = (before: number): number => (empty ? (hardTop ? before : 0) : Math.max(after, before));

  /**
   * Height the start of an item needs on the page: what keep-with-next, orphan control and unsplittable rows hold
   * together, less the line spacing its last line may hang below the margin.
   */
  const startHeight = (index: number, gap: number, depth: number): number => {
    const item = items[index];
    if (!item) return 0;
    if (item.kind === 'table') {
      const rows = [item.header, item.rows[0] ?? 0].filter((row) => row > 0);
      return gap + TABLE_BORDER + rows.reduce((a, b) => a + b, 0);
    }
    if (item.kind === 'box') {
      // Writer keeps a drafting note with the line after it.
      const next = items[index + 1];
      const own = gap + boxHeight(item);
      return next?.kind === 'paragraph' && depth <= 20
        ? own + startHeight(index + 1, next.before, depth + 1)
        : own;
    }
    const whole = item.lines * item.lineHeight + item.rule;
    // Orphan control: a paragraph starts a page's last lines with at least two of them, or moves on whole.
    const own =
      gap + (item.keepLines || item.keepNext || item.lines < 2 * ORPHANS ? whole : ORPHANS * item.lineHeight);
    if (!item.keepNext || depth > 20) return own - item.slack;
    const next = items[index + 1];
    const nextGap = next?.kind === 'paragraph' ? Math.max(item.after, next.before) : item.after;
    return own + startHeight(index + 1, nextGap, depth + 1);
  };

  items.forEach((item, index) => {
    if (item.kind === 'paragraph') {
      if (item.pageBreakBefore && !(empty && hardTop)) newPage(true);
      let gap = gapBefore(item.before);
      if (!empty && y + startHeight(index, gap, 0) > BODY_HEIGHT) {
        newPage(false);
        gap = 0;
      }
      if (item.heading !== undefined) {
        headingPages[item.heading] = page;
        headingOffsets[item.heading] = y + gap;
      }
      let remaining = item.lines;
      let first = true;
      while (remaining > 0) {
        const fit = Math.max(0, Math.floor((BODY_HEIGHT + item.slack - y - gap) / item.lineHeight));
        let placed = remaining;
        if (fit < remaining) {
          // Widow control leaves at least two lines for the next page, orphan control at least two on this one.
          placed = Math.max(0, Math.min(fit, remaining - ORPHANS));
          if (first && placed < ORPHANS) placed = 0;
        }
        // A page takes at least one line, however tall.
        if (empty) placed = Math.max(placed, 1);
        if (placed > 0) {
          y += gap + placed * item.lineHeight;
          remaining -= placed;
          empty = false;
        }
        if (remaining > 0) newPage(false);
        gap = 0;
        first = false;
      }
      empty = false;
      y += item.rule;
      after = item.after;
      return;
    }
    const gap = empty ? 0 : after;
    if (!empty && y + startHeight(index, gap, 0) > BODY_HEIGHT) newPage(false);
    else y += gap;
    if (item.kind === 'table') {
      y += TABLE_BORDER;
      const place = (height: number, repeat: number) => {
        if (!empty && y + height > BODY_HEIGHT) {
          newPage(false);
          y = TABLE_BORDER + repeat;
        }
        // A row taller than a page is split after all.
        let rest = height;
        while (y + rest > BODY_HEIGHT && rest > BODY_HEIGHT / 2) {
          rest -= Math.max(BODY_HEIGHT - y, BODY_HEIGHT / 2);
          newPage(false);
          y = TABLE_BORDER + repeat;
        }
        y += rest;
        empty = false;
      };
      // The header row is repeated on each page the table continues on, unless it would fill much of the page.
      const repeat = item.header <= BODY_HEIGHT / 4 ? item.header : 0;
      if (item.header > 0) place(item.header, 0);
      for (const row of item.rows) place(row, repeat);
    } else if (boxHeight(item) <= BODY_HEIGHT) {
      y += boxHeight(item);
      empty = false;
    } else {
      y += item.top;
      empty = false;
      for (const slice of item.slices) {
        if (y + slice > BODY_HEIGHT) {
          newPage(false);
          y = item.top;
        }
        y += slice;
        empty = false;
      }
      y += item.bottom;
    }
    after = 0;
  });
  return { pages: page, headingPages, headingOffsets };
}
