import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import type { ClauseCatalog } from '@loti/clauses';
import { type YamlPath, yamlContextAt } from './yaml-context.js';

/** The parts of JSON Schema (draft 2020-12, as zod writes it) that suggestions need. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly default?: unknown;
}

/** A node with its `$ref`s followed and its unions spread out. */
function expand(root: JsonSchema, node: JsonSchema | undefined, depth = 0): JsonSchema[] {
  if (!node || depth > 20) return [];
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/\$defs\//, '');
    const target = node.$ref === '#' ? root : root.$defs?.[name];
    return expand(root, target ? { ...target, ...node, $ref: undefined } : undefined, depth + 1);
  }
  const unions = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  return unions.length > 0 ? [node, ...unions.flatMap((branch) => expand(root, branch, depth + 1))] : [node];
}

/** The schemas that can describe the value at `path`. */
export function schemasAt(root: JsonSchema, path: YamlPath): JsonSchema[] {
  let nodes = expand(root, root);
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const node of nodes) {
      if (segment === '*') {
        if (node.items) next.push(...expand(root, node.items));
      } else if (node.properties?.[segment]) {
        next.push(...expand(root, node.properties[segment]));
      } else if (typeof node.additionalProperties === 'object') {
        next.push(...expand(root, node.additionalProperties));
      }
    }
    nodes = next;
  }
  return nodes;
}

function typesOf(node: JsonSchema): string[] {
  if (Array.isArray(node.type)) return [...node.type];
  return typeof node.type === 'string' ? [node.type] : [];
}

function keyCompletions(
  root: JsonSchema,
  nodes: readonly JsonSchema[],
  present: readonly string[],
  column: number,
): Completion[] {
  const seen = new Set(present);
  const out: Completion[] = [];
  for (const node of nodes) {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      const kinds = expand(root, property).flatMap(typesOf);
      const indent = ' '.repeat(column + 2);
      const apply =
        kinds.includes('object') && !kinds.includes('string')
          ? `${name}:\n${indent}`
          : kinds.includes('array') && !kinds.includes('string')
            ? `${name}:\n${indent}- `
            : `${name}: `;
      out.push({
        label: name,
        type: 'property',
        detail: kinds.join(' | ') || undefined,
        info: property.description,
        apply,
      });
    }
  }
  return out;
}

function valueCompletions(nodes: readonly JsonSchema[]): Completion[] {
  const out = new Map<string, Completion>();
  for (const node of nodes) {
    for (const value of node.enum ?? (node.const !== undefined ? [node.const] : [])) {
      out.set(String(value), { label: String(value), type: 'enum', info: node.description });
    }
    if (typesOf(node).includes('boolean')) {
      for (const label of ['true', 'false']) out.set(label, { label, type: 'keyword' });
    }
  }
  return [...out.values()];
}

const same = (path: YamlPath, pattern: readonly string[]) =>
  path.length === pattern.length && pattern.every((segment, i) => segment === path[i]);

/** Suggestions the schema cannot know: clause ids, profiles and clause variables from the catalog. */
function catalogCompletions(catalog: ClauseCatalog, kind: 'key' | 'value', path: YamlPath): Completion[] {
  const clauseIds = () =>
    catalog
      .list()
      .filter((clause) => clause.status !== 'withdrawn')
      .map(
        (clause): Completion => ({
          label: clause.id,
          type: 'constant',
          detail: clause.title,
          info: clause.summary,
        }),
      );
  if (
    kind === 'value' &&
    (same(path, ['clauses', 'include', '*']) ||
      same(path, ['clauses', 'include', '*', 'id']) ||
      same(path, ['clauses', 'exclude', '*', 'id']))
  ) {
    return clauseIds();
  }
  if (kind === 'value' && same(path, ['clauses', 'profiles', '*'])) {
    return catalog.profiles().map((profile) => ({
      label: profile.id,
      type: 'constant',
      detail: profile.title,
      info: profile.description,
    }));
  }
  if (kind === 'key' && (same(path, ['variables']) || same(path, ['clauses', 'include', '*', 'variables']))) {
    const seen = new Map<string, Completion>();
    for (const clause of catalog.list()) {
      for (const [name, variable] of Object.entries(clause.variables)) {
        if (!seen.has(name))
          seen.set(name, {
            label: name,
            type: 'variable',
            detail: `${variable.type} · ${clause.id}`,
            info: variable.description,
            apply: `${name}: `,
          });
      }
    }
    return [...seen.values()];
  }
  return [];
}

/** Completions for the position `offset` in `text`; the CodeMirror source wraps this. */
export function completeSpec(
  schema: JsonSchema,
  catalog: ClauseCatalog,
  text: string,
  offset: number,
): { from: number; options: Completion[] } | undefined {
  const context = yamlContextAt(text, offset);
  if (context.kind === 'none') return undefined;
  const nodes = schemasAt(schema, context.path);
  let options: Completion[];
  if (context.kind === 'key') {
    options = [
      ...keyCompletions(schema, nodes, context.present, context.column),
      ...catalogCompletions(catalog, 'key', context.path),
    ];
  } else if (context.kind === 'value') {
    options = [...valueCompletions(nodes), ...catalogCompletions(catalog, 'value', context.path)];
  } else {
    options = [
      ...valueCompletions(nodes),
      ...catalogCompletions(catalog, 'value', context.path),
      ...keyCompletions(schema, nodes, context.present, context.column),
    ];
  }
  // Keys the mapping already has are never offered again, from the schema or the catalog.
  const present = context.kind === 'value' ? new Set<string>() : new Set(context.present);
  options = options.filter((option) => !present.has(option.label));
  return options.length > 0 ? { from: context.from, options } : undefined;
}

export function specCompletionSource(schema: JsonSchema, catalog: ClauseCatalog): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const result = completeSpec(schema, catalog, context.state.doc.toString(), context.pos);
    if (!result) return null;
    // Only pop up unprompted once something is typed; Ctrl+Space always asks.
    if (!context.explicit && result.from === context.pos) return null;
    return { from: result.from, options: result.options, validFor: /^[\w$.@/^~-]*$/ };
  };
}
