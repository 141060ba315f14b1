import type { DocumentChange, DocumentDiff } from '@loti/tender-generator';
import type { Console } from './console.js';
import { renderWordDiff } from './word-diff.js';

const SYMBOL = { changed: '~', added: '+', removed: '-', moved: '↷', renumbered: '#' } as const;

function where(change: DocumentChange): string {
  if (change.kind === 'added') return change.newAddress ?? '';
  if (change.kind === 'removed') return change.oldAddress ?? '';
  return change.oldAddress === change.newAddress
    ? (change.newAddress ?? '')
    : `${change.oldAddress ?? ''} → ${change.newAddress ?? ''}`;
}

/**
 * Prints a document comparison grouped by section: each change with its address (clause number, table cell, cover
 * fact), the clause id, and the wording: old → new with the changed words marked, or the added or removed text.
 */
export function printDocumentDiff(con: Console, diff: DocumentDiff): void {
  const { c } = con;
  let section: string | undefined;
  const counts = new Map<string, number>();
  for (const change of diff.changes) {
    counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
    if (change.section !== section) {
      section = change.section;
      con.out(c.bold(section));
    }
    const colour =
      change.kind === 'added'
        ? c.green
        : change.kind === 'removed'
          ? c.red
          : change.kind === 'changed'
            ? c.yellow
            : c.cyan;
    const id = change.clauseId ? ` ${c.dim(change.clauseId)}` : '';
    const label = change.kind === 'changed' ? '' : ` ${change.kind}`;
    con.out(`  ${colour(SYMBOL[change.kind])} ${c.bold(where(change))}${label}${id}`);
    if (change.kind === 'changed' && change.parts) con.out(`      ${renderWordDiff(change.parts, c)}`);
    else if (change.kind === 'removed') con.out(`      ${c.red(change.oldText ?? '')}`);
    else if (change.kind === 'added') con.out(`      ${c.green(change.newText ?? '')}`);
    else con.out(`      ${c.dim(change.newText ?? change.oldText ?? '')}`);
  }
  const m = diff.manifest;
  if (
    m.clausesAdded.length +
      m.clausesRemoved.length +
      m.versionsChanged.length +
      m.referencesAdded.length +
      m.referencesRemoved.length >
    0
  ) {
    con.out(c.bold('Manifest'));
    for (const entry of m.clausesAdded)
      con.out(`  ${c.green('+')} ${c.cyan(entry.id)} ${entry.version} ${c.dim(`added as ${entry.number}`)}`);
    for (const entry of m.clausesRemoved)
      con.out(
        `  ${c.red('-')} ${c.cyan(entry.id)} ${entry.version} ${c.dim(`removed (was ${entry.number})`)}`,
      );
    for (const entry of m.versionsChanged)
      con.out(
        `  ${c.yellow('~')} ${c.cyan(entry.id)} ${entry.from} → ${entry.to} ${c.dim(`(${entry.number})`)}`,
      );
    for (const id of m.referencesAdded) con.out(`  ${c.green('+')} cites ${id}`);
    for (const id of m.referencesRemoved) con.out(`  ${c.red('-')} no longer cites ${id}`);
  }
  const summary = (['changed', 'added', 'removed', 'moved', 'renumbered'] as const)
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} ${kind}`);
  if (summary.length > 0) con.out(c.dim(`\nWording: ${summary.join(', ')}.`));
}

/** The comparison as JSON: changes and manifest, without the paragraph alignment the redline uses. */
export function documentDiffJson(diff: DocumentDiff, labels: { old: string; new: string }): string {
  return JSON.stringify(
    {
      old: labels.old,
      new: labels.new,
      identical: diff.identical,
      changes: diff.changes,
      manifest: diff.manifest,
    },
    null,
    2,
  );
}
