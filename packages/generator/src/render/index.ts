export { readManifest } from './docx/manifest.js';
export type { PageNumberMode } from './docx/page-estimate.js';
export type { RenderDocxOptions } from './docx/render-docx.js';
export { renderDocx } from './docx/render-docx.js';
export { HTML_PREVIEW_CSS } from './html/css.js';
export { renderHtml, renderHtmlBody } from './html/render-html.js';
export { renderMarkdown } from './markdown.js';
