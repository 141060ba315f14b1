/**
 * Variables every clause may use without declaring them: the generator fills them from
 * the tender spec. Clause-specific variables are plain names declared in front matter.
 */
export const BUILTIN_VARIABLES = {
  'authority.name': 'The authority’s full legal name.',
  'authority.shortName': 'The short name used in the text, for example “the Council”.',
  'authority.address': 'The authority’s postal address on one line.',
  'authority.contactName': 'The name or role of the contact for this tender.',
  'authority.contactEmail': 'The email address for clarification questions and notices.',
  'authority.standardTerms':
    'The title of the Authority’s own standard terms and conditions, and where to find them, from tender.authority.standardTerms.',
  'tender.title': 'The title of the tender.',
  'tender.reference': 'The tender reference number.',
  'tender.procedure':
    'The procurement procedure in words, starting with “the”: for example “the open procedure”.',
  'tender.contractLength': 'The initial contract length, in words.',
  'tender.extensions':
    'The possible extensions in words, to follow “allows” or “with”: “no extensions”, or for example “up to 2 extensions of 1 year each, if the Authority chooses”.',
  'tender.lotCount': 'The number of lots listed under tender.lots in the spec.',
  'tender.framework':
    'The framework a call-off runs under, with its reference and lot: “the Technology Services 4 framework (RM6100), lot 3”.',
  'tender.stageCount': 'The number of stages under tender.stages (competitive flexible procedure).',
  'tender.stageNames': 'The stage names in order, as a list: “participation, negotiation and final tenders”.',
  'tender.jointParties':
    'The authorities buying together, as a list of full names (“London Borough of A and London Borough of B”), from tender.jointProcurement.parties.',
  'tender.leadAuthority':
    'The authority that runs the procurement for the joint parties, from tender.jointProcurement.leadAuthority.',
  'tender.estimatedValue': 'The estimated total value, formatted with its currency.',
  'tender.submissionDeadline': 'The submission deadline, formatted as a date and time.',
  'tender.clarificationDeadline': 'The deadline for clarification questions.',
  'tender.portal': 'The e-tendering portal bidders must use.',
  'evaluation.weightings':
    'The top-level award criteria and their weights, e.g. “quality 60%, price 30% and social value 10%”.',
  'evaluation.socialValueWeight': 'The weight of the social value criterion, e.g. “10%”.',
  'evaluation.priceMethod':
    'How price is scored, as full sentences: evaluation.priceMethod from the spec, or the standard lowest-price formula.',
} as const;

/** The name of a built-in variable: one of {@link BUILTIN_VARIABLES}. */
export type BuiltinVariable = keyof typeof BUILTIN_VARIABLES;

/** Whether a placeholder name is a built-in variable (filled from the spec) rather than one a clause declares. */
export function isBuiltinVariable(name: string): name is BuiltinVariable {
  return Object.hasOwn(BUILTIN_VARIABLES, name);
}
