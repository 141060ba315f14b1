import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { SpecIssue } from './issues.js';

/** Limits that keep hostile input bounded in time and memory. */
export const SPEC_LIMITS = {
  // A large real tender spec is under 100 KB; the YAML parser takes seconds per MB of hostile input.
  maxBytes: 512_000,
  maxDepth: 64,
  maxAliasCount: 100,
  maxIncludeDepth: 8,
} as const;

/** The text's size in UTF-8 bytes, as the file is on disk. */
export function utf8Size(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one 4-byte character; a lone surrogate is written as U+FFFD (3 bytes).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export interface ParsedSpecFile {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly value: unknown;
}

/**
 * Parses one YAML file, keeping source ranges. Syntax errors, duplicate keys, alias bombs,
 * oversize input and deep nesting become issues; nothing here throws.
 */
export function parseSpecFile(
  rawText: string,
  file: string,
): { parsed?: ParsedSpecFile; issues: SpecIssue[] } {
  const size = utf8Size(rawText);
  if (size > SPEC_LIMITS.maxBytes) {
    return {
      issues: [
        {
          code: 'INPUT_TOO_LARGE',
          severity: 'error',
          message: `The file is ${Math.round(size / 1000)} KB; a spec may be at most ${SPEC_LIMITS.maxBytes / 1000} KB. Move long text into fewer, shorter fields.`,
          position: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  // A byte order mark is harmless; drop it so columns on line 1 are right. Old-Mac files end lines with a lone CR,
  // which YAML reads as one long line (26 syntax errors): read it as a line break. Each is one character, so
  // positions stay right.
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  // The core schema always, even under a `%YAML 1.1` directive: no implicit dates, binaries or yes/no booleans.
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    schema: 'core',
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const scan = scanStructure(doc.contents as Node | null);
  if (scan.depth > SPEC_LIMITS.maxDepth) {
    return {
      issues: [
        {
          code: 'NESTING_TOO_DEEP',
          severity: 'error',
          message: `The YAML nests more than ${SPEC_LIMITS.maxDepth} levels deep. A tender spec needs only a few levels: flatten it.`,
          position: at(scan.deepestOffset),
        },
      ],
    };
  }
  const issues: SpecIssue[] = [];
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    issues.push({
      code: duplicate ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX',
      severity: 'error',
      message: duplicate
        ? 'This key already appears earlier in the same section. Remove one of them.'
        : `${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}. Check the indentation and quoting here.`,
      position: at(error.pos[0]),
    });
  }
  for (const duplicate of scan.duplicates) {
    issues.push({
      code: 'YAML_DUPLICATE_KEY',
      severity: 'error',
      message: `"${duplicate.key}" appears twice in the same section. Remove one of them.`,
      position: at(duplicate.offset),
    });
  }
  if (issues.length === 0) issues.push(...checkTagsAndAliases(doc, text, at));
  if (issues.length > 0) return { issues };

  let value: unknown;
  try {
    value = plainObjects(doc.toJS({ maxAliasCount: SPEC_LIMITS.maxAliasCount, mapAsMap: true }));
  } catch (error) {
    return {
      issues: [
        {
          code: 'YAML_ALIAS_LIMIT',
          severity: 'error',
          message: `The YAML expands aliases (*name) too many times (${error instanceof Error ? error.message : 'limit reached'}). Write the values out instead.`,
          position: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  return { parsed: { file, text, doc, lineCounter, value }, issues };
}

/** Tags that only restate what plain YAML means; every other tag (!!binary, !!timestamp, !shell) is refused. */
const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

/**
 * Tags and aliases, checked before the document is turned into values: an unknown tag would be silently read as
 * text, a known non-core one (!!binary, !!timestamp) becomes a Buffer or Date the validator cannot describe, an
 * alias with no anchor threw "Unresolved alias" reported as an alias bomb, and an alias inside its own anchor made
 * a circular value that overflowed the stack. Runs after the depth check, so the recursive visit is shallow.
 */
function checkTagsAndAliases(
  doc: Document.Parsed,
  text: string,
  at: (offset: number) => SpecIssue['position'],
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const add = (code: SpecIssue['code'], message: string, offset: number) => {
    if (issues.length < 20) issues.push({ code, severity: 'error', message, position: at(offset) });
  };
  visit(doc, {
    Node(_, node, path) {
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        const target = node.resolve(doc);
        if (!target)
          add(
            'YAML_ALIAS_UNRESOLVED',
            `The alias *${node.source} names no anchor: set &${node.source} on a value before this line, or write the value out.`,
            offset,
          );
        else if (path.includes(target as never))
          add(
            'YAML_ALIAS_CYCLE',
            `The alias *${node.source} is inside the value it refers to, so it would never end. Write the value out instead.`,
            offset,
          );
        return;
      }
      const tag = (node as { tag?: string }).tag;
      if (tag && !PLAIN_TAGS.has(tag)) {
        // Point at the tag itself ("!!binary"), which comes just before the value on its line. Only tagged nodes
        // look back, and only a short way: a scan per node would make this quadratic.
        const window = text.slice(Math.max(0, offset - 256), offset);
        let bang = window.lastIndexOf('!');
        while (bang > 0 && window[bang - 1] === '!') bang--;
        const tagOffset =
          bang >= 0 && !window.slice(bang).includes('\n') ? offset - window.length + bang : offset;
        add(
          'YAML_TAG_UNSUPPORTED',
          `The YAML tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in a spec: remove it and write the value as plain text, a number, true/false, a list or a mapping.`,
          tagOffset,
        );
      }
    },
  });
  return issues;
}

interface StructureScan {
  depth: number;
  deepestOffset: number;
  duplicates: { key: string; offset: number }[];
}

/**
 * One pass over the node tree, without recursion so hostile nesting cannot overflow the
 * stack: nesting depth, duplicate keys (a Set per mapping keeps this linear, unlike the
 * parser's own check) .
 */
function scanStructure(root: Node | null): StructureScan {
  const scan: StructureScan = { depth: 0, deepestOffset: 0, duplicates: [] };
  const stack: { node: Node; depth: number; path: string[] }[] = root
    ? [{ node: root, depth: 1, path: [] }]
    : [];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as { node: Node; depth: number; path: string[] };
    if (depth > scan.depth) {
      scan.depth = depth;
      scan.deepestOffset = node.range?.[0] ?? 0;
    }
    if (depth > SPEC_LIMITS.maxDepth + 1) break;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        if (key !== undefined) {
          if (seen.has(key) && scan.duplicates.length < 20) scan.duplicates.push({ key, offset });
          seen.add(key);
        }
        if (pair.value && !isScalar(pair.value) && !isAlias(pair.value)) {
          stack.push({ node: pair.value as Node, depth: depth + 1, path: [...path, key ?? '?'] });
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (item && !isScalar(item) && !isAlias(item))
          stack.push({ node: item as Node, depth: depth + 1, path: [...path, String(index)] });
      });
    }
  }
  return scan;
}

/**
 * Maps from the parser become plain objects with every key as an own property, so a
 * "__proto__" key is reported as an unknown field instead of changing the prototype.
 */
function plainObjects(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of value) {
      Object.defineProperty(out, String(key), {
        value: plainObjects(child),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (Array.isArray(value)) return value.map(plainObjects);
  return value;
}
