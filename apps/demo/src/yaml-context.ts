/**
 * Where the cursor is in a YAML spec, worked out from indentation alone, so it also works
 * while the text is half-typed and does not parse. Good enough for suggestions; the
 * generator's parser remains the judge of what the file means.
 */

/** A path of mapping keys; `*` stands for "an item of this list". */
export type YamlPath = readonly string[];

export type YamlContext =
  /** Typing a key into the mapping at `path`; `present` are the keys it already has. */
  | {
      readonly kind: 'key';
      readonly path: YamlPath;
      readonly prefix: string;
      readonly from: number;
      readonly column: number;
      readonly present: readonly string[];
    }
  /** Typing the value of the key that ends `path`. */
  | { readonly kind: 'value'; readonly path: YamlPath; readonly prefix: string; readonly from: number }
  /**
   * Typing at the start of a list item (`- |`): a scalar item, or the first key of a mapping item. `path` ends
   * with `*`; `present` are the keys the item already has on the lines below.
   */
  | {
      readonly kind: 'item';
      readonly path: YamlPath;
      readonly prefix: string;
      readonly from: number;
      readonly column: number;
      readonly present: readonly string[];
    }
  | { readonly kind: 'none' };

interface LineTokens {
  readonly indent: number;
  /** Columns of `- ` markers, left to right. */
  readonly dashes: readonly number[];
  readonly key?: {
    readonly column: number;
    readonly name: string;
    readonly inlineValue: boolean;
    readonly blockScalar: boolean;
  };
}

const KEY = /^([A-Za-z0-9_$][\w$.-]*|'[^']*'|"[^"]*")\s*:(?:\s+(.*))?$/;

function tokens(line: string): LineTokens | undefined {
  const indent = line.length - line.trimStart().length;
  let rest = line.slice(indent);
  if (rest === '' || rest.startsWith('#')) return undefined;
  const dashes: number[] = [];
  let column = indent;
  while (rest === '-' || rest.startsWith('- ')) {
    dashes.push(column);
    const after = rest.slice(1);
    column += 1 + (after.length - after.trimStart().length);
    rest = after.trimStart();
  }
  const match = KEY.exec(rest.replace(/\s+#.*$/, ''));
  if (!match) return { indent, dashes };
  const value = (match[2] ?? '').trim();
  const blockScalar = /^[|>][-+0-9]*$/.test(value);
  const name = (match[1] ?? '').replace(/^['"]|['"]$/g, '');
  return { indent, dashes, key: { column, name, inlineValue: value !== '' && !blockScalar, blockScalar } };
}

/**
 * The keys and list markers that contain a token at `column`, reading upwards from line
 * `from`. Undefined inside a block scalar (`background: |`), where nothing is suggested.
 */
function containers(
  lines: readonly string[],
  from: number,
  column: number,
  dashAtColumn: boolean,
): string[] | undefined {
  const path: string[] = [];
  let col = column;
  // A list's `-` may sit in the same column as its key (`include:` / `- a`).
  let sameColumnKey = dashAtColumn;
  for (let i = from; i >= 0 && (col > 0 || sameColumnKey); i -= 1) {
    const parsed = tokens(lines[i] ?? '');
    if (!parsed || parsed.indent > col || (parsed.indent === col && !sameColumnKey)) continue;
    const key = parsed.key;
    if (key && (key.column < col || (sameColumnKey && key.column === col && parsed.dashes.length === 0))) {
      if (key.blockScalar) return undefined;
      if (!key.inlineValue) {
        path.push(key.name);
        col = key.column;
        sameColumnKey = false;
      }
    }
    for (let d = parsed.dashes.length - 1; d >= 0; d -= 1) {
      const dash = parsed.dashes[d] ?? 0;
      if (dash < col) {
        path.push('*');
        col = dash;
        sameColumnKey = false;
      }
    }
  }
  return path.reverse();
}

/**
 * Keys already in the mapping whose keys sit at `column` around line `index`. A list item's first
 * line looks only down: the lines above belong to the item before it.
 */
function siblingKeys(
  lines: readonly string[],
  index: number,
  column: number,
  steps: readonly (-1 | 1)[] = [-1, 1],
): string[] {
  const keys: string[] = [];
  for (const step of steps) {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      const parsed = tokens(lines[i] ?? '');
      if (!parsed) continue;
      const first = parsed.dashes[0] ?? parsed.indent;
      if (parsed.key?.column === column && (first === column || step === -1)) keys.push(parsed.key.name);
      if (first < column) break;
    }
  }
  return keys;
}

/** The completion context at `offset` in `text`. */
export function yamlContextAt(text: string, offset: number): YamlContext {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineBefore = before.slice(lineStart);
  const lines = text.split('\n');
  const index = before.split('\n').length - 1;
  const none = { kind: 'none' } as const;

  // `  - key: val|` → the value of key.
  const value = /^(\s*)((?:-\s+)*)([A-Za-z0-9_$][\w$.-]*)\s*:\s+([^#[{]*)$/.exec(lineBefore);
  if (value) {
    const indent = value[1]?.length ?? 0;
    const dashes = (value[2] ?? '').match(/-/g)?.length ?? 0;
    const outer = containers(lines, index - 1, indent, dashes > 0);
    if (!outer) return none;
    const prefix = (value[4] ?? '').replace(/^['"]/, '');
    return {
      kind: 'value',
      path: [...outer, ...Array<string>(dashes).fill('*'), value[3] ?? ''],
      prefix,
      from: offset - prefix.length,
    };
  }

  // `  - ite|` → a list item; `  ke|` → a key.
  const keyOrItem = /^(\s*)((?:-\s+)*)([\w$.@/^~-]*)$/.exec(lineBefore);
  if (!keyOrItem) return none;
  const indent = keyOrItem[1]?.length ?? 0;
  const markers = keyOrItem[2] ?? '';
  const prefix = keyOrItem[3] ?? '';
  const column = indent + markers.length;
  const from = offset - prefix.length;
  const dashes = markers.match(/-/g)?.length ?? 0;
  const outer = containers(lines, index - 1, dashes > 0 ? indent : column, dashes > 0);
  if (!outer) return none;
  if (dashes > 0)
    return {
      kind: 'item',
      path: [...outer, ...Array<string>(dashes).fill('*')],
      prefix,
      from,
      column,
      present: siblingKeys(lines, index, column, [1]),
    };
  return { kind: 'key', path: outer, prefix, from, column, present: siblingKeys(lines, index, column) };
}
