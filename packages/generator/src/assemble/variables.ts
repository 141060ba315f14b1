import { type BuiltinVariable, type Clause, closest } from '@loti/clauses';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import { PROCEDURES, type TenderSpec } from '../spec/schema.js';
import { formatDate, formatExtensions, formatList, formatMoney, formatMonths } from '../text/format.js';
import { sanitiseLine } from '../text/sanitise.js';
import type { SelectedClause } from './select.js';

/** The usual formula when the spec gives no price method: price scored in proportion to the lowest. */
export const STANDARD_PRICE_METHOD =
  'The lowest total evaluated price receives the full price score. Every other Tender receives the full price score multiplied by the lowest price and divided by its own price.';

/** Values of the built-in variables, worked out from the spec. Missing ones are absent. */
export function builtinValues(spec: TenderSpec): Partial<Record<BuiltinVariable, string>> {
  const { tender } = spec;
  const milestone = (kind: string) => spec.timetable.find((m) => m.kind === kind)?.date;
  const submission = milestone('submission-deadline');
  const clarification = milestone('clarification-deadline');
  const values: Partial<Record<BuiltinVariable, string>> = {
    'authority.name': tender.authority.name,
    'authority.shortName': tender.authority.shortName ?? 'the Authority',
    'tender.title': tender.title,
    'tender.reference': tender.reference,
    'tender.procedure': `the ${PROCEDURES[tender.procedure]}`,
    'tender.portal': tender.portal ?? 'the Authority’s e-tendering portal',
  };
  if (tender.authority.address) values['authority.address'] = tender.authority.address;
  if (tender.authority.contact?.name) values['authority.contactName'] = tender.authority.contact.name;
  if (tender.authority.contact?.email) values['authority.contactEmail'] = tender.authority.contact.email;
  if (tender.contract) {
    values['tender.contractLength'] = formatMonths(tender.contract.lengthMonths);
    values['tender.extensions'] = formatExtensions(tender.contract.extensionMonths);
  }
  if (tender.estimatedValue) {
    values['tender.estimatedValue'] =
      `${formatMoney(tender.estimatedValue.amount, tender.estimatedValue.currency)} ${tender.estimatedValue.includesVat ? 'including' : 'excluding'} VAT`;
  }
  const criteria = spec.evaluation?.criteria ?? [];
  if (criteria.length > 0)
    values['evaluation.weightings'] = formatList(criteria.map((c) => `${c.name.toLowerCase()} ${c.weight}%`));
  const socialValue = criteria.find((c) => c.kind === 'social-value' || /social value/i.test(c.name));
  if (socialValue) values['evaluation.socialValueWeight'] = `${socialValue.weight}%`;
  if (submission) values['tender.submissionDeadline'] = formatDate(submission);
  if (clarification) values['tender.clarificationDeadline'] = formatDate(clarification);
  if (tender.lots?.length) values['tender.lotCount'] = String(tender.lots.length);
  if (tender.framework) {
    const { name, reference, lot } = tender.framework;
    const named = /\bframework\b/i.test(name) ? name : `${name} framework`;
    values['tender.framework'] =
      `${/^the\s/i.test(named) ? named : `the ${named}`}${reference ? ` (${reference})` : ''}${lot ? `, ${/^lot\b/i.test(lot) ? lot : `lot ${lot}`}` : ''}`;
  }
  if (tender.stages?.length) {
    values['tender.stageCount'] = String(tender.stages.length);
    values['tender.stageNames'] = formatList(tender.stages.map((stage) => stage.name.toLowerCase()));
  }
  values['evaluation.priceMethod'] = spec.evaluation?.priceMethod?.trim() || STANDARD_PRICE_METHOD;
  const standardTerms = tender.authority.standardTerms;
  if (standardTerms)
    values['authority.standardTerms'] = standardTerms.url
      ? `${standardTerms.title}, published at ${standardTerms.url}`
      : standardTerms.title;
  const joint = tender.jointProcurement;
  if (joint) {
    values['tender.jointParties'] = formatList(joint.parties);
    values['tender.leadAuthority'] = joint.leadAuthority ?? tender.authority.name;
  }
  return values;
}

