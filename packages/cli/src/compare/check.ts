import type { ChangelogEntry, ClauseCatalog } from '@loti/clauses';
import type { DocumentManifest } from '@loti/tender-generator';
import semver from 'semver';

/** How big a clause update is, by semver: major, minor or patch. */
export type UpdateKind = 'major' | 'minor' | 'patch';

/** A clause of the document with a newer published version. */
export interface ClauseUpdate {
  readonly id: string;
  readonly title: string;
  readonly number: string;
  readonly from: string;
  readonly to: string;
  readonly kind: UpdateKind;
  /** Changelog entries after `from`, up to and including `to`, newest first. */
  readonly changes: readonly ChangelogEntry[];
}

/** A clause of the document that is now deprecated or withdrawn, and what replaces it. */
export interface RetiredClause {
  readonly id: string;
  readonly version: string;
  readonly status: 'deprecated' | 'withdrawn';
  readonly replacedBy?: string;
}

/** A reference the document cites that the register marks as superseded. */
export interface OutdatedReference {
  readonly id: string;
  readonly title: string;
  readonly status: 'superseded' | 'renamed' | 'unknown';
  readonly supersededBy?: string;
  readonly supersededByTitle?: string;
  readonly since?: string;
  readonly note?: string;
}

/** What `tender check` reports for an issued document: newer versions, retired clauses and outdated references. */
export interface CheckReport {
  readonly generator: string;
  readonly documentClausesVersion: string;
  readonly catalogVersion: string;
  readonly clauseCount: number;
  readonly updates: readonly ClauseUpdate[];
  readonly retired: readonly RetiredClause[];
  /** Clauses the document has that the library no longer knows. */
  readonly missing: readonly { readonly id: string; readonly version: string }[];
  readonly references: readonly OutdatedReference[];
  readonly actionNeeded: boolean;
}

export function updateKind(from: string, to: string): UpdateKind {
  const diff = semver.diff(from, to);
  if (diff === 'major' || diff === 'premajor') return 'major';
  if (diff === 'minor' || diff === 'preminor') return 'minor';
  return 'patch';
}

/** Compares a document's manifest with a clause catalog: newer versions, retired clauses, superseded citations. */
export function checkManifest(manifest: DocumentManifest, catalog: ClauseCatalog): CheckReport {
  const updates: ClauseUpdate[] = [];
  const retired: RetiredClause[] = [];
  const missing: { id: string; version: string }[] = [];
  for (const entry of manifest.clauses) {
    const latest = catalog.get(entry.id);
    if (!latest) {
      missing.push({ id: entry.id, version: entry.version });
      continue;
    }
    if (semver.valid(entry.version) && semver.gt(latest.version, entry.version)) {
      updates.push({
        id: entry.id,
        title: latest.title,
        number: entry.number,
        from: entry.version,
        to: latest.version,
        kind: updateKind(entry.version, latest.version),
        changes: catalog
          .changelog(entry.id)
          .filter(
            (change) =>
              semver.gt(change.version, entry.version) && semver.lte(change.version, latest.version),
          ),
      });
    }
    // The version in the document may be retired even when a newer one is fine, and the other way round.
    const used = semver.valid(entry.version) ? catalog.get(entry.id, entry.version) : undefined;
    const status =
      used && used.status !== 'stable' && used.status !== 'draft'
        ? used
        : latest.status === 'deprecated' || latest.status === 'withdrawn'
          ? latest
          : undefined;
    if (status && (status.status === 'deprecated' || status.status === 'withdrawn')) {
      retired.push({
        id: entry.id,
        version: entry.version,
        status: status.status,
        ...(status.replacedBy ? { replacedBy: status.replacedBy } : {}),
      });
    }
  }
  const references: OutdatedReference[] = [];
  for (const id of manifest.references) {
    const ref = catalog.reference(id);
    if (!ref) {
      references.push({ id, title: id, status: 'unknown' });
      continue;
    }
    if (ref.status === 'current') continue;
    const successor = ref.supersededBy ? catalog.reference(ref.supersededBy) : undefined;
    references.push({
      id,
      title: ref.title,
      status: ref.status,
      ...(ref.supersededBy ? { supersededBy: ref.supersededBy } : {}),
      ...(successor ? { supersededByTitle: successor.title } : {}),
      ...(ref.since ? { since: ref.since } : {}),
      ...(ref.note ? { note: ref.note } : {}),
    });
  }
  return {
    generator: manifest.generator,
    documentClausesVersion: manifest.clausesPackageVersion,
    catalogVersion: catalog.packageVersion,
    clauseCount: manifest.clauses.length,
    updates,
    retired,
    missing,
    references,
    actionNeeded: updates.length + retired.length + missing.length + references.length > 0,
  };
}
