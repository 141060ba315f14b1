export type { ZipLimits } from './docx/bounded-zip.js';
export type { PageNumberMode, RenderDocxOptions } from './docx/index.js';
export { renderDocx } from './docx/index.js';
export type { ManifestReadCode, ReadManifestOptions } from './docx/manifest.js';
export { MANIFEST_READ_CODES, readManifest } from './docx/manifest.js';
export { HTML_PREVIEW_CSS } from './html/css.js';
export { renderHtml, renderHtmlBody } from './html/render-html.js';
export { renderMarkdown } from './markdown.js';
export { renderOdt } from './odt/index.js';
