import type { Block, Inline } from './content.js';
import type { Registers } from './registers/schema.js';
import type { AppliesWhen, ClausePart, ClauseStatus, Reference, VariableDefinition } from './schema.js';

/** One entry of a clause's changelog: the version, its date and what changed. */
export interface ChangelogEntry {
  readonly version: string;
  readonly date: string;
  readonly changes: string;
}

/** One published version of a clause, compiled from its Markdown file. */
export interface Clause {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly version: string;
  readonly status: ClauseStatus;
  readonly replacedBy?: string;
  readonly summary: string;
  readonly part: ClausePart;
  /** Sort key within its topic; lower comes first. */
  readonly order: number;
  readonly guidance: readonly Block[];
  readonly appliesWhen?: AppliesWhen;
  readonly variables: Readonly<Record<string, VariableDefinition>>;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly changelog: readonly ChangelogEntry[];
  readonly body: readonly Block[];
  /** Defined terms from the register that the wording uses. */
  readonly terms: readonly string[];
  /** Clause ids this wording cross-references. */
  readonly crossReferences: readonly string[];
  /** Placeholders used, built-in and declared. */
  readonly placeholders: readonly string[];
  /** `sha256:` of the canonical source (front matter and body), stable across platforms. */
  readonly hash: string;
  /** Source file, relative to the package root (`published/texts/…` for a version only the ledger holds). */
  readonly source: string;
  /** The date it was released, from the release ledger; absent for a version not released yet. */
  readonly published?: string;
}

/** A published version that no clause file holds any more: it resolves from the ledger, loaded on demand. */
export interface ArchivedVersion {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  readonly published: string;
}

/** A topic of the library (a folder of clauses), with its title and order. */
export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Position in the library; sections follow this order. */
  readonly order: number;
}

/** A profile: a named set of clauses a kind of tender includes together. */
export interface Profile {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** `id` or `id@range` */
  readonly clauses: readonly string[];
}

/** A defined term from the definitions register, with its definition. */
export interface Definition {
  readonly term: string;
  readonly text: readonly Inline[];
}

/** Everything the compiled catalog holds; JSON-serialisable. */
export interface CatalogData {
  readonly packageVersion: string;
  readonly clauses: readonly Clause[];
  readonly topics: readonly Topic[];
  readonly profiles: readonly Profile[];
  readonly references: readonly Reference[];
  readonly definitions: readonly Definition[];
  /** Dated registers: thresholds and bank holidays (absent in libraries without them). */
  readonly registers?: Registers;
  /** Older published versions, compiled separately and loaded only when asked for. */
  readonly archived?: readonly ArchivedVersion[];
}
