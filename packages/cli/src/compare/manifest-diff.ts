import { type ClauseCatalog, diffClauseWording, type WordChange } from '@loti/clauses';
import type { DocumentManifest, ManifestEntry } from '@loti/tender-generator';
import semver from 'semver';
import { type UpdateKind, updateKind } from './check.js';

export interface ClauseChange {
  readonly id: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
  /** How big the version step is; `downgrade` when the new document has an older version. */
  readonly kind: UpdateKind | 'downgrade';
  readonly numberFrom: string;
  readonly numberTo: string;
  /** Word diff of the wording; absent when either version is not in the catalog. */
  readonly wording?: readonly WordChange[];
}

export interface ManifestDiff {
  readonly added: readonly ManifestEntry[];
  readonly removed: readonly ManifestEntry[];
  readonly changed: readonly ClauseChange[];
  readonly referencesAdded: readonly string[];
  readonly referencesRemoved: readonly string[];
  readonly identical: boolean;
}

function exact(catalog: ClauseCatalog, id: string, version: string) {
  return catalog.list({ allVersions: true }).find((clause) => clause.id === id && clause.version === version);
}

/** What changed between two documents' clause manifests, with word diffs where the catalog has both versions. */
export function diffManifests(
  before: DocumentManifest,
  after: DocumentManifest,
  catalog: ClauseCatalog,
): ManifestDiff {
  const old = new Map(before.clauses.map((entry) => [entry.id, entry]));
  const now = new Map(after.clauses.map((entry) => [entry.id, entry]));
  const added = after.clauses.filter((entry) => !old.has(entry.id));
  const removed = before.clauses.filter((entry) => !now.has(entry.id));
  const changed: ClauseChange[] = [];
  for (const entry of after.clauses) {
    const previous = old.get(entry.id);
    if (!previous || (previous.version === entry.version && previous.hash === entry.hash)) continue;
    const from = exact(catalog, entry.id, previous.version);
    const to = exact(catalog, entry.id, entry.version);
    const valid = semver.valid(previous.version) && semver.valid(entry.version);
    changed.push({
      id: entry.id,
      title: to?.title ?? from?.title ?? catalog.get(entry.id)?.title ?? entry.id,
      from: previous.version,
      to: entry.version,
      kind:
        valid && semver.lt(entry.version, previous.version)
          ? 'downgrade'
          : valid
            ? updateKind(previous.version, entry.version)
            : 'patch',
      numberFrom: previous.number,
      numberTo: entry.number,
      ...(from && to ? { wording: diffClauseWording(from, to) } : {}),
    });
  }
  const referencesAdded = after.references.filter((id) => !before.references.includes(id));
  const referencesRemoved = before.references.filter((id) => !after.references.includes(id));
  return {
    added,
    removed,
    changed,
    referencesAdded,
    referencesRemoved,
    identical:
      added.length + removed.length + changed.length + referencesAdded.length + referencesRemoved.length ===
      0,
  };
}
