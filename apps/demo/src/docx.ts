/**
 * The Word renderer (docx and its page layout) and the pack's renderers (with exceljs) are most of the code: loaded
 * on first download, or when the page is idle.
 */
export { renderDocx, renderPack, zipPack } from './generator.js';
