import type { ClauseCatalog } from '@loti/clauses';
import {
  type ClauseUpdateText,
  clauseUpdateDocuments,
  type DocumentChange,
  type DocumentManifest,
  diffDocuments,
  flattenModel,
  redlineDocx,
  renderDocx,
} from '@loti/tender-generator';
import type { CheckReport, OutdatedReference } from './check.js';

export interface CheckRedline {
  readonly bytes: Uint8Array;
  /** The word changes, clause by clause (clauseId set on each). */
  readonly wording: readonly DocumentChange[];
  /** Updated clauses whose issued version the installed library does not hold: no redline for them. */
  readonly withoutOldText: readonly string[];
}

/** A superseded or renamed reference as one line of the redline document. */
export function referenceLine(ref: OutdatedReference): string {
  if (ref.status === 'unknown') return `${ref.id} is not in the references register any more.`;
  const successor = ref.supersededByTitle ?? ref.supersededBy;
  const since = ref.since ? ` since ${ref.since}` : '';
  const change =
    ref.status === 'renamed'
      ? `renamed${since}${successor ? ` to ${successor}` : ''}`
      : `superseded${since}${successor ? ` by ${successor}` : ''}`;
  return `${ref.title} (${ref.id}): ${change}.${ref.note ? ` ${ref.note}` : ''}`;
}

/**
 * What the newer versions of an issued document's clauses change, as a redline: the issued version's wording
 * (catalog.get(id, exact version)) against the newest, one section per clause, plus the references that changed.
 */
export async function checkRedline(
  file: string,
  manifest: DocumentManifest,
  report: CheckReport,
  catalog: ClauseCatalog,
  author: string,
): Promise<CheckRedline> {
  const texts: ClauseUpdateText[] = [];
  const withoutOldText: string[] = [];
  for (const update of report.updates) {
    const from = catalog.get(update.id, update.from);
    const to = catalog.get(update.id, update.to);
    if (from && to && from.version === update.from)
      texts.push({ id: update.id, number: update.number, from, to });
    else withoutOldText.push(update.id);
  }
  const { before, after } = clauseUpdateDocuments(texts, {
    issued: file,
    specReference: manifest.specReference,
    generator: manifest.generator,
    catalogVersion: catalog.packageVersion,
    numbers: new Map(manifest.clauses.map((entry) => [entry.id, entry.number])),
    references: report.references.map(referenceLine),
  });
  const old = flattenModel(before);
  const wording = diffDocuments(old, flattenModel(after)).changes.filter((change) => change.clauseId);
  const redline = redlineDocx(await renderDocx(after, { trackRevisions: true }), old, {
    author,
    issueDate: after.meta.issueDate,
  });
  if (!redline) throw new Error('the rendered clause updates are not a Word document');
  return { bytes: redline.bytes, wording, withoutOldText };
}
