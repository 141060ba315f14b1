import type { ClauseCatalog } from '@loti/clauses';
import type {
  Branding,
  DataCriterion,
  DocClause,
  DocSection,
  InclusionReason,
  KeyDate,
  ManifestEntry,
  TenderData,
  TenderDocument,
} from '../model/types.js';
import { checkThreshold, runProcurementRules, runSelectionRules } from '../rules/index.js';
import { lotKey, lotScopeSentence } from '../rules/lots.js';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import {
  type Criterion,
  MILESTONE_KINDS,
  PROCEDURE_SUMMARIES,
  PROCEDURES,
  type TenderSpec,
} from '../spec/schema.js';
import { appendixLetter, formatDate } from '../text/format.js';
import { sanitiseLine, sanitiseText } from '../text/sanitise.js';
import { type InlineContext, markdownToDocBlocks, toDocBlocks } from './content.js';
import { documentsSectionBlocks, packModel } from './pack.js';
import {
  definitionsSection,
  evaluationSection,
  introductionSection,
  manifestAppendix,
  referencesAppendix,
  requirementsSection,
  timetableSection,
} from './sections.js';
import { type SelectedClause, selectClauses } from './select.js';
import { builtinValues, resolveClauseVariables, unusedVariableIssues } from './variables.js';
import { buyerName, renameSection } from './voice.js';

/** Options for {@link assembleTender}: the catalog, the generator's name, the spec hash and the logo. */
export interface AssembleOptions {
  readonly catalog: ClauseCatalog;
  /** `@loti/tender-generator x.y.z`, recorded in the manifest. */
  readonly generator: string;
  /** `sha256:` of the spec's source (specSourceHash), recorded in the manifest. */
  readonly specHash?: string;
  readonly logo?: Branding['logo'];
}

/** What every document the generator makes is, named on its cover. */
export const DOCUMENT_TYPE = 'Invitation to Tender';

const KEY_DATE_KINDS = [
  'publication',
  'clarification-deadline',
  'submission-deadline',
  'contract-start',
] as const;

/**
 * Turns a valid spec into the document model: selects and numbers clauses, fills in
 * variables, builds the standard sections and the manifest. Pure and deterministic.
 */
