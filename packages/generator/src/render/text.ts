import type { DocBlock, DocInline, DocSection, TenderDocument } from '../model/types.js';
import { formatDate, isRealDate } from '../text/format.js';
import { sanitiseText } from '../text/sanitise.js';

/** Every anchor a `ref` may point at: sections and clauses. A ref to anything else renders as plain text. */
export function collectAnchors(sections: readonly DocSection[]): ReadonlySet<string> {
  const anchors = new Set<string>();
  for (const section of sections) {
    anchors.add(section.anchor);
    for (const clause of section.clauses) anchors.add(clause.anchor);
  }
  return anchors;
}

/** Plain text of inline content, for alt text, table of contents entries and tests. */
export function inlineText(content: readonly DocInline[]): string {
  return content.map((inline) => inline.text).join('');
}

/** Label of the box that holds guidance for officers, in every output format. */
export const DRAFTING_NOTE_LABEL = 'Drafting note for officers — delete before issue';

/** True when the document has anything to say under a drafting-note box. */
export function hasBlocks(blocks: readonly DocBlock[] | undefined): blocks is readonly DocBlock[] {
  return blocks !== undefined && blocks.length > 0;
}

/** The cover marking: the cover's own, else the document's. */
export function classificationOf(doc: TenderDocument): string | undefined {
  const marking = doc.cover.classification ?? doc.meta.classification;
  return marking && sanitiseText(marking).trim() ? sanitiseText(marking).trim() : undefined;
}

/**
 * A lead-in ("Each Tender must:") introduces the list after it, so it keeps with its first item and is never left
 * alone at the foot of a page.
 */
export function leadsIn(block: DocBlock, next: DocBlock | undefined): boolean {
  const endsWithColon = (content: readonly DocInline[]) =>
    /:\s*$/.test(content.map((inline) => inline.text).join(''));
  if (block.type === 'paragraph')
    return (next?.type === 'bullets' || next?.type === 'numbered') && endsWithColon(block.content);
  if (block.type === 'numbered') return block.children.length > 0 && endsWithColon(block.content);
  return false;
}

/** The mark a draft carries on its cover and in its page headers. */
export const DRAFT_MARK = 'DRAFT';

/** True when the document is a draft (not yet the issued version), so renderers show DRAFT_MARK. */
export function isDraft(doc: TenderDocument): boolean {
  return doc.meta.status === 'draft';
}

/** What the document is, for its cover ("Invitation to Tender"), or undefined when blank. */
export function documentTypeOf(doc: TenderDocument): string | undefined {
  const type = sanitiseText(doc.cover.documentType ?? '').trim();
  return type || undefined;
}

/** Only these link schemes become live links; anything else (javascript:, data:, file:) is shown as text. */
const SAFE_URL = /^(https?:|mailto:|tel:)/i;

export function safeUrl(url: string): string | undefined {
  const cleaned = sanitiseText(url).trim();
  return SAFE_URL.test(cleaned) ? cleaned : undefined;
}

/** Determiners and verbs that start a definition mid-sentence, lowercased after "Term means". */
const LOWERCASE_OPENERS = new Set(['a', 'an', 'the', 'all', 'any', 'each', 'every', 'one', 'some']);
const SELF_JOINING = /^(means|has the meaning|includes|is)\b/i;

/**
 * How a definition reads after its term: "**Supplier** means the Bidder…". The model gives the definition text; when
 * it already starts with "means"/"has the meaning"/"includes" no extra "means" is added, and a leading article is
 * lowercased so the sentence reads on. Returns the joining word and the (possibly adjusted) content.
 */
export function definitionParts(content: readonly DocInline[]): {
  readonly joiner: string;
  readonly content: readonly DocInline[];
} {
  const [first, ...rest] = content;
  if (first?.type !== 'text') return { joiner: ' means ', content };
  const text = first.text.replace(/^\s+/, '');
  const word = /^[A-Za-z]+/.exec(text)?.[0] ?? '';
  const selfJoining = SELF_JOINING.test(text);
  const lowered =
    selfJoining || LOWERCASE_OPENERS.has(word.toLowerCase())
      ? text.charAt(0).toLowerCase() + text.slice(1)
      : text;
  return { joiner: selfJoining ? ' ' : ' means ', content: [{ ...first, text: lowered }, ...rest] };
}

/** "2027-02-01" → "1 February 2027" (GOV.UK style), without Date or locale data; the input when not a date. */
export function formatIsoDate(iso: string): string {
  const day = iso.slice(0, 10);
  return isRealDate(day) ? formatDate(day, { weekday: false }) : sanitiseText(iso);
}

/**
 * Shortens text for running heads and footers, at a word boundary, with an ellipsis. Headers must stay a line or two:
 * one taller than the page (a pathological title) makes LibreOffice loop forever laying the page out.
 */
export function runningText(text: string, max: number): string {
  const cleaned = sanitiseText(text).trim();
  if ([...cleaned].length <= max) return cleaned;
  const cut = [...cleaned].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The font name goes into XML attributes and CSS; a name with anything but letters, digits, spaces, dots, hyphens
 * and underscores is not a real font, so it falls back to the default rather than being "repaired".
 */
export function safeFontName(font: string | undefined, fallback = 'Arial'): string {
  const trimmed = (font ?? '').trim();
  return /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,62}$/u.test(trimmed) ? trimmed : fallback;
}

/** A BCP 47-looking language tag, else en-GB. */
export function languageTag(language: string | undefined): string {
  const trimmed = (language ?? '').trim();
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(trimmed) ? trimmed : 'en-GB';
}
