import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { SpecIssue } from '@loti/tender-generator';

/** Offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const lineInfo = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(lineInfo.from + Math.max(0, column - 1), lineInfo.to);
}

/**
 * The range to underline for an issue: from its column to the end of the line's content,
 * without a trailing comment. The generator gives a start position only.
 */
export function issueRange(doc: Text, line: number, column: number): { from: number; to: number } {
  const from = offsetOf(doc, line, column);
  const lineInfo = doc.lineAt(from);
  const rest = lineInfo.text.slice(from - lineInfo.from);
  const comment = rest.search(/(^|\s)#/);
  const content = (comment >= 0 ? rest.slice(0, comment) : rest).trimEnd();
  return { from, to: from + content.length };
}

/** Issues that belong in this file, as editor diagnostics. Others are listed but not marked. */
export function issuesToDiagnostics(doc: Text, issues: readonly SpecIssue[], file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    if (!issue.position || issue.position.file !== file) continue;
    const { from, to } = issueRange(doc, issue.position.line, issue.position.column);
    diagnostics.push({ from, to, severity: issue.severity, source: issue.code, message: issue.message });
  }
  return diagnostics.sort((a, b) => a.from - b.from);
}

/**
 * Errors first, then warnings, each in the generator's order: it puts root causes first (an
 * unknown clause before anything it causes), so the first item listed is the one to fix,
 * as in the CLI.
 */
export function sortIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  return [
    ...issues.filter((issue) => issue.severity === 'error'),
    ...issues.filter((issue) => issue.severity !== 'error'),
  ];
}
