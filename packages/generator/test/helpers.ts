import type { ClauseCatalog } from '@loti/clauses';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import type { TenderDocument } from '../src/model/types.js';
import { type BuildModelResult, buildTenderModel } from '../src/pipeline.js';
import type { SpecIssue } from '../src/spec/issues.js';
import type { LoadedSpec } from '../src/spec/load.js';
import { inMemoryReader } from '../src/spec/reader.js';
import type { TenderSpec } from '../src/spec/schema.js';

/** A small valid spec; tests change one thing at a time. */
export function baseSpec(): Record<string, unknown> {
  return {
    tender: {
      title: 'Library management system',
      reference: 'LBX-001',
      authority: { name: 'London Borough of Example', shortName: 'the Council' },
      procedure: 'open',
      facts: {},
    },
    timetable: [
      { kind: 'publication', date: '2027-01-04' },
      { kind: 'clarification-deadline', date: '2027-01-18T12:00' },
      { kind: 'submission-deadline', date: '2027-02-01T12:00' },
    ],
    evaluation: {
      criteria: [
        { name: 'Quality', weight: 60 },
        { name: 'Price', weight: 40 },
      ],
    },
    document: { issueDate: '2027-01-04' },
  };
}

/** A build result flattened for assertions: errors and warnings as lists, the model when there is one. */
export interface Outcome {
  readonly document?: TenderDocument;
  readonly spec?: TenderSpec;
  readonly loaded?: LoadedSpec;
  readonly errors: readonly SpecIssue[];
  readonly warnings: readonly SpecIssue[];
}

export function outcome(result: BuildModelResult): Outcome {
  if (result.ok) return { ...result.value, errors: [], warnings: result.warnings };
  return {
    errors: result.issues.filter((issue) => issue.severity === 'error'),
    warnings: result.issues.filter((issue) => issue.severity === 'warning'),
  };
}

export async function buildFiles(
  files: Record<string, string | Uint8Array>,
  options: { entry?: string; catalog?: ClauseCatalog } = {},
): Promise<Outcome> {
  return outcome(
    await buildTenderModel(
      options.entry ?? '/specs/tender.yaml',
      inMemoryReader(files),
      options.catalog ? { catalog: options.catalog } : {},
    ),
  );
}

export async function buildSpec(spec: unknown, options: { catalog?: ClauseCatalog } = {}): Promise<Outcome> {
  return buildFiles({ '/specs/tender.yaml': stringify(spec) }, options);
}

/** One line per issue: code, place and message, for readable inline snapshots. */
export function describeIssues(issues: readonly SpecIssue[]): string[] {
  return issues.map(
    (i) =>
      `${i.code} ${i.position ? `${i.position.file}:${i.position.line}:${i.position.column}` : '-'} ${i.message}`,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: a loose test spec, checked by the validator.
export type LooseSpec = Record<string, any>;

/**
 * The document model of the base spec with an estimated value and contract length, changed by `mutate`, as an
 * officer would write it field by field. Fails the test when the spec does not build.
 */
export async function buildModel(
  mutate: (spec: LooseSpec) => void = () => {},
  options: { amount?: number } = {},
): Promise<TenderDocument> {
  const spec: LooseSpec = baseSpec();
  spec.tender.estimatedValue = { amount: options.amount ?? 250000 };
  spec.tender.contract = { lengthMonths: 24 };
  mutate(spec);
  const result = await buildSpec(spec);
  expect(result.errors).toEqual([]);
  if (!result.document) throw new Error('no document');
  return result.document;
}
