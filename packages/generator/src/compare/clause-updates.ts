import type { Clause } from '@loti/clauses';
import { clauseAnchor } from '../assemble/assemble.js';
import { type InlineContext, plain, toDocBlocks } from '../assemble/content.js';
import type { DocSection, DocumentManifest, TenderDocument } from '../model/types.js';
import { sanitiseLine } from '../text/sanitise.js';

/**
 * Two small documents for `tender check --redline`: one section per updated clause, numbered as in the issued
 * document, with the version the document has (before) and the newest one (after). Rendering `after` and writing a
 * redline against `before` shows exactly what the newer versions change.
 */

export interface ClauseUpdateText {
  readonly id: string;
  /** The clause's number in the issued document. */
  readonly number: string;
  readonly from: Clause;
  readonly to: Clause;
}

/** Options for {@link clauseUpdateDocuments}. */
export interface ClauseUpdateDocumentOptions {
  /** The issued document, as the reader knows it (a file name). */
  readonly issued: string;
  readonly specReference: string;
  readonly generator: string;
  readonly catalogVersion: string;
  /** Every clause number of the issued document by clause id, so cross-references keep their numbers. */
  readonly numbers: ReadonlyMap<string, string>;
  /** Lines about superseded or renamed references, the same in both documents. */
  readonly references: readonly string[];
}

export const PLACEHOLDER_NOTE =
  "The issued document's own values are not known here: each placeholder is filled with the clause library's default value, and a placeholder without a default is shown as its name in square brackets, e.g. [breachNotificationHours].";

/** Default values of a clause's variables; a placeholder without one shows as [its name]. */
function placeholderValues(clause: Clause): Map<string, string> {
  const values = new Map<string, string>();
  for (const name of clause.placeholders) {
    const fallback = clause.variables[name]?.default;
    values.set(name, fallback === undefined ? `[${name}]` : String(fallback));
  }
  return values;
}

/** The newest changelog date among the newer versions: a fixed date for the redline, never the clock. */
export function updatesDate(updates: readonly ClauseUpdateText[]): string {
  let latest = '';
  for (const update of updates)
    for (const entry of update.to.changelog)
      if (entry.version === update.to.version && entry.date > latest) latest = entry.date;
  return latest || '2000-01-01';
}

/**
 * The clause-update documents for an issued tender: a before and an after document holding only the updated
 * clauses, numbered as in the issued document, so a redline between them shows exactly what changed.
 */
export function clauseUpdateDocuments(
  updates: readonly ClauseUpdateText[],
  options: ClauseUpdateDocumentOptions,
): { readonly before: TenderDocument; readonly after: TenderDocument } {
  const targets = new Map(
    [...options.numbers].map(([id, number]) => [id, { anchor: clauseAnchor(id), number }] as const),
  );
  const issueDate = updatesDate(updates);
  const about: DocSection = {
    kind: 'introduction',
    anchor: 'about-these-updates',
    number: '',
    title: 'About this document',
    blocks: [
      {
        type: 'paragraph',
        content: plain(
          `This document shows what the newer versions of the clauses in ${options.issued} change: each section is one clause, numbered as in that document, with the changes as tracked changes.`,
        ),
      },
      { type: 'paragraph', content: plain(PLACEHOLDER_NOTE) },
    ],
    clauses: [],
  };
  const referencesSection: DocSection | undefined =
    options.references.length > 0
      ? {
          kind: 'appendix',
          anchor: 'superseded-references',
          number: '',
          title: 'Cited references that changed',
          blocks: [
            {
              type: 'bullets',
              items: options.references.map((line) => [{ type: 'paragraph', content: plain(line) }]),
            },
          ],
          clauses: [],
        }
      : undefined;
  const documentFor = (side: 'from' | 'to'): TenderDocument => {
    const sections = updates.map((update, index): DocSection => {
      const clause = update[side];
      const context: InlineContext = { values: placeholderValues(clause), targets };
      return {
        kind: 'terms',
        anchor: `update-${index + 1}`,
        number: '',
        title: `${update.id}: version ${update.from.version} → ${update.to.version}`,
        blocks: [],
        clauses: [
          {
            type: 'clause',
            anchor: clauseAnchor(update.id),
            number: update.number,
            title: sanitiseLine(clause.title),
            clauseId: update.id,
            version: clause.version,
            blocks: toDocBlocks(clause.body, context, update.number),
          },
        ],
      };
    });
    const manifest: DocumentManifest = {
      generator: options.generator,
      clausesPackageVersion: options.catalogVersion,
      specReference: options.specReference,
      clauses: updates.map((update) => ({
        id: update.id,
        version: update[side].version,
        hash: update[side].hash,
        number: update.number,
        reasons: [],
      })),
      excluded: [],
      references: [],
    };
    return {
      meta: {
        title: 'Clause updates',
        reference: sanitiseLine(options.specReference),
        subject: `Clause updates for ${sanitiseLine(options.issued)}`,
        description: 'What newer versions of the clause library change in an issued tender document.',
        keywords: ['tender', 'clause updates'],
        creator: 'LOTI Tender Kit',
        language: 'en-GB',
        issueDate,
        showGuidance: false,
        // A report on wording, not a tender: it carries no DRAFT mark.
        status: 'final',
        branding: { accentColour: '1D70B8', font: 'Arial' },
      },
      cover: {
        documentType: 'Clause updates',
        authority: 'LOTI Tender Kit',
        title: 'Clause updates',
        reference: sanitiseLine(options.specReference),
        procedure: '',
        facts: [
          { label: 'Issued document', value: sanitiseLine(options.issued) },
          { label: 'Clause library', value: sanitiseLine(options.catalogVersion) },
          { label: 'Updated clauses', value: String(updates.length) },
        ],
        blocks: [],
      },
      sections: [about, ...sections, ...(referencesSection ? [referencesSection] : [])],
      manifest,
    };
  };
  return { before: documentFor('from'), after: documentFor('to') };
}
