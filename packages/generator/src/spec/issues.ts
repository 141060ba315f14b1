import type { SourcePosition } from '@loti/clauses';

/** Stable codes for every problem a tender spec can have. Tests snapshot each one. */
export const SPEC_ISSUE_CODES = {
  INPUT_TOO_LARGE: 'The spec file is larger than the limit.',
  NESTING_TOO_DEEP: 'The YAML nests deeper than the limit.',
  YAML_SYNTAX: 'The file is not valid YAML.',
  YAML_DUPLICATE_KEY: 'A key appears twice in the same mapping.',
  YAML_ALIAS_LIMIT: 'The YAML expands too many aliases (a "YAML bomb").',
  YAML_ALIAS_UNRESOLVED: 'An alias (*name) names no anchor (&name) set before it.',
  YAML_ALIAS_CYCLE: 'An alias refers to the node that contains it.',
  YAML_TAG_UNSUPPORTED: 'A YAML tag (!!binary, !!timestamp, !custom …) is not allowed in a spec.',
  ARGUMENT_INVALID: 'The library was called with an argument of the wrong type (null, a number …).',
  INPUT_UNREADABLE: 'The spec file cannot be read (missing, not a regular file, or not UTF-8 text).',
  NOT_A_MAPPING: 'The spec must be a YAML mapping with a tender: section.',
  FIELD_REQUIRED: 'A required field is missing.',
  FIELD_TYPE: 'A field has the wrong type.',
  FIELD_UNKNOWN: 'A field is not part of the spec format.',
  FIELD_INVALID: 'A field has an invalid value.',
  ENUM_INVALID: 'A field must be one of a fixed list of values.',
  DATE_INVALID: 'A date is not a real ISO date.',
  TIMETABLE_ORDER: 'Timetable milestones are out of order.',
  WEIGHTS_TOTAL: 'Evaluation weights at one level do not add up to 100.',
  SOCIAL_VALUE_LOW: 'Social value is weighted below the 10% PPN 002 recommends.',
  SOCIAL_VALUE_MISSING: 'Social value applies but no criterion evaluates it.',
  DUPLICATE_ID: 'Two items share an id that must be unique.',
  LOT_UNKNOWN: 'A requirement, criterion, clause or price item names a lot that is not defined.',
  LOTS_FACT_CONFLICT: 'The spec lists lots but sets hasLots: false.',
  LOT_VALUE_TOTAL: 'The lots’ values add up to more than the estimated value.',
  PLACEHOLDER_TEXT: 'Template or placeholder text is still in the spec.',
  FINAL_DRAFTING_NOTES: 'A final document asks for drafting notes.',
  PACK_PART_UNAVAILABLE: 'document.pack asks for a part the spec has no content for.',
  SCALE_ORDER: 'The scoring scale is not in increasing order of score.',
  CLAUSE_UNKNOWN: 'A clause id is not in the clause library.',
  CLAUSE_VERSION_NO_MATCH: 'No version of the clause matches the range.',
  CLAUSE_RANGE_INVALID: 'A clause version range is not valid semver.',
  CLAUSE_DEPRECATED: 'An included clause is deprecated.',
  CLAUSE_WITHDRAWN: 'An included clause is withdrawn.',
  CLAUSE_DRAFT: 'An included clause is still a draft.',
  PROFILE_UNKNOWN: 'A profile is not in the clause library.',
  EXCLUDE_UNKNOWN: 'An excluded clause was never going to be included.',
  VARIABLE_MISSING: 'A clause needs a variable value that has no default.',
  VARIABLE_UNUSED: 'A variable value is given but no included clause uses it.',
  VARIABLE_MISSPELT: 'A variable name is close to one an included clause uses: probably a typo.',
  VARIABLE_TYPE: 'A variable value has the wrong type.',
  VARIABLE_OUT_OF_RANGE: 'A variable value is outside the limits its clause sets.',
  VARIABLE_NOT_ALLOWED: 'A variable value is not one of the values its clause allows.',
  VARIABLE_NOT_INTEGER: 'A variable value must be a whole number.',
  CROSS_REFERENCE_EXCLUDED: 'Included wording refers to a clause that is not in the document.',
  INCLUDE_NOT_FOUND: 'An included file cannot be read.',
  INCLUDE_OUTSIDE_FOLDER: 'An included file is outside the spec folder.',
  INCLUDE_CYCLE: 'Includes form a cycle.',
  INCLUDE_TOO_DEEP: 'Includes nest too deeply.',
  LOGO_UNREADABLE: 'The logo file cannot be read or is not a PNG or JPEG.',
  TEXT_FORBIDDEN_CHARACTER: 'Text contains a character that documents cannot hold.',
  MARKDOWN_UNSUPPORTED: 'Background Markdown uses a feature the document cannot show.',
  THRESHOLD_EXCEEDED: 'A below-threshold procurement is valued at or above the threshold.',
  THRESHOLD_NEAR: 'A below-threshold procurement is valued close to the threshold.',
  THRESHOLD_UNKNOWN: 'The value cannot be checked against the threshold.',
  PROCEDURE_BELOW_THRESHOLD: 'An Act procedure is used for a contract below the threshold.',
  PROCEDURE_DETAIL_MISSING: 'The procedure needs a detail the spec does not give.',
  PROCEDURE_DETAIL_UNUSED: 'A procedure detail is given that this procedure does not use.',
  TENDER_PERIOD_TOO_SHORT: 'The time for Tenders is shorter than the law or good practice allows.',
  CLARIFICATION_TOO_LATE: 'The clarification deadline leaves too little time before Tenders are due.',
  NON_WORKING_DAY: 'A deadline falls on a weekend or a bank holiday.',
  CALENDAR_NOT_COVERED: 'A date is outside the bank-holiday register.',
  STANDSTILL_TOO_SHORT: 'The timetable leaves less than the mandatory standstill period.',
} as const;

