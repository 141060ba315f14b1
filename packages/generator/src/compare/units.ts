import type { DocumentManifest } from '../model/types.js';
import type { CellPosition, FlatParagraph } from './paragraphs.js';

/**
 * Groups a document's paragraphs into scopes (the cover, each section's opening, each clause) and gives every
 * paragraph a reader's address ("5.7.2", "Table: Key dates row 3 col 2", "Cover: Estimated value"). Clauses are
 * known by their clause id (from the manifest, by number), sections by title: keys that survive renumbering.
 */

export const UNIT_KINDS = {
  heading: 'heading',
  paragraph: 'paragraph',
  item: 'item',
  bullet: 'bullet',
  cell: 'cell',
  caption: 'caption',
  note: 'note',
} as const;
export type UnitKind = (typeof UNIT_KINDS)[keyof typeof UNIT_KINDS];

export interface TextUnit {
  readonly kind: UnitKind;
  /** The number written before the wording (5.7, 5.7.2, (a)), if any. */
  readonly number?: string;
  /** The wording without its number. */
  readonly text: string;
  readonly address: string;
  /** Index into the document's paragraphs. */
  readonly paragraph: number;
  readonly cell?: CellPosition;
}

export const SCOPE_KINDS = { cover: 'cover', section: 'section', clause: 'clause' } as const;
export type ScopeKind = (typeof SCOPE_KINDS)[keyof typeof SCOPE_KINDS];

export interface UnitScope {
  /** Stable across renumbering: "cover", "section:<title>", "clause:<clause id>". */
  readonly key: string;
  readonly kind: ScopeKind;
  readonly number: string;
  readonly title: string;
  readonly clauseId?: string;
  /** The section it is in, as a reader names it ("5 Requirements"); "Cover" for the cover. */
  readonly section: string;
  readonly units: TextUnit[];
}

/** A document flattened to comparable paragraphs and the scopes (clauses, sections) they belong to, with its manifest. */
export interface FlatDocument {
  readonly paragraphs: readonly FlatParagraph[];
  readonly scopes: readonly UnitScope[];
  readonly manifest?: DocumentManifest;
}

const NUMBERED = /^((?:[A-Z]|\d+)(?:\.\d+)*|\([a-z]+\))\t([\s\S]*)$/;

function makeUnit(
  kind: UnitKind,
  number: string | undefined,
  text: string,
  address: string,
  paragraph: number,
  cell: CellPosition | undefined,
): TextUnit {
  const unit: { -readonly [K in keyof TextUnit]: TextUnit[K] } = { kind, text, address, paragraph };
  if (number !== undefined) unit.number = number;
  if (cell) unit.cell = cell;
  return unit;
}

export function flattenParagraphs(
  paragraphs: readonly FlatParagraph[],
  manifest?: DocumentManifest,
): FlatDocument {
  const clauseIds = new Map((manifest?.clauses ?? []).map((entry) => [entry.number, entry.id]));
  const scopes: UnitScope[] = [];
  const usedKeys = new Map<string, number>();
  const uniqueKey = (key: string) => {
    const seen = usedKeys.get(key) ?? 0;
    usedKeys.set(key, seen + 1);
    return seen === 0 ? key : `${key}#${seen + 1}`;
  };
  let scope: UnitScope = {
    key: 'cover',
    kind: 'cover',
    number: '',
    title: 'Cover',
    section: 'Cover',
    units: [],
  };
  scopes.push(scope);
  let sectionLabel = 'Cover';
  let sectionTitle = '';
  // Per scope: paragraph count, last level-2 item, table captions and note tables, cover row labels.
  let paragraphCount = 0;
  let lastItem = '';
  let caption = '';
  const tableNames = new Map<number, string>();
  const rowLabels = new Map<string, string>();
  const noteParagraphs = new Map<number, number>();
  const open = (next: UnitScope) => {
    scope = next;
    scopes.push(next);
    paragraphCount = 0;
    lastItem = '';
    caption = '';
  };

  for (let index = 0; index < paragraphs.length; index += 1) {
    const paragraph = paragraphs[index] as FlatParagraph;
    let number: string | undefined;
    let text = paragraph.text;
    if (paragraph.role !== 'bullet' && paragraph.role !== 'caption' && paragraph.role !== 'note-label') {
      const match = NUMBERED.exec(text);
      if (match) {
        number = match[1] as string;
        text = match[2] as string;
      }
    }
    if (paragraph.role === 'heading1' && !paragraph.cell) {
      sectionLabel = number ? `${number} ${text}` : text;
      sectionTitle = text;
      open({
        key: uniqueKey(`section:${text}`),
        kind: 'section',
        number: number ?? '',
        title: text,
        section: sectionLabel,
        units: [],
      });
    } else if (paragraph.role === 'heading2' && !paragraph.cell) {
      const clauseId = number ? clauseIds.get(number) : undefined;
      open({
        key: uniqueKey(clauseId ? `clause:${clauseId}` : `clause:${sectionTitle}/${text}`),
        kind: 'clause',
        number: number ?? '',
        title: text,
        ...(clauseId ? { clauseId } : {}),
        section: sectionLabel,
        units: [],
      });
    }
    const where = scope.number || (scope.kind === 'cover' ? 'Cover' : scope.title);
    const cell = paragraph.cell;
    const push = (kind: UnitKind, address: string) =>
      scope.units.push(makeUnit(kind, number, text, address, index, cell));
    if ((paragraph.role === 'heading1' || paragraph.role === 'heading2') && !cell) {
      push('heading', number ?? text);
      continue;
    }
    if (paragraph.role === 'caption') {
      caption = text;
      push('caption', `${where} caption`);
      continue;
    }
    if (cell) {
      if (paragraph.role === 'note-label') tableNames.set(cell.table, '\u0000note');
      if (!tableNames.has(cell.table)) {
        tableNames.set(
          cell.table,
          caption || `${scope.kind === 'cover' ? 'Cover facts' : `Table in ${where}`}`,
        );
        caption = '';
      }
      const name = tableNames.get(cell.table) as string;
      if (name === '\u0000note') {
        const n = (noteParagraphs.get(cell.table) ?? 0) + 1;
        noteParagraphs.set(cell.table, n);
        push('note', `${where} drafting note ¶${n}`);
        continue;
      }
      const rowKey = `${cell.table}/${cell.row}`;
      if (cell.col === 0) rowLabels.set(rowKey, text);
      const label = rowLabels.get(rowKey);
      if (scope.kind === 'cover' && name === 'Cover facts') {
        push('cell', cell.col === 0 ? `Cover: ${text} (label)` : `Cover: ${label ?? `row ${cell.row + 1}`}`);
        continue;
      }
      const row = cell.row === 0 ? 'header' : `row ${cell.row}`;
      push('cell', `Table: ${name} ${row} col ${cell.col + 1}`);
      continue;
    }
    if (number !== undefined) {
      if (!number.startsWith('(')) lastItem = number;
      push('item', number.startsWith('(') ? `${lastItem}${number}` : number);
      continue;
    }
    paragraphCount += 1;
    if (paragraph.role === 'bullet') {
      push('bullet', `${where} ¶${paragraphCount} (list item)`);
      continue;
    }
    const label = scope.kind === 'cover' ? /^([^:]{1,40}): /.exec(text)?.[1] : undefined;
    push('paragraph', label ? `Cover: ${label}` : `${where} ¶${paragraphCount}`);
  }
  return { paragraphs, scopes, ...(manifest ? { manifest } : {}) };
}