export function assembleTender(
  spec: TenderSpec,
  loaded: LoadedSpec,
  options: AssembleOptions,
): { document?: TenderDocument; issues: SpecIssue[] } {
  const { catalog } = options;
  const at = loaded.locate;
  const ruleContext = { spec, at, catalog };
  const ruleIssues = runProcurementRules(ruleContext);
  const { selection, issues } = selectClauses(spec, catalog, at, checkThreshold(ruleContext).position);
  issues.unshift(...ruleIssues);
  issues.push(...runSelectionRules(spec, loaded, catalog, selection));

  const topicOrder = new Map(catalog.topics().map((topic) => [topic.id, topic.order]));
  const ordered = [...selection.clauses].sort(
    (a, b) =>
      (a.clause.part === b.clause.part ? 0 : a.clause.part === 'instructions' ? -1 : 1) ||
      (topicOrder.get(a.clause.topic) ?? 999) - (topicOrder.get(b.clause.topic) ?? 999) ||
      a.clause.order - b.clause.order ||
      a.clause.id.localeCompare(b.clause.id),
  );

  // Fixed sections first, so clause sections know their numbers.
  const builtins = builtinValues(spec);
  const buyer = buyerName(
    spec.tender.authority.shortName,
    catalog.definitions().map((d) => d.term),
  );
  const facts = summaryFacts(spec, builtins).map((fact) =>
    buyer ? { label: fact.label, value: buyer.rename(fact.value) } : fact,
  );
  type Draft = {
    part: Omit<DocSection, 'number' | 'anchor'> & { anchor?: string };
    clauses: SelectedClause[];
  };
  const drafts: Draft[] = [];
  const definesTerms = ordered.some((s) => s.clause.terms.length > 0);
  drafts.push({ part: introductionSection(spec, facts, definesTerms ? '2' : undefined), clauses: [] });
  for (const part of [timetableSection(spec), requirementsSection(spec), evaluationSection(spec)])
    if (part) drafts.push({ part, clauses: [] });
  const built = packModel(spec);
  // The pack speaks with the same voice as the invitation: the buyer's short name throughout.
  const pack = buyer
    ? { ...built, files: built.files.map((file) => ({ ...file, purpose: buyer.rename(file.purpose) })) }
    : built;
  drafts.push({
    part: {
      kind: 'documents',
      anchor: 'section-documents',
      title: 'Tender documents',
      blocks: documentsSectionBlocks(pack),
      clauses: [],
    },
    clauses: [],
  });
  const instructions = ordered.filter((s) => s.clause.part === 'instructions');
  if (instructions.length > 0) {
    drafts.push({
      part: {
        kind: 'instructions',
        anchor: 'section-instructions',
        title: 'Instructions to Bidders',
        blocks: [],
        clauses: [],
      },
      clauses: instructions,
    });
  }
  // Definitions come straight after the introduction, before the wording that uses them.
  const definitionsIndex = 1;
  const terms = ordered.filter((s) => s.clause.part === 'terms');
  for (const topic of catalog.topics()) {
    const clauses = terms.filter((s) => s.clause.topic === topic.id);
    if (clauses.length > 0)
      drafts.push({
        part: { kind: 'terms', anchor: `section-${topic.id}`, title: topic.title, blocks: [], clauses: [] },
        clauses,
      });
  }

  // Number sections and clauses; the definitions section slots in after the introduction.
  const targets = new Map<string, { anchor: string; number: string }>();
  const hasTerms = definesTerms;
  const number = (index: number) => String(index + 1 + (hasTerms && index >= definitionsIndex ? 1 : 0));
  drafts.forEach((draft, index) => {
    draft.clauses.forEach((selected, i) => {
      targets.set(selected.clause.id, {
        anchor: clauseAnchor(selected.clause.id),
        number: `${number(index)}.${i + 1}`,
      });
    });
  });

  const usedVariables = new Set<string>();
  const usedTerms = new Set<string>();
  const excludedIds = new Set(selection.excluded.map((e) => e.id));
  const manifest: ManifestEntry[] = [];
  const sections: DocSection[] = [];
  const references = new Set<string>();
  drafts.forEach((draft, index) => {
    const sectionNumber = number(index);
    const clauses: DocClause[] = draft.clauses.map((selected) => {
      const { clause } = selected;
      const target = targets.get(clause.id) as { anchor: string; number: string };
      const resolved = resolveClauseVariables(selected, spec, builtins, at, usedVariables);
      issues.push(...resolved.issues);
      for (const term of clause.terms) usedTerms.add(term);
      for (const ref of clause.references) references.add(ref);
      const context: InlineContext = {
        values: resolved.values,
        targets,
        onMissingTarget: (id) => {
          const index = selectedIndexOfExclusion(spec, id);
          issues.push({
            code: 'CROSS_REFERENCE_EXCLUDED',
            severity: 'error',
            message: `${clause.id} refers to ${id}, which this spec excludes${excludedIds.has(id) ? '' : ' or cannot include'}. Include ${id}, or exclude ${clause.id} too.`,
            position: at(index >= 0 ? ['clauses', 'exclude', index] : ['clauses']),
            field: index >= 0 ? `clauses.exclude[${index}]` : 'clauses',
          });
        },
      };
      manifest.push({
        id: clause.id,
        version: clause.version,
        hash: clause.hash,
        number: target.number,
        reasons: dedupeReasons(selected.reasons),
      });
      const guidanceContext: InlineContext = { values: resolved.values, targets };
      return {
        type: 'clause',
        anchor: target.anchor,
        number: target.number,
        title: sanitiseLine(clause.title),
        clauseId: clause.id,
        version: clause.version,
        blocks: selected.lots
          ? [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: lotScopeSentence('clause', selected.lots), italic: true }],
              },
              ...toDocBlocks(clause.body, context, target.number),
            ]
          : toDocBlocks(clause.body, context, target.number),
        ...(selected.lots ? { lots: [...new Set(selected.lots.map(lotKey))] } : {}),
        ...(spec.document.guidanceNotes
          ? { guidance: toDocBlocks(clause.guidance, guidanceContext, target.number) }
          : {}),
      };
    });
    sections.push({
      ...draft.part,
      anchor: draft.part.anchor ?? `section-${sectionNumber}`,
      number: sectionNumber,
      clauses,
    });
  });
  issues.push(
    ...unusedVariableIssues(
      spec,
      usedVariables,
      selection.clauses.map((s) => s.clause),
      at,
    ),
  );

  const definitions = definitionsSection(
    catalog,
    usedTerms,
    new Map(Object.entries(builtins).map(([k, v]) => [k, sanitiseLine(v)])),
  );
  if (definitions && hasTerms) {
    sections.splice(definitionsIndex, 0, {
      ...definitions,
      anchor: 'section-definitions',
      number: String(definitionsIndex + 1),
    });
  }
  if (buyer) {
    sections.splice(0, sections.length, ...sections.map((section) => renameSection(section, buyer)));
    const definitionsSection = sections.find((section) => section.kind === 'definitions');
    if (definitionsSection) sortDefinitions(definitionsSection);
  }

  const appendices = [
    manifestAppendix(manifest, selection.excluded, catalog.packageVersion, spec.document.guidanceNotes),
    referencesAppendix(catalog, [...references].sort()),
  ].filter((part) => part !== undefined);
  for (const [index, part] of appendices.entries()) {
    sections.push({ ...part, anchor: part.anchor ?? `appendix-${index}`, number: appendixLetter(index) });
  }

  if (spec.tender.background) {
    for (const problem of markdownToDocBlocks(spec.tender.background).problems) {
      issues.push({
        code: 'MARKDOWN_UNSUPPORTED',
        severity: 'warning',
        message: `In the background (line ${problem.line} of its text): ${problem.message}${problem.keptAsText ? '' : ' It is left out of the document.'}`,
        position: at(['tender', 'background']),
        field: 'tender.background',
      });
    }
  }
  if (issues.some((issue) => issue.severity === 'error')) return { issues };

  const issueDate =
    spec.document.issueDate ??
    spec.timetable.find((m) => m.kind === 'publication')?.date ??
    spec.timetable[0]?.date ??
    '2000-01-01';
  const keyDates: KeyDate[] = KEY_DATE_KINDS.flatMap((kind) => {
    const milestone = spec.timetable.find((m) => m.kind === kind);
    return milestone
      ? [
          {
            label: milestone.milestone ?? MILESTONE_KINDS[kind],
            date: milestone.date,
            display: formatDate(milestone.date),
          },
        ]
      : [];
  });
  const colour = spec.document.branding?.colour?.replace('#', '').toUpperCase() ?? '1D70B8';
  const keywords = [
    ...new Set(['tender', 'procurement', ...manifest.map((m) => m.id.split('/')[0] as string)]),
  ];
  const document: TenderDocument = {
    meta: {
      title: sanitiseLine(spec.tender.title),
      reference: sanitiseLine(spec.tender.reference),
      subject: `Invitation to tender: ${sanitiseLine(spec.tender.title)}`,
      description: sanitiseLine(
        `${spec.tender.authority.name} tender ${spec.tender.reference}, run under the ${PROCEDURES[spec.tender.procedure]}.`,
      ),
      keywords,
      creator: sanitiseLine(spec.tender.authority.name),
      language: spec.document.language,
      ...(spec.document.classification ? { classification: sanitiseLine(spec.document.classification) } : {}),
      issueDate: issueDate.slice(0, 10),
      showGuidance: spec.document.guidanceNotes,
      status: spec.document.status,
      branding: {
        accentColour: colour,
        font: sanitiseLine(spec.document.branding?.font ?? 'Arial'),
        ...(options.logo ? { logo: options.logo } : {}),
      },
    },
    cover: {
      documentType: DOCUMENT_TYPE,
      authority: sanitiseLine(spec.tender.authority.name),
      title: sanitiseLine(spec.tender.title),
      reference: sanitiseLine(spec.tender.reference),
      procedure: PROCEDURE_SUMMARIES[spec.tender.procedure].short,
      facts,
      keyDates,
      ...(spec.document.classification ? { classification: sanitiseLine(spec.document.classification) } : {}),
    },
    sections,
    manifest: {
      generator: options.generator,
      clausesPackageVersion: catalog.packageVersion,
      specReference: sanitiseLine(spec.tender.reference),
      ...(options.specHash ? { specHash: options.specHash } : {}),
      clauses: manifest,
      excluded: selection.excluded.map((e) => ({ id: e.id, reason: sanitiseLine(e.reason) })),
      references: [...references].sort(),
    },
    pack,
    data: tenderData(spec),
  };
  return { document, issues };
}

