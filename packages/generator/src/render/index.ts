export type { PageNumberMode, RenderDocxOptions } from './docx/index.js';
export { renderDocx } from './docx/index.js';
export { readManifest } from './docx/manifest.js';
export type { NormaliseOptions } from './docx/normalise.js';
export { normalisePackage as normaliseDocx } from './docx/normalise.js';
export { HTML_PREVIEW_CSS } from './html/css.js';
export { renderHtml, renderHtmlBody } from './html/render-html.js';
export { renderMarkdown } from './markdown.js';
export { renderOdt } from './odt/index.js';
