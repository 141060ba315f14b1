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
} from 'yaml';
import type { SpecIssue } from './issues.js';

/** Limits that keep hostile input bounded in time and memory. */
export const SPEC_LIMITS = {
  maxBytes: 1_000_000,
  maxDepth: 64,
  maxAliasCount: 100,
  maxIncludeDepth: 8,
} as const;

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
  if (rawText.length > SPEC_LIMITS.maxBytes) {
    return {
      issues: [
        {
          code: 'INPUT_TOO_LARGE',
          severity: 'error',
          message: `The file is ${(rawText.length / 1_000_000).toFixed(1)} MB; a spec may be at most ${SPEC_LIMITS.maxBytes / 1_000_000} MB. Move long text into fewer, shorter fields.`,
          position: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  // A byte order mark is harmless; drop it so columns on line 1 are right.
  const text = rawText.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const depth = maxDepth(doc.contents as Node | null);
  if (depth.depth > SPEC_LIMITS.maxDepth) {
    return {
      issues: [
        {
          code: 'NESTING_TOO_DEEP',
          severity: 'error',
          message: `The YAML nests ${depth.depth > 10_000 ? 'over 10,000' : depth.depth} levels deep; a spec needs at most ${SPEC_LIMITS.maxDepth}.`,
          position: at(depth.offset),
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
  if (issues.length > 0) return { issues };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: SPEC_LIMITS.maxAliasCount });
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

/** Depth of the node tree, walked without recursion so hostile nesting cannot overflow the stack. */
function maxDepth(root: Node | null): { depth: number; offset: number } {
  let best = { depth: 0, offset: 0 };
  const stack: { node: Node; depth: number }[] = root ? [{ node: root, depth: 1 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    if (depth > best.depth) best = { depth, offset: node.range?.[0] ?? 0 };
    if (depth > SPEC_LIMITS.maxDepth + 1) break;
    if (isMap(node)) {
      for (const pair of node.items)
        if (isPair(pair) && pair.value && !isScalar(pair.value) && !isAlias(pair.value))
          stack.push({ node: pair.value as Node, depth: depth + 1 });
    } else if (isSeq(node)) {
      for (const item of node.items)
        if (item && !isScalar(item) && !isAlias(item)) stack.push({ node: item as Node, depth: depth + 1 });
    }
  }
  return best;
}