/** The spec's facts as typed data for the open-data outputs; every text sanitised like the rest of the model. */
function tenderData(spec: TenderSpec): TenderData {
  const { tender } = spec;
  const optional = (text: string | undefined) => {
    const clean = text === undefined ? '' : sanitiseLine(text);
    return clean === '' ? undefined : clean;
  };
  const criterion = (c: Criterion): DataCriterion => ({
    name: sanitiseLine(c.name),
    ...(c.kind ? { kind: c.kind } : {}),
    weight: c.weight,
    subcriteria: (c.subcriteria ?? []).map(criterion),
  });
  const contact = tender.authority.contact;
  const department = optional(tender.authority.department);
  const address = optional(tender.authority.address);
  // Line by line, so the paragraphs survive (sanitiseText turns line breaks into spaces).
  const background = tender.background
    ?.split(/\r?\n/)
    .map((line) => sanitiseText(line))
    .join('\n')
    .trim();
  const priceMethod = optional(spec.evaluation?.priceMethod);
  const ocidPrefix = spec.document.ocidPrefix;
  return {
    buyer: {
      name: sanitiseLine(tender.authority.name),
      ...(department ? { department } : {}),
      ...(address ? { address } : {}),
      ...(contact && (contact.name || contact.email)
        ? {
            contact: {
              ...(optional(contact.name) ? { name: optional(contact.name) } : {}),
              ...(contact.email ? { email: sanitiseLine(contact.email) } : {}),
            },
          }
        : {}),
    },
    procedure: tender.procedure,
    ...(background ? { background } : {}),
    ...(tender.cpv ? { cpv: tender.cpv } : {}),
    ...(tender.estimatedValue
      ? {
          estimatedValue: {
            amount: tender.estimatedValue.amount,
            currency: tender.estimatedValue.currency,
            includesVat: tender.estimatedValue.includesVat,
          },
        }
      : {}),
    ...(tender.contract
      ? {
          contract: {
            lengthMonths: tender.contract.lengthMonths,
            extensionMonths: [...tender.contract.extensionMonths],
          },
        }
      : {}),
    lots: (tender.lots ?? []).map((lot) => ({
      id: sanitiseLine(String(lot.id)),
      title: sanitiseLine(lot.title),
      ...(optional(lot.description) ? { description: optional(lot.description) } : {}),
      ...(lot.value !== undefined ? { estimatedValue: lot.value } : {}),
    })),
    timetable: spec.timetable.map((m) => ({
      kind: m.kind,
      label: sanitiseLine(m.milestone ?? MILESTONE_KINDS[m.kind]),
      date: m.date,
    })),
    criteria: (spec.evaluation?.criteria ?? []).map(criterion),
    ...(priceMethod ? { priceMethod } : {}),
    ...(ocidPrefix ? { ocidPrefix } : {}),
  };
}