export type SpecIssueCode = keyof typeof SPEC_ISSUE_CODES;

/** A problem with a tender spec: a value with a code, a fix-it message and where it is. */
export interface SpecIssue {
  readonly code: SpecIssueCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly position?: SourcePosition;
  /** Dotted path of the field, e.g. `evaluation.criteria[0].weight`. */
  readonly field?: string;
  /** The name the issue is about (a variable or clause id), so a root cause can hide what it causes. */
  readonly subject?: string;
}

export function formatSpecIssue(issue: SpecIssue): string {
  const where = issue.position
    ? `${issue.position.file}:${issue.position.line}:${issue.position.column}: `
    : '';
  return `${where}${issue.severity} ${issue.code}: ${issue.message}`;
}

/** Renders the source lines around an issue with a caret under the column. */
/** Characters of a source line a code frame shows; longer lines show a window around the column. */
export const CODE_FRAME_WIDTH = 120;

export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r\n?|\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  // Long lines (a 145 KB line of hostile text) are cut to a window around the column, marked with "…".
  const half = Math.floor(CODE_FRAME_WIDTH / 2);
  const start = Math.max(0, Math.min(column - 1 - half, Number.MAX_SAFE_INTEGER));
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    const text = lines[n - 1] ?? '';
    const from =
      text.length > CODE_FRAME_WIDTH ? Math.min(start, Math.max(0, text.length - CODE_FRAME_WIDTH)) : 0;
    const shown =
      text.length > CODE_FRAME_WIDTH
        ? `${from > 0 ? '…' : ''}${text.slice(from, from + CODE_FRAME_WIDTH)}${from + CODE_FRAME_WIDTH < text.length ? '…' : ''}`
        : text;
    out.push(`${marker} ${String(n).padStart(width)} | ${shown}`);
    if (n === line) {
      const caret = Math.max(0, column - 1 - from) + (from > 0 ? 1 : 0);
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.min(caret, CODE_FRAME_WIDTH + 1))}^`);
    }
  }
  return out.join('\n');
}
