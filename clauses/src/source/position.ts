import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A place in a source file. Lines and columns count from 1. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Where the range ends, when it is known. */
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** One step of a path into a YAML document: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Finds the YAML node at `path` and returns the position of its value, or of the
 * deepest existing ancestor when the path does not exist (a missing field is reported
 * where its parent is). `keyInstead` points at the key, useful for unknown fields.
 */
export function locateYamlPath(
  doc: Document.Parsed | Document,
  lineCounter: LineCounter,
  file: string,
  path: readonly PathSegment[],
  options: { keyInstead?: boolean; lineOffset?: number } = {},
): SourcePosition {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: readonly [number, number] | undefined = node?.range ? [node.range[0], node.range[1]] : undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const last = i === path.length - 1;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      if (last && options.keyInstead && key.range) {
        best = [key.range[0], key.range[1]];
        node = null;
        break;
      }
      if (value?.range) best = [value.range[0], value.range[1]];
      else if (key.range) best = [key.range[0], key.range[1]];
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      if (item.range) best = [item.range[0], item.range[1]];
      node = item;
    } else {
      break;
    }
  }
  const offset = best?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { file, line: line + (options.lineOffset ?? 0), column: col };
}

/** `a.b[2].c` for messages. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || '(top level)';
}
