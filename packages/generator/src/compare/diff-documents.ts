import { diffWordsWithSpace } from 'diff';
import type { DocumentManifest } from '../model/types.js';
import { alignSequences } from './align.js';
import type { FlatDocument, TextUnit, UnitScope } from './units.js';

export const CHANGE_KINDS = {
  changed: 'changed',
  added: 'added',
  removed: 'removed',
  moved: 'moved',
  renumbered: 'renumbered',
} as const;
export type ChangeKind = (typeof CHANGE_KINDS)[keyof typeof CHANGE_KINDS];

export interface WordPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** One difference a bidder would see. Numbers and addresses are as each document writes them. */
export interface DocumentChange {
  readonly kind: ChangeKind;
  /** The section it is in ("5 Requirements"), in the new document (the old one for a removal). */
  readonly section: string;
  readonly clauseId?: string;
  readonly oldAddress?: string;
  readonly newAddress?: string;
  /** The unit's own number (5.7.2), else its clause's or section's. */
  readonly oldNumber?: string;
  readonly newNumber?: string;
  readonly oldText?: string;
  readonly newText?: string;
  /** Word-level changes from the old text to the new, for a changed unit. */
  readonly parts?: readonly WordPart[];
}

export interface ManifestChanges {
  readonly clausesAdded: readonly {
    readonly id: string;
    readonly version: string;
    readonly number: string;
  }[];
  readonly clausesRemoved: readonly {
    readonly id: string;
    readonly version: string;
    readonly number: string;
  }[];
  readonly versionsChanged: readonly {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly number: string;
  }[];
  readonly referencesAdded: readonly string[];
  readonly referencesRemoved: readonly string[];
}

/** Paragraph-level alignment, in the new document's order: what the redline writer needs. */
export interface ParagraphOp {
  readonly old?: number;
  readonly new?: number;
}

/** The changes between two documents, paragraph by paragraph and word by word. */
export interface DocumentDiff {
  readonly identical: boolean;
  readonly changes: readonly DocumentChange[];
  readonly manifest: ManifestChanges;
  readonly paragraphs: readonly ParagraphOp[];
}

