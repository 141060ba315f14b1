import { createHash } from 'node:crypto';
import { type CompileResult, compileLibrary } from '../src/compile/compile-library.js';
import { isError } from '../src/issues/issue.js';
import type { ClauseIssue } from '../src/source/errors.js';
import type { CatalogData, Clause } from '../src/types.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const LIBRARY_YAML = `topics:
  data-access:
    title: Data access
    description: Access to data.
  security:
    title: Security
    description: Security.
profiles:
  basics:
    title: Basics
    description: The basics.
    clauses: [data-access/export, security/patching@^1]
`;

export const REFERENCES_YAML = `ppn-06-20:
  title: 'PPN 06/20: Social value'
  kind: policy
  url: https://www.gov.uk/ppn-06-20
  status: superseded
  supersededBy: ppn-002
  since: 2025-02-24
ppn-002:
  title: 'PPN 002: Social value'
  kind: policy
  url: https://www.gov.uk/ppn-002
  status: current
uk-gdpr:
  title: UK GDPR
  kind: law
  url: https://www.legislation.gov.uk/eur/2016/679/contents
  status: current
`;

export const DEFINITIONS_YAML = `Authority: '{{authority.name}}, the contracting authority.'
Authority Data: 'All data the Authority gives the Supplier.'
Supplier: 'The organisation awarded the Contract.'
`;

export function clauseFile(options: {
  id: string;
  version?: string;
  body?: string;
  extra?: string;
  changelogVersions?: string[];
  status?: string;
}): string {
  const version = options.version ?? '1.0.0';
  const changelog = (options.changelogVersions ?? [version])
    .map((v) => `  - version: ${v}\n    date: 2026-11-26\n    changes: Version ${v}.`)
    .join('\n');
  return `---
id: ${options.id}
title: A clause called ${options.id}
version: ${version}
status: ${options.status ?? 'stable'}
summary: A one-line summary of ${options.id}.
guidance: |
  Use this clause when the Supplier holds Authority Data.
${options.extra ?? ''}changelog:
${changelog}
---
${options.body ?? 'The Supplier must give the Authority its Authority Data.'}
`;
}

/** A compile result flattened for assertions: errors and warnings as lists, the catalog when there is one. */
export function compile(files: Record<string, string>) {
  return flatten(
    compileLibrary({
      files: {
        'library.yaml': LIBRARY_YAML,
        'references.yaml': REFERENCES_YAML,
        'definitions.yaml': DEFINITIONS_YAML,
        ...files,
      },
      packageVersion: '1.0.0',
      sha256,
    }),
  );
}

export function flatten(result: CompileResult): {
  catalog?: CatalogData;
  archive?: Readonly<Record<string, Clause>>;
  errors: readonly ClauseIssue[];
  warnings: readonly ClauseIssue[];
} {
  if (result.ok) return { ...result.value, errors: [], warnings: result.warnings };
  return {
    errors: result.issues.filter(isError),
    warnings: result.issues.filter((issue) => !isError(issue)),
  };
}

export const BASE_FILES = {
  'data-access/export.md': clauseFile({ id: 'data-access/export' }),
  'security/patching.md': clauseFile({
    id: 'security/patching',
    version: '1.2.0',
    changelogVersions: ['1.2.0', '1.0.0'],
  }),
};
