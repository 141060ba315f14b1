import type {
  DocBlock,
  DocClause,
  DocInline,
  DocSection,
  DocTable,
  TenderDocument,
} from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { paletteFor } from '../colour.js';
import { assertTenderDocument } from '../document-guard.js';
import { TEXT_WIDTH } from '../docx/layout.js';
import { tableColumnPercentages } from '../table-widths.js';
import {
  classificationOf,
  collectAnchors,
  DRAFT_MARK,
  DRAFTING_NOTE_LABEL,
  definitionParts,
  documentTypeOf,
  formatIsoDate,
  hasBlocks,
  isDraft,
  languageTag,
  safeFontName,
  safeUrl,
} from '../text.js';
import { HTML_PREVIEW_CSS } from './css.js';

/** Escapes text for an HTML text node or a double-quoted attribute, after removing XML-forbidden characters. */
export function escapeHtml(text: string): string {
  return sanitiseText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Model anchor → element id: ids may hold anything but whitespace. */
function htmlId(anchor: string): string {
  return sanitiseText(anchor).trim().replace(/\s+/g, '-') || 'anchor';
}

interface Ctx {
  readonly anchors: ReadonlySet<string>;
}

function inline(content: readonly DocInline[], ctx: Ctx): string {
  return content
    .map((node) => {
      const text = escapeHtml(node.text);
      switch (node.type) {
        case 'text': {
          let html = node.datetime ? `<time datetime="${escapeHtml(node.datetime)}">${text}</time>` : text;
          if (node.italic) html = `<em>${html}</em>`;
          if (node.bold) html = `<strong>${html}</strong>`;
          return html;
        }
        case 'link': {
          const url = safeUrl(node.url);
          return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${text}</a>` : text;
        }
        case 'ref':
          return ctx.anchors.has(node.anchor)
            ? `<a class="tk-ref" href="#${escapeHtml(htmlId(node.anchor))}">${text}</a>`
            : text;
        default:
          return '';
      }
    })
    .join('');
}

function table(model: DocTable, ctx: Ctx, className = 'tk-table'): string {
  const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
  // The DOCX widths, so a header word never breaks in the preview either.
  const widths = tableColumnPercentages(columns, TEXT_WIDTH, model.rows);
  const caption = sanitiseText(model.caption).trim();
  const cols = widths.map((w) => `<col style="width:${w.toFixed(2)}%">`).join('');
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('');
  const rows = model.rows
    .map((row) => `<tr>${columns.map((_, i) => `<td>${inline(row[i] ?? [], ctx)}</td>`).join('')}</tr>`)
    .join('\n');
  return [
    `<table class="${className}">`,
    caption ? `<caption>${escapeHtml(caption)}</caption>` : '',
    `<colgroup>${cols}</colgroup>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody></table>`,
  ].join('');
}

function note(title: string, blocks: readonly DocBlock[], ctx: Ctx): string {
  const heading = sanitiseText(title).trim();
  return [
    `<aside class="drafting-note" aria-label="${escapeHtml(DRAFTING_NOTE_LABEL)}">`,
    `<p class="tk-note-label">${escapeHtml(DRAFTING_NOTE_LABEL)}</p>`,
    heading ? `<p class="tk-note-title">${escapeHtml(heading)}</p>` : '',
    renderBlocks(blocks, ctx),
    '</aside>',
  ].join('\n');
}

/** Consecutive definitions share one <dl>; everything else renders block by block. */
function renderBlocks(blocks: readonly DocBlock[], ctx: Ctx): string {
  const out: string[] = [];
  let definitions: string[] = [];
  const flush = () => {
    if (definitions.length > 0) out.push(`<dl class="tk-definitions">\n${definitions.join('\n')}\n</dl>`);
    definitions = [];
  };
  for (const block of blocks) {
    if (block.type === 'definition') {
      const { joiner, content } = definitionParts(block.content);
      definitions.push(
        `<div><dt>${escapeHtml(block.term)}</dt> <dd>${joiner.trim() ? `${escapeHtml(joiner.trim())} ` : ''}${inline(content, ctx)}</dd></div>`,
      );
      continue;
    }
    flush();
    out.push(renderBlock(block, ctx));
  }
  flush();
  return out.filter(Boolean).join('\n');
}

function renderBlock(block: DocBlock, ctx: Ctx): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inline(block.content, ctx)}</p>`;
    case 'numbered':
      return [
        `<div class="tk-item tk-level-${block.level === 3 ? 3 : 2}">`,
        `<p class="tk-line"><span class="tk-num">${escapeHtml(block.number)}</span> ${inline(block.content, ctx)}</p>`,
        renderBlocks(block.children, ctx),
        '</div>',
      ]
        .filter(Boolean)
        .join('\n');
    case 'bullets':
      return block.items.some((item) => item.length > 0)
        ? `<ul class="tk-bullets">\n${block.items
            .filter((item) => item.length > 0)
            .map((item) => `<li>${renderBlocks(item, ctx)}</li>`)
            .join('\n')}\n</ul>`
        : '';
    case 'table':
      return table(block.table, ctx);
    case 'note':
      return note(block.title, block.blocks, ctx);
    default:
      return '';
  }
}

function heading(tag: 'h2' | 'h3', number: string, title: string): string {
  const num = sanitiseText(number).trim();
  return `<${tag}>${num ? `<span class="tk-num">${escapeHtml(num)}</span> ` : ''}${escapeHtml(title)}</${tag}>`;
}

function clause(model: DocClause, ctx: Ctx): string {
  return [
    `<section class="tk-clause" id="${escapeHtml(htmlId(model.anchor))}" data-clause-id="${escapeHtml(model.clauseId)}" data-clause-version="${escapeHtml(model.version)}">`,
    heading('h3', model.number, model.title),
    `<div class="tk-body">`,
    hasBlocks(model.guidance)
      ? note(`Guidance: ${model.clauseId} (version ${model.version})`, model.guidance, ctx)
      : '',
    renderBlocks(model.blocks, ctx),
    '</div>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function section(model: DocSection, index: number, ctx: Ctx): string {
  const classes = ['tk-section', `tk-kind-${model.kind}`, index === 0 ? 'tk-first' : '']
    .filter(Boolean)
    .join(' ');
  return [
    `<section class="${escapeHtml(classes)}" id="${escapeHtml(htmlId(model.anchor))}">`,
    heading('h2', model.number, model.title),
    hasBlocks(model.blocks) ? `<div class="tk-body">\n${renderBlocks(model.blocks, ctx)}\n</div>` : '',
    ...model.clauses.map((c) => clause(c, ctx)),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function cover(doc: TenderDocument, ctx: Ctx): string {
  const { cover: c, meta } = doc;
  const logo = meta.branding.logo;
  const logoHtml =
    logo &&
    /^[A-Za-z0-9+/=\s]+$/.test(logo.base64) &&
    (logo.mediaType === 'image/png' || logo.mediaType === 'image/jpeg')
      ? `<img class="tk-logo" src="data:${logo.mediaType};base64,${logo.base64.replace(/\s+/g, '')}" alt="${escapeHtml(logo.altText)}" width="${Math.round(Math.abs(logo.widthPx)) || 1}" height="${Math.round(Math.abs(logo.heightPx)) || 1}">`
      : '';
  const meta3 = [
    ['Reference', c.reference],
    ['Procedure', c.procedure],
    ['Issue date', meta.issueDate ? formatIsoDate(meta.issueDate) : ''],
  ]
    .filter(([, value]) => sanitiseText(value ?? '').trim() !== '')
    .map(
      ([label, value]) => `<div><dt>${escapeHtml(label ?? '')}</dt><dd>${escapeHtml(value ?? '')}</dd></div>`,
    )
    .join('');
  const facts =
    c.facts.length > 0
      ? `<table class="tk-table tk-facts"><caption class="tk-visually-hidden">Key facts</caption><colgroup><col style="width:36%"><col style="width:64%"></colgroup><tbody>${c.facts
          .map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
          .join('')}</tbody></table>`
      : '';
  const blocks = hasBlocks(c.blocks) ? renderBlocks(c.blocks, ctx) : '';
  const documentType = documentTypeOf(doc);
  return [
    '<header class="tk-cover">',
    isDraft(doc) ? `<p class="tk-draft">${DRAFT_MARK}</p>` : '',
    logoHtml,
    `<p class="tk-authority">${escapeHtml(c.authority)}</p>`,
    documentType ? `<p class="tk-document-type">${escapeHtml(documentType)}</p>` : '',
    `<h1 class="tk-title">${escapeHtml(c.title)}</h1>`,
    meta3 ? `<dl class="tk-meta">${meta3}</dl>` : '',
    facts,
    blocks,
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

function contents(doc: TenderDocument): string {
  const entry = (anchor: string, number: string, title: string) =>
    `<a href="#${escapeHtml(htmlId(anchor))}">${escapeHtml(sanitiseText(`${number} ${title}`).trim())}</a>`;
  const items = doc.sections
    .map((s) => {
      const clauses =
        s.clauses.length > 0
          ? `<ol>${s.clauses.map((c) => `<li>${entry(c.anchor, c.number, c.title)}</li>`).join('')}</ol>`
          : '';
      return `<li>${entry(s.anchor, s.number, s.title)}${clauses}</li>`;
    })
    .join('\n');
  return `<nav class="tk-toc" aria-labelledby="tk-contents-heading"><h2 id="tk-contents-heading">Contents</h2>\n<ol>\n${items}\n</ol></nav>`;
}

/** Branding as custom properties on <main>; values are validated hex and a cleaned font name, never raw input. */
function brandingStyle(doc: TenderDocument): string {
  const palette = paletteFor(doc.meta.branding.accentColour);
  const font = safeFontName(doc.meta.branding.font, '');
  const vars = [
    `--tk-accent:#${palette.accent}`,
    `--tk-accent-text:#${palette.accentText}`,
    `--tk-header-fill:#${palette.headerFill}`,
    `--tk-header-text:#${palette.headerText}`,
    `--tk-note-fill:#${palette.noteFill}`,
    ...(font ? [`--tk-font:'${font}', Arial, 'Liberation Sans', Helvetica, sans-serif`] : []),
  ];
  return vars.join(';');
}

/**
 * The document as a <main> element, for a web app to embed next to HTML_PREVIEW_CSS. Same numbers, tables and
 * anchors as the DOCX: ids are the model's anchors, refs link to them.
 */
export function renderHtmlBody(doc: TenderDocument): string {
  assertTenderDocument('renderHtmlBody', doc);
  const ctx: Ctx = { anchors: collectAnchors(doc.sections) };
  const marking = classificationOf(doc);
  const markingHtml = marking ? `<p class="tk-marking">${escapeHtml(marking)}</p>` : '';
  return [
    `<main class="tk-document" lang="${escapeHtml(languageTag(doc.meta.language))}" style="${escapeHtml(brandingStyle(doc))}">`,
    // The running header of a draft, as on every DOCX page.
    isDraft(doc) ? `<p class="tk-draft-banner">${DRAFT_MARK}</p>` : '',
    markingHtml,
    cover(doc, ctx),
    contents(doc),
    ...doc.sections.map((s, i) => section(s, i, ctx)),
    markingHtml,
    '</main>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A complete, self-contained HTML5 document: inline CSS, no external resources, print-friendly. */
export function renderHtml(doc: TenderDocument): string {
  assertTenderDocument('renderHtml', doc);
  const { meta } = doc;
  const metaTag = (name: string, content: string) =>
    sanitiseText(content).trim() ? `<meta name="${name}" content="${escapeHtml(content)}">` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(languageTag(meta.language))}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${meta.title} (${meta.reference})`)}</title>`,
    metaTag('description', meta.description),
    metaTag('keywords', meta.keywords.join(', ')),
    metaTag('author', meta.creator),
    metaTag('generator', doc.manifest.generator),
    `<style>${HTML_PREVIEW_CSS}body{margin:0;background:#f3f2f1;}@media print{body{background:#fff;}}</style>`,
    '</head>',
    '<body>',
    renderHtmlBody(doc),
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
