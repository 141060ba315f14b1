import { DEFAULT_ACCENT_COLOUR } from '../../model/branding.js';
import { paletteFor } from '../colour.js';

const DEFAULT_PALETTE = paletteFor(DEFAULT_ACCENT_COLOUR);
const hex = (colour: string) => `#${colour.toLowerCase()}`;

/**
 * Preview style sheet, shared by the standalone HTML file and any web app that embeds `renderHtmlBody`. It is a
 * constant; per-document branding (accent, font) comes in as CSS custom properties on the <main> element, so the
 * sheet never needs escaping. It mirrors the DOCX: A4 page, 2.5 cm margins, numbers hanging in a left gutter. Its
 * default colours are the default accent's palette, the one the DOCX and ODT use.
 */
export const HTML_PREVIEW_CSS: string = `
.tk-document {
  --tk-accent: ${hex(DEFAULT_PALETTE.accent)};
  --tk-accent-text: ${hex(DEFAULT_PALETTE.accentText)};
  --tk-header-fill: ${hex(DEFAULT_PALETTE.headerFill)};
  --tk-header-text: ${hex(DEFAULT_PALETTE.headerText)};
  --tk-note-fill: ${hex(DEFAULT_PALETTE.noteFill)};
  --tk-ink: #0b0c0c;
  --tk-muted: #505a5f;
  --tk-rule: #b1b4b6;
  --tk-gutter: 1.75cm;
  --tk-sub: 1cm;
  --tk-font: Arial, "Liberation Sans", Helvetica, sans-serif;
  box-sizing: border-box;
  max-width: 21cm;
  margin: 0 auto;
  padding: 2.5cm;
  background: #fff;
  color: var(--tk-ink);
  font-family: var(--tk-font);
  font-size: 11pt;
  line-height: 1.35;
}
.tk-document *, .tk-document *::before, .tk-document *::after { box-sizing: inherit; }
.tk-document p { margin: 0 0 7pt; }
.tk-document a { color: var(--tk-accent-text); text-decoration: underline; }
.tk-document a:focus { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: var(--tk-ink); }
.tk-marking { text-align: center; font-weight: bold; text-transform: uppercase; letter-spacing: 0.02em; }
.tk-cover { margin-bottom: 2cm; }
.tk-draft, .tk-draft-banner { color: #d4351c; font-weight: bold; letter-spacing: 0.05em; }
.tk-draft { font-size: 18pt; margin: 0 0 0.5em; }
.tk-draft-banner { text-align: center; border: 2px solid #d4351c; padding: 0.2em; }
.tk-document-type { font-size: 14pt; font-weight: bold; margin: 0 0 0.3em; }
.tk-logo { display: block; max-width: 220px; max-height: 80px; width: auto; height: auto; margin: 1em 0 1.5em; }
.tk-authority { font-size: 15pt; font-weight: bold; color: var(--tk-accent-text); margin: 1.5em 0 0.5em; }
.tk-title { font-size: 26pt; line-height: 1.15; color: var(--tk-accent-text); margin: 0.3em 0 0.8em; padding-bottom: 0.4em;
  border-bottom: 2px solid var(--tk-accent); }
.tk-meta { margin: 0 0 1.5em; font-size: 12pt; }
.tk-meta div { margin: 0 0 0.3em; }
.tk-meta dt { display: inline; font-weight: bold; }
.tk-meta dt::after { content: ": "; }
.tk-meta dd { display: inline; margin: 0; }
.tk-table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 1.2em; font-size: 9.5pt; }
.tk-table caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.4em; }
.tk-table th, .tk-table td { border: 1px solid var(--tk-rule); padding: 0.2em 0.5em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
.tk-table thead th { background: var(--tk-header-fill); color: var(--tk-header-text); border-color: var(--tk-header-fill); }
.tk-facts th[scope="row"] { background: #f3f2f1; width: 36%; }
.tk-toc h2 { font-size: 16pt; color: var(--tk-accent-text); margin: 0 0 0.8em; }
.tk-toc ol { list-style: none; margin: 0; padding: 0; }
.tk-toc > ol > li { font-weight: bold; margin: 0.6em 0 0.2em; }
.tk-toc ol ol { font-weight: normal; padding-left: 0.8cm; }
.tk-toc ol ol li { margin: 0.15em 0; }
.tk-section > h2, .tk-clause > h3 { position: relative; padding-left: var(--tk-gutter); break-after: avoid; page-break-after: avoid; }
.tk-section > h2 { font-size: 16pt; color: var(--tk-accent-text); margin: 1.5em 0 0.6em; padding-bottom: 0.15em;
  border-bottom: 1px solid var(--tk-accent); }
.tk-clause > h3 { font-size: 12pt; color: var(--tk-accent-text); margin: 1.1em 0 0.4em; }
.tk-section > h2 .tk-num, .tk-clause > h3 .tk-num { position: absolute; left: 0; }
.tk-body { margin-left: var(--tk-gutter); }
.tk-item { position: relative; }
.tk-line { position: relative; }
.tk-level-2 > .tk-line > .tk-num { position: absolute; left: calc(-1 * var(--tk-gutter)); }
.tk-level-3 { padding-left: var(--tk-sub); }
.tk-level-3 > .tk-line > .tk-num { position: absolute; left: calc(-1 * var(--tk-sub)); }
.tk-bullets { margin: 0 0 7pt; padding-left: 1.2em; }
.tk-bullets > li { margin: 0 0 3pt; }
.tk-bullets > li > p { margin-bottom: 3pt; }
.tk-bullets .tk-bullets { list-style-type: "– "; margin-top: 3pt; }
.tk-definitions { margin: 0; }
.tk-definitions > div { margin: 0 0 6pt; }
.tk-definitions dt { display: inline; font-weight: bold; }
.tk-definitions dd { display: inline; margin: 0; }
.drafting-note { background: var(--tk-note-fill); border: 1px solid var(--tk-accent); border-left: 6px solid var(--tk-accent);
  padding: 0.5em 0.8em 0.3em; margin: 0.4em 0 1em; font-size: 9.5pt; break-inside: avoid; page-break-inside: avoid; }
.drafting-note .tk-note-label { font-weight: bold; margin-bottom: 3pt; }
.drafting-note .tk-note-title { font-weight: bold; }
.drafting-note .tk-body { margin-left: 0; }
.tk-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
  padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important; }
@page { size: A4; margin: 2.5cm; }
@media print {
  .tk-document { max-width: none; padding: 0; font-size: 11pt; }
  .tk-cover, .tk-toc { break-after: page; page-break-after: always; }
  .tk-section.tk-kind-appendix, .tk-section.tk-first { break-before: page; page-break-before: always; }
  .tk-table tr { break-inside: avoid; page-break-inside: avoid; }
  .tk-document a { color: inherit; }
}
`;
