/** The Word renderer (docx and its page layout) is most of the code: loaded on first download, or when the page is idle. */
export { renderDocx } from './generator.js';