export function clauseAnchor(id: string): string {
  return `clause-${id.replace(/[^a-z0-9]+/g, '-')}`;
}

function summaryFacts(
  spec: TenderSpec,
  builtins: ReturnType<typeof builtinValues>,
): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [
    { label: 'Contracting authority', value: spec.tender.authority.name },
    { label: 'Reference', value: spec.tender.reference },
    {
      label: 'Procedure',
      value: PROCEDURE_SUMMARIES[spec.tender.procedure].law,
    },
  ];
  if (builtins['tender.estimatedValue'])
    facts.push({ label: 'Estimated value', value: builtins['tender.estimatedValue'] });
  if (builtins['tender.contractLength']) {
    facts.push({
      label: 'Contract length',
      value: `${builtins['tender.contractLength']}, with ${builtins['tender.extensions']}`,
    });
  }
  if (spec.tender.lots?.length) facts.push({ label: 'Lots', value: String(spec.tender.lots.length) });
  if (builtins['tender.submissionDeadline'])
    facts.push({ label: 'Tenders due', value: builtins['tender.submissionDeadline'] });
  if (spec.tender.authority.contact?.email)
    facts.push({
      label: 'Contact',
      value: [spec.tender.authority.contact.name, spec.tender.authority.contact.email]
        .filter(Boolean)
        .join(', '),
    });
  return facts.map((f) => ({ label: f.label, value: sanitiseLine(f.value) }));
}

function dedupeReasons(reasons: readonly InclusionReason[]): InclusionReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = JSON.stringify(reason);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function selectedIndexOfExclusion(spec: TenderSpec, id: string): number {
  return spec.clauses.exclude.findIndex((e) => e.id === id);
}

/** Keeps definitions alphabetical after the buyer's name replaces "Authority". */
function sortDefinitions(section: DocSection): void {
  const blocks = section.blocks as DocSection['blocks'][number][];
  const definitions = blocks.filter((b) => b.type === 'definition');
  const sorted = [...definitions].sort((a, b) =>
    a.type === 'definition' && b.type === 'definition' ? a.term.localeCompare(b.term) : 0,
  );
  let next = 0;
  for (let i = 0; i < blocks.length; i++)
    if (blocks[i]?.type === 'definition') blocks[i] = sorted[next++] as (typeof blocks)[number];
}
