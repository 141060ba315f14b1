import type { TenderDocument } from '../../model/types.js';
import type { RenderDocxOptions } from './render-docx.js';

export type { PageNumberMode } from './page-estimate.js';
export type { RenderDocxOptions } from './render-docx.js';

/**
 * Renders the document model to .docx bytes (see render-docx.ts). The docx library is 1 MB of JavaScript, so the
 * DOCX renderer loads on first use: validating a spec or rendering HTML never pays for it, in Node or the browser.
 */
export async function renderDocx(doc: TenderDocument, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const renderer = await import('./render-docx.js');
  return renderer.renderDocx(doc, options);
}
