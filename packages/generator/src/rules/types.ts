import type { ClauseCatalog } from '@loti/clauses';
import type { Selection } from '../assemble/select.js';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { TenderSpec } from '../spec/schema.js';

/**
 * A rule checks what a valid spec means for the document (values, lots, unfinished text) once the clauses are
 * chosen. Pure: it reads its arguments and returns issues, so rules can run in any order.
 */
export type SelectionRule = (
  spec: TenderSpec,
  loaded: LoadedSpec,
  catalog: ClauseCatalog,
  selection: Selection,
) => SpecIssue[];