export function wordParts(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

const unitKey = (unit: TextUnit) => `${unit.kind}\u0001${unit.text}`;

/** The number a reader would cite for a unit: its own (5.7.2), else its clause's or section's (5.7). */
function numberOf(unit: TextUnit, scope: UnitScope): string | undefined {
  return unit.number ?? (scope.number || undefined);
}

/** "5.7.2" within clause "5.7" is ".2": the part that moves when items, not clauses, are inserted. */
function relativeNumber(number: string | undefined, scopeNumber: string): string | undefined {
  if (number === undefined) return undefined;
  return scopeNumber && number.startsWith(`${scopeNumber}.`) ? number.slice(scopeNumber.length) : number;
}

/** Clause and reference changes between two manifests; none when either document has no manifest to compare. */
export function diffManifests(before?: DocumentManifest, after?: DocumentManifest): ManifestChanges {
  if (!before || !after)
    return {
      clausesAdded: [],
      clausesRemoved: [],
      versionsChanged: [],
      referencesAdded: [],
      referencesRemoved: [],
    };
  const oldClauses = new Map((before?.clauses ?? []).map((entry) => [entry.id, entry]));
  const newClauses = new Map((after?.clauses ?? []).map((entry) => [entry.id, entry]));
  const oldReferences = new Set(before?.references ?? []);
  const newReferences = new Set(after?.references ?? []);
  const brief = (entry: { id: string; version: string; number: string }) => ({
    id: entry.id,
    version: entry.version,
    number: entry.number,
  });
  return {
    clausesAdded: (after?.clauses ?? []).filter((entry) => !oldClauses.has(entry.id)).map(brief),
    clausesRemoved: (before?.clauses ?? []).filter((entry) => !newClauses.has(entry.id)).map(brief),
    versionsChanged: (after?.clauses ?? []).flatMap((entry) => {
      const previous = oldClauses.get(entry.id);
      return previous && (previous.version !== entry.version || previous.hash !== entry.hash)
        ? [{ id: entry.id, from: previous.version, to: entry.version, number: entry.number }]
        : [];
    }),
    referencesAdded: [...newReferences].filter((id) => !oldReferences.has(id)),
    referencesRemoved: [...oldReferences].filter((id) => !newReferences.has(id)),
  };
}

/**
 * Compares two flattened documents as a reader would: scopes (cover, sections, clauses) are matched by their stable
 * keys, so a clause that moves or is renumbered is reported once as such; inside a matched scope the paragraphs are
 * aligned by their wording, and a paragraph whose wording changed is reported with its word-level changes.
 */
export function diffDocuments(before: FlatDocument, after: FlatDocument): DocumentDiff {
  const changes: DocumentChange[] = [];
  const ops: ParagraphOp[] = [];
  const scopeAlignment = alignSequences(
    before.scopes.map((scope) => scope.key),
    after.scopes.map((scope) => scope.key),
  );
  const oldByKey = new Map(before.scopes.map((scope, index) => [scope.key, index]));
  const newKeys = new Set(after.scopes.map((scope) => scope.key));
  // Scopes on both sides that the alignment did not pair have moved: compare them where they are now.
  const pairedOld = new Set<number>();
  for (const [i, j] of scopeAlignment) if (i >= 0 && j >= 0) pairedOld.add(i);

  const removedUnit = (scope: UnitScope, unit: TextUnit): DocumentChange => {
    const number = numberOf(unit, scope);
    return {
      kind: 'removed',
      section: scope.section,
      ...(scope.clauseId ? { clauseId: scope.clauseId } : {}),
      oldAddress: unit.address,
      ...(number ? { oldNumber: number } : {}),
      oldText: unit.text,
    };
  };
  const addedUnit = (scope: UnitScope, unit: TextUnit): DocumentChange => {
    const number = numberOf(unit, scope);
    return {
      kind: 'added',
      section: scope.section,
      ...(scope.clauseId ? { clauseId: scope.clauseId } : {}),
      newAddress: unit.address,
      ...(number ? { newNumber: number } : {}),
      newText: unit.text,
    };
  };

  // A scope on both sides that the alignment left unpaired has moved: it is compared where it is now, and the
  // redline deletes it where it was and inserts it where it is.
  const movedKeys = new Set(
    before.scopes.filter((scope, index) => !pairedOld.has(index) && newKeys.has(scope.key)).map((s) => s.key),
  );
  const compareScopes = (old: UnitScope, now: UnitScope) => {
    const scopeChange = {
      section: now.section,
      ...(now.clauseId ? { clauseId: now.clauseId } : {}),
      oldAddress: old.number || old.title,
      newAddress: now.number || now.title,
      oldNumber: old.number,
      newNumber: now.number,
      oldText: old.title,
      newText: now.title,
    };
    const moved = movedKeys.has(old.key);
    if (moved) changes.push({ kind: 'moved', ...scopeChange });
    else if (old.number !== now.number) changes.push({ kind: 'renumbered', ...scopeChange });
    const alignment = pairChanged(
      alignSequences(old.units.map(unitKey), now.units.map(unitKey)),
      old.units,
      now.units,
    );
    for (const [i, j] of alignment) {
      const o = old.units[i];
      const n = now.units[j];
      if (o && n) {
        ops.push(moved ? { new: n.paragraph } : { old: o.paragraph, new: n.paragraph });
        if (o.kind === 'heading' && o.text === n.text) continue; // Its number is the scope's.
        if (o.text === n.text) {
          if (relativeNumber(o.number, old.number) !== relativeNumber(n.number, now.number))
            changes.push({
              kind: 'renumbered',
              section: now.section,
              ...(now.clauseId ? { clauseId: now.clauseId } : {}),
              oldAddress: o.address,
              newAddress: n.address,
              ...(o.number !== undefined ? { oldNumber: o.number } : {}),
              ...(n.number !== undefined ? { newNumber: n.number } : {}),
              oldText: o.text,
              newText: n.text,
            });
          continue;
        }
        const oldNumber = numberOf(o, old);
        const newNumber = numberOf(n, now);
        changes.push({
          kind: 'changed',
          section: now.section,
          ...(now.clauseId ? { clauseId: now.clauseId } : {}),
          oldAddress: o.address,
          newAddress: n.address,
          ...(oldNumber ? { oldNumber } : {}),
          ...(newNumber ? { newNumber } : {}),
          oldText: o.text,
          newText: n.text,
          parts: wordParts(o.text, n.text),
        });
      } else if (o) {
        if (!moved) ops.push({ old: o.paragraph });
        changes.push(removedUnit(old, o));
      } else if (n) {
        ops.push({ new: n.paragraph });
        changes.push(addedUnit(now, n));
      }
    }
  };

  for (const [i, j] of scopeAlignment) {
    const old = before.scopes[i];
    const now = after.scopes[j];
    if (old && now) compareScopes(old, now);
    else if (now) {
      const moved = oldByKey.get(now.key);
      if (moved !== undefined) compareScopes(before.scopes[moved] as UnitScope, now);
      else
        for (const unit of now.units) {
          ops.push({ new: unit.paragraph });
          changes.push(addedUnit(now, unit));
        }
    } else if (old && movedKeys.has(old.key)) {
      for (const unit of old.units) ops.push({ old: unit.paragraph });
    } else if (old) {
      for (const unit of old.units) {
        ops.push({ old: unit.paragraph });
        changes.push(removedUnit(old, unit));
      }
    }
  }
  const manifest = diffManifests(before.manifest, after.manifest);
  const summary = markMovedUnits(changes);
  return {
    identical:
      summary.length === 0 &&
      manifest.clausesAdded.length +
        manifest.clausesRemoved.length +
        manifest.versionsChanged.length +
        manifest.referencesAdded.length +
        manifest.referencesRemoved.length ===
        0,
    changes: summary,
    manifest,
    paragraphs: ops,
  };
}

/**
 * Within each run of unmatched units between two matched ones, pairs removed and added units of the same kind in
 * order: a paragraph whose wording changed is one change, not a removal and an addition.
 */
function pairChanged(
  alignment: readonly (readonly [number, number])[],
  old: readonly TextUnit[],
  now: readonly TextUnit[],
): [number, number][] {
  const out: [number, number][] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    // Positions of the added units by kind, each list consumed from the front: linear in the run's length.
    const byKind = new Map<string, number[]>();
    added.forEach((j, k) => {
      const kind = now[j]?.kind ?? '';
      const list = byKind.get(kind);
      if (list) list.push(k);
      else byKind.set(kind, [k]);
    });
    const heads = new Map<string, number>();
    let cursor = 0;
    for (const i of removed) {
      const kind = old[i]?.kind ?? '';
      const list = byKind.get(kind) ?? [];
      let head = heads.get(kind) ?? 0;
      while (head < list.length && (list[head] as number) < cursor) head += 1;
      heads.set(kind, head);
      const match = list[head];
      if (match === undefined) {
        out.push([i, -1]);
        continue;
      }
      for (let k = cursor; k < match; k += 1) out.push([-1, added[k] as number]);
      out.push([i, added[match] as number]);
      cursor = match + 1;
    }
    for (let k = cursor; k < added.length; k += 1) out.push([-1, added[k] as number]);
    removed = [];
    added = [];
  };
  for (const [i, j] of alignment) {
    if (i >= 0 && j >= 0) {
      flush();
      out.push([i, j]);
    } else if (i >= 0) removed.push(i);
    else added.push(j);
  }
  flush();
  return out;
}

/** A removed unit whose exact wording was added elsewhere has moved: one change, with both addresses. */
function markMovedUnits(changes: readonly DocumentChange[]): DocumentChange[] {
  const addedByText = new Map<string, number[]>();
  changes.forEach((change, index) => {
    if (change.kind !== 'added' || !change.newText || change.newText.trim().length < 12) return;
    const list = addedByText.get(change.newText);
    if (list) list.push(index);
    else addedByText.set(change.newText, [index]);
  });
  const drop = new Set<number>();
  const out = changes.map((change): DocumentChange => {
    if (change.kind !== 'removed' || !change.oldText) return change;
    const candidates = addedByText.get(change.oldText);
    const target = candidates?.shift();
    if (target === undefined) return change;
    drop.add(target);
    const added = changes[target] as DocumentChange;
    return {
      ...change,
      kind: 'moved',
      ...(added.clauseId ? { clauseId: added.clauseId } : {}),
      newAddress: added.newAddress,
      ...(added.newNumber !== undefined ? { newNumber: added.newNumber } : {}),
      newText: added.newText,
    };
  });
  return out.filter((_, index) => !drop.has(index));
}
