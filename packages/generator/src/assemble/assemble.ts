import { type ClauseCatalog, catalog as defaultCatalog, fail, isError, ok, type Result } from '@loti/clauses';
import type { Branding, DocSection, ManifestEntry, PackModel, TenderDocument } from '../model/types.js';
import { checkThreshold, runProcurementRules, runSelectionRules } from '../rules/index.js';
import { specSourceHash } from '../spec/hash.js';
import type { SpecIssue, SpecIssueCode } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { TenderSpec } from '../spec/schema.js';
import { appendixLetter } from '../text/format.js';
import { sanitiseLine } from '../text/sanitise.js';
import { GENERATOR } from '../version.js';
import { buildSections } from './clauses.js';
import { markdownToDocBlocks } from './content.js';
import { coverOf, summaryFacts } from './cover.js';
import { inBuyersName, insertDefinitions } from './definitions.js';
import { documentMeta } from './meta.js';
import { numberSections } from './numbering.js';
import { orderClauses, outlineSections } from './outline.js';
import { packModel } from './pack.js';
import { manifestAppendix, referencesAppendix } from './sections.js';
import type { Selection } from './select.js';
import { selectClauses } from './select.js';
import { tenderData } from './tender-data.js';
import { builtinValues, unusedVariableIssues } from './variables.js';
import { type BuyerName, buyerName } from './voice.js';

export { clauseAnchor } from './numbering.js';

/** Options for {@link assembleTender}; each has the default {@link buildTenderModel} uses. */
export interface AssembleOptions {
  /** The clause library; default: the one installed with `@loti/clauses`. */
  readonly catalog?: ClauseCatalog;
  /** `@loti/tender-generator x.y.z`, recorded in the manifest; default: this package. */
  readonly generator?: string;
  /** `sha256:` of the spec's source, recorded in the manifest; default: the hash of the loaded files' text. */
  readonly specHash?: string;
  /** The logo, already read and measured (buildTenderModel reads the file the branding names). */
  readonly logo?: Branding['logo'];
}

/** The outcome of {@link assembleTender}: the document model and its warnings, or every issue found. */
export type AssembleResult = Result<TenderDocument, SpecIssueCode, SpecIssue>;

/**
 * Turns a valid spec into the document model: selects and numbers clauses, fills in
 * variables, builds the standard sections and the manifest. Pure and deterministic.
 */
export function assembleTender(
  spec: TenderSpec,
  loaded: LoadedSpec,
  options: AssembleOptions = {},
): AssembleResult {
  const catalog = options.catalog ?? defaultCatalog;
  const at = loaded.locate;
  const ruleContext = { spec, at, catalog };
  const ruleIssues = runProcurementRules(ruleContext);
  const { selection, issues } = selectClauses(spec, catalog, at, checkThreshold(ruleContext).position);
  issues.unshift(...ruleIssues);
  issues.push(...runSelectionRules(spec, loaded, catalog, selection));

  // Front matter and the outline first, so clause sections know their numbers.
  const ordered = orderClauses(selection.clauses, catalog);
  const builtins = builtinValues(spec);
  const buyer = buyerName(
    spec.tender.authority.shortName,
    catalog.definitions().map((d) => d.term),
  );
  const facts = summaryFacts(spec, builtins, buyer);
  const pack = packInBuyersVoice(packModel(spec), buyer);
  const hasDefinitions = ordered.some((s) => s.clause.terms.length > 0);
  const drafts = outlineSections(spec, catalog, ordered, facts, pack, hasDefinitions ? '2' : undefined);
  const numbering = numberSections(drafts, hasDefinitions);

  const excludedIds = new Set(selection.excluded.map((e) => e.id));
  const built = buildSections(drafts, { spec, builtins, at, numbering, excludedIds }, issues);
  issues.push(
    ...unusedVariableIssues(
      spec,
      built.usedVariables,
      selection.clauses.map((s) => s.clause),
      at,
    ),
  );
  insertDefinitions(built.sections, catalog, built.usedTerms, builtins, hasDefinitions);
  const body = buyer ? inBuyersName(built.sections, buyer) : built.sections;
  const sections = [...body, ...appendices(spec, catalog, selection, built.manifest, built.references)];

  issues.push(...backgroundIssues(spec, at));
  if (issues.some(isError)) return fail(issues);
  const specHash = options.specHash ?? specSourceHash(loaded.files.map((file) => file.text));

  const document: TenderDocument = {
    meta: documentMeta(spec, built.manifest, options.logo),
    cover: coverOf(spec, facts),
    sections,
    manifest: {
      generator: options.generator ?? GENERATOR,
      clausesPackageVersion: catalog.packageVersion,
      specReference: sanitiseLine(spec.tender.reference),
      specHash,
      clauses: built.manifest,
      excluded: selection.excluded.map((e) => ({ id: e.id, reason: sanitiseLine(e.reason) })),
      references: [...built.references].sort(),
    },
    pack,
    data: tenderData(spec),
  };
  return ok(document, issues);
}

/** The pack speaks with the same voice as the invitation: the buyer's short name throughout. */
function packInBuyersVoice(pack: PackModel, buyer: BuyerName | undefined): PackModel {
  return buyer
    ? { ...pack, files: pack.files.map((file) => ({ ...file, purpose: buyer.rename(file.purpose) })) }
    : pack;
}

/** Appendix A, the clause manifest, and B, the references the wording cites (when it cites any). */
function appendices(
  spec: TenderSpec,
  catalog: ClauseCatalog,
  selection: Selection,
  manifest: readonly ManifestEntry[],
  references: ReadonlySet<string>,
): DocSection[] {
  const parts = [
    manifestAppendix(manifest, selection.excluded, catalog.packageVersion, spec.document.guidanceNotes),
    referencesAppendix(catalog, [...references].sort()),
  ].filter((part) => part !== undefined);
  return parts.map((part, index) => ({
    ...part,
    anchor: part.anchor ?? `appendix-${index}`,
    number: appendixLetter(index),
  }));
}

/** Markdown in the background that the document cannot show, as warnings at the background's position. */
function backgroundIssues(spec: TenderSpec, at: LoadedSpec['locate']): SpecIssue[] {
  if (!spec.tender.background) return [];
  return markdownToDocBlocks(spec.tender.background).problems.map((problem) => ({
    code: 'MARKDOWN_UNSUPPORTED',
    severity: 'warning',
    message: `In the background (line ${problem.line} of its text): ${problem.message}${problem.keptAsText ? '' : ' It is left out of the document.'}`,
    position: at(['tender', 'background']),
    field: 'tender.background',
  }));
}
