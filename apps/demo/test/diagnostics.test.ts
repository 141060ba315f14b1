import { Text } from '@codemirror/state';
import type { SpecIssue } from '@loti/tender-generator';
import { describe, expect, it } from 'vitest';
import { issueRange, issuesToDiagnostics, sortIssues } from '../src/diagnostics.js';
import { buildSpecText } from '../src/generator.js';

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
    // The generator orders by cause; the list keeps that order, errors before warnings.
    expect(sorted.map((i) => `${i.severity}:${i.position?.line ?? '-'}`)).toEqual([
      'error:2',
      'error:-',
      'error:1',
      'warning:3',
    ]);
  });

  it('lists the root cause first, as the generator orders it: an unknown clause before what it causes', async () => {
    const text = [
      'tender:',
      '  title: Library system',
      '  reference: LBX-001',
      '  authority: { name: London Borough of Example, shortName: the Council }',
      // Competitive flexible without its stages: an error on an earlier line than the unknown clause.
      '  procedure: competitive-flexible',
      '  estimatedValue: { amount: 250000 }',
      '  contract: { lengthMonths: 24 }',
      'timetable:',
      '  - { kind: publication, date: 2027-01-04 }',
      '  - { kind: clarification-deadline, date: 2027-01-18T12:00 }',
      '  - { kind: submission-deadline, date: 2027-02-01T12:00 }',
      'evaluation:',
      '  criteria: [{ name: Quality, weight: 60 }, { name: Price, weight: 40 }]',
      'clauses:',
      '  include: [data-access/export-on-requestt]',
      'document: { issueDate: 2027-01-04 }',
      '',
    ].join('\n');
    const result = await buildSpecText(text, 'spec.yaml', {});
    const listed = sortIssues([...result.errors, ...result.warnings]);
    expect(listed.map((i) => i.code)).toEqual(['CLAUSE_UNKNOWN', 'PROCEDURE_DETAIL_MISSING']);
    expect(listed[0]?.position?.line).toBeGreaterThan(listed[1]?.position?.line ?? 0);
  });
});
