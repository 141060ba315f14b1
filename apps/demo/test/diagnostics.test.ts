import { Text } from '@codemirror/state';
import type { SpecIssue } from '@loti/tender-generator';
import { describe, expect, it } from 'vitest';
import { issueRange, issuesToDiagnostics, sortIssues } from '../src/diagnostics.js';

const doc = Text.of(['tender:', '  procedure: competitive # a comment', '  title: X']);
const issue = (
  line: number,
  column: number,
  severity: 'error' | 'warning' = 'error',
  file = 'spec.yaml',
): SpecIssue => ({
  code: 'ENUM_INVALID',
  severity,
  message: 'm',
  position: { file, line, column },
});

describe('diagnostics', () => {
  it('underlines from the column to the end of the value, without the comment', () => {
    const { from, to } = issueRange(doc, 2, 14);
    expect(doc.sliceString(from, to)).toBe('competitive');
  });

  it('clamps positions outside the text', () => {
    expect(issueRange(doc, 99, 99)).toEqual({ from: doc.length, to: doc.length });
    expect(issueRange(doc, 0, 0).from).toBe(0);
  });

  it('marks only issues in the edited file', () => {
    const diagnostics = issuesToDiagnostics(
      doc,
      [
        issue(2, 14),
        issue(1, 1, 'warning', 'shared/defaults.yaml'),
        { code: 'WEIGHTS_TOTAL', severity: 'error', message: 'x' },
      ],
      'spec.yaml',
    );
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', source: 'ENUM_INVALID' })]);
  });

  it('sorts errors before warnings, then by position', () => {
    const sorted = sortIssues([
      issue(3, 1, 'warning'),
      issue(2, 5),
      { code: 'WEIGHTS_TOTAL', severity: 'error', message: 'x' },
      issue(1, 1),
    ]);
    expect(sorted.map((i) => `${i.severity}:${i.position?.line ?? '-'}`)).toEqual([
      'error:1',
      'error:2',
      'error:-',
      'warning:3',
    ]);
  });
});
