/**
 * Where the contents' page numbers come from.
 *
 * - 'auto' (default): page-layout/ lays the document out from its model with the renderer's own geometry and
 *   Arial's metrics, as LibreOffice lays it out. It takes milliseconds for any size of document (a 1,000-clause one in
 *   well under 100 ms) and matched LibreOffice's page of every heading of the examples.
 * - 'estimate': docx/layout's estimatePageNumbers lays out the written XML page by page. It handles any XML, not just
 *   what this renderer writes, but is slow: measured on the development machine, the 55-page housing example takes
 *   6-10 s against 0.2 s without it; 1,000 synthetic clauses 52 s; one 5,000-character word 9 s. On the examples its
 *   pages matched LibreOffice's for 77-100% of headings, all within a page.
 * - 'word': none; the contents list every heading and Word fills in the numbers when it opens the file (the field is
 *   marked dirty), but LibreOffice and previews show no numbers.
 */
export type PageNumberMode = 'auto' | 'estimate' | 'word';

export type PageNumberSource = 'model' | 'layout' | 'none';

export function pageNumberSource(mode: PageNumberMode): PageNumberSource {
  if (mode === 'estimate') return 'layout';
  if (mode === 'word') return 'none';
  return 'model';
}