const BUILTIN_HINTS: Partial<Record<BuiltinVariable, string>> = {
  'tender.submissionDeadline': 'Add a timetable milestone with kind: submission-deadline.',
  'tender.clarificationDeadline': 'Add a timetable milestone with kind: clarification-deadline.',
  'tender.contractLength': 'Add tender.contract.lengthMonths.',
  'tender.extensions': 'Add tender.contract.lengthMonths (and extensionMonths if any).',
  'tender.estimatedValue': 'Add tender.estimatedValue.amount.',
  'tender.lotCount': 'List the lots under tender.lots.',
  'tender.framework': 'Add tender.framework with the framework’s name.',
  'tender.stageCount': 'List the stages of the procedure under tender.stages.',
  'tender.stageNames': 'List the stages of the procedure under tender.stages.',
  'tender.jointParties': 'List the authorities under tender.jointProcurement.parties.',
  'tender.leadAuthority': 'List the authorities under tender.jointProcurement.parties.',
  'authority.standardTerms': 'Add tender.authority.standardTerms with its title (and url).',
  'authority.address': 'Add tender.authority.address.',
  'evaluation.weightings': 'Add evaluation.criteria with their weights.',
  'evaluation.socialValueWeight': 'Add an evaluation criterion with kind: social-value and its weight.',
  'authority.contactName': 'Add tender.authority.contact.name.',
  'authority.contactEmail': 'Add tender.authority.contact.email.',
};

/**
 * Resolves every placeholder of a clause: the include entry's values, then the spec's
 * `variables`, then the built-in the variable is `from`, then the clause default, then the built-ins. Values are
 * always text.
 */
export function resolveClauseVariables(
  selected: SelectedClause,
  spec: TenderSpec,
  builtins: Partial<Record<BuiltinVariable, string>>,
  at: LoadedSpec['locate'],
  used: Set<string>,
): { values: Map<string, string>; issues: SpecIssue[] } {
  const { clause } = selected;
  const values = new Map<string, string>();
  const issues: SpecIssue[] = [];
  const wherePath =
    selected.includeIndex !== undefined ? ['clauses', 'include', selected.includeIndex] : ['variables'];
  // A missing built-in is fixed where its source data lives, so point there.
  const builtinPath = (name: string): string[] => {
    if (name.startsWith('authority.')) return ['tender', 'authority'];
    if (name.startsWith('evaluation.')) return ['evaluation'];
    if (name.endsWith('Deadline')) return ['timetable'];
    return ['tender'];
  };
  for (const name of clause.placeholders) {
    const declared = clause.variables[name];
    const fromInclude = selected.variables[name];
    const fromSpec = spec.variables[name];
    if (fromSpec !== undefined) used.add(name);
    const value =
      fromInclude ??
      fromSpec ??
      (declared?.from ? builtins[declared.from] : undefined) ??
      declared?.default ??
      builtins[name as BuiltinVariable];
    if (value === undefined) {
      issues.push({
        code: 'VARIABLE_MISSING',
        severity: 'error',
        message: declared
          ? `Clause ${clause.id} needs a value for "${name}" (${declared.description}). ${declared.from && BUILTIN_HINTS[declared.from] ? `${BUILTIN_HINTS[declared.from]} Or add` : 'Add'} it under variables: in the spec.`
          : `Clause ${clause.id} uses {{${name}}}, which this spec does not give. ${BUILTIN_HINTS[name as BuiltinVariable] ?? `Set variables."${name}".`}`,
        position: at(declared ? wherePath : builtinPath(name)),
        field: (declared ? wherePath : builtinPath(name)).join('.'),
        subject: name,
      });
      continue;
    }
    // Types and limits of the values the spec gives are checked by the variable rules (rules/variables.ts).
    values.set(name, sanitiseLine(String(value)));
  }
  for (const name of Object.keys(selected.variables)) {
    if (!clause.placeholders.includes(name)) {
      issues.push({
        code: 'VARIABLE_UNUSED',
        severity: 'warning',
        message: `${clause.id} has no variable "${name}". Its variables are: ${Object.keys(clause.variables).join(', ') || 'none'}.`,
        position: at([...wherePath, 'variables', name], { keyInstead: true }),
        field: `${wherePath.join('.')}.variables.${name}`,
      });
    }
  }
  return { values, issues };
}

/** Warns about variable values no included clause uses (often a typo in the name). */
export function unusedVariableIssues(
  spec: TenderSpec,
  used: Set<string>,
  clauses: readonly Clause[],
  at: LoadedSpec['locate'],
): SpecIssue[] {
  const known = [...new Set(clauses.flatMap((clause) => clause.placeholders))];
  return Object.keys(spec.variables)
    .filter((name) => !used.has(name))
    .map((name) => {
      // A name close to one the clauses use is a typo: without the error the document would
      // silently use the default (or report the real name as missing).
      const guess = closest(name, known);
      return guess
        ? {
            code: 'VARIABLE_MISSPELT' as const,
            severity: 'error' as const,
            message: `No included clause uses "${name}". Did you mean "${guess}"? Rename it, or the clause uses its default instead of this value.`,
            position: at(['variables', name], { keyInstead: true }),
            field: `variables.${name}`,
            subject: guess,
          }
        : {
            code: 'VARIABLE_UNUSED' as const,
            severity: 'warning' as const,
            message: `No included clause uses "${name}". Remove it, or include the clause that needs it.`,
            position: at(['variables', name], { keyInstead: true }),
            field: `variables.${name}`,
          };
    });
}
