import type { Issue } from '../issues/issue.js';

/** Stable codes for every problem the clause library reports, each with what it means. */
export const CLAUSE_ISSUE_CODES = {
  FRONT_MATTER_MISSING: 'The file must start with YAML front matter between two `---` lines.',
  YAML_SYNTAX: 'The front matter is not valid YAML.',
  FIELD_INVALID: 'A front matter field has the wrong type or value.',
  ID_MISMATCH: 'The clause id must match its folder and file name.',
  DUPLICATE_VERSION: 'Two files declare the same clause major version.',
  CHANGELOG_MISSING: 'The changelog has no entry for the current version.',
  MARKDOWN_UNSUPPORTED: 'The body uses Markdown that clause wording does not support.',
  PLACEHOLDER_UNDECLARED: 'A placeholder is not a declared or built-in variable.',
  PLACEHOLDER_MALFORMED: 'Text looks like a placeholder but is not well formed.',
  VARIABLE_UNUSED: 'A declared variable is not used in the body.',
  REFERENCE_UNKNOWN: 'A reference id is not in the references register.',
  CLAUSE_REF_UNKNOWN: 'A cross-reference names a clause that does not exist.',
  REPLACED_BY_UNKNOWN: 'replacedBy names a clause that does not exist.',
  PROFILE_CLAUSE_UNKNOWN: 'A profile lists a clause that does not exist or no version matches.',
  TOPIC_UNKNOWN: 'The clause folder is not a topic listed in library.yaml.',
  REFERENCE_SUPERSEDED: 'A cited policy or standard has been superseded.',
  SENTENCE_TOO_LONG: 'A sentence is longer than plain English guidance allows.',
  LIST_ITEM_TOO_LONG: 'A list item is longer than plain English guidance allows.',
  SHALL_USED: '"shall" is used; GOV.UK style prefers "must".',
  VERSION_WITHOUT_CHANGELOG: 'The version went up without a changelog entry.',
  CHANGESET_MISSING: 'Clause wording changed without a changeset for @loti/clauses.',
  VERSION_DECREASED: 'The version is lower than the published one.',
  PUBLISHED_CHANGED: 'The text of a published clause version changed; published wording never changes.',
  LEDGER_INVALID: 'The release ledger (published/) is damaged: an entry, its text or its hash is wrong.',
  DEFINITION_DUPLICATE: 'A defined term is defined more than once.',
} as const;

/** One of the {@link CLAUSE_ISSUE_CODES}. */
export type ClauseIssueCode = keyof typeof CLAUSE_ISSUE_CODES;

/** A problem in the clause library: an error value, never thrown inside the core. `field` names the front matter field. */
export type ClauseIssue = Issue<ClauseIssueCode>;
