import { type ClauseCatalog, pinCatalog } from '@loti/clauses';
import { type DocumentManifest, GENERATOR } from '@loti/tender-generator';
import type { ReportedIssue } from '../issues.js';

/** Codes for rebuilding a document from its manifest (`tender build --from-manifest`). */
export const REBUILD_ISSUE_CODES = {
  PINNED_VERSION_UNKNOWN: 'The manifest names a clause version the installed clause ledger does not have.',
  PINNED_TEXT_DIFFERS: 'The ledger has the version, but its text hashes differently from the manifest.',
  SPEC_CHANGED: 'The spec is not the one the document was built from (its hash differs).',
  SPEC_HASH_MISSING: 'The document records no spec hash, so the spec cannot be checked.',
  VERSIONS_DIFFER: 'The document was made by another generator or clause library version.',
} as const;
export type RebuildIssueCode = keyof typeof REBUILD_ISSUE_CODES;

type RebuildIssue = ReportedIssue & { readonly code: RebuildIssueCode };

/**
 * Pins every clause to the version (and text) the manifest records. Errors when the installed
 * ledger cannot supply one: the rebuild would not be the same document.
 */
export function pinToManifest(
  manifest: DocumentManifest,
  installed: ClauseCatalog,
  docx: string,
): { catalog: ClauseCatalog; errors: RebuildIssue[] } {
  const { catalog, missing } = pinCatalog(
    installed,
    manifest.clauses,
    manifest.excluded.map((entry) => entry.id),
  );
  const errors = missing.map(
    (pin): RebuildIssue => ({
      code: pin.reason === 'not-published' ? 'PINNED_VERSION_UNKNOWN' : 'PINNED_TEXT_DIFFERS',
      severity: 'error',
      file: docx,
      message:
        pin.reason === 'not-published'
          ? `${docx} contains ${pin.id}@${pin.version}, which is not in the clause ledger of @loti/clauses ${installed.packageVersion} (it has ${installed.versions(pin.id).join(', ') || 'no versions of it'}). Install the @loti/clauses release that published it.`
          : `${docx} contains ${pin.id}@${pin.version} with hash ${pin.hash}, but the ledger's text of that version hashes to ${installed.get(pin.id, pin.version)?.hash}. The document was made from unpublished wording; it cannot be rebuilt exactly.`,
    }),
  );
  return { catalog, errors };
}

/** What may make the rebuild differ from the document although every clause is pinned. */
export function rebuildWarnings(
  manifest: DocumentManifest,
  docx: string,
  spec: string,
  specHash: string | undefined,
  clausesVersion: string,
): RebuildIssue[] {
  const warnings: RebuildIssue[] = [];
  const warn = (code: RebuildIssueCode, message: string) =>
    warnings.push({ code, severity: 'warning', file: spec, message });
  if (!manifest.specHash)
    warn(
      'SPEC_HASH_MISSING',
      `${docx} records no spec hash, so whether ${spec} is its spec cannot be checked.`,
    );
  else if (specHash !== undefined && specHash !== manifest.specHash)
    warn(
      'SPEC_CHANGED',
      `${spec} is not the spec ${docx} was built from (${specHash.slice(0, 19)}…, the document says ${manifest.specHash.slice(0, 19)}…). The clauses are pinned, but the rest follows the spec as it is now.`,
    );
  if (manifest.generator !== GENERATOR || manifest.clausesPackageVersion !== clausesVersion)
    warn(
      'VERSIONS_DIFFER',
      `${docx} was made by ${manifest.generator} with @loti/clauses ${manifest.clausesPackageVersion}; this is ${GENERATOR} with @loti/clauses ${clausesVersion}. The clause wording is the same, but the file will not be byte for byte the same.`,
    );
  return warnings;
}
