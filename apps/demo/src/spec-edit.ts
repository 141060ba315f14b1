import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  stringify,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** One edit to the spec text: replace `from`–`to` with `insert`. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

export type AddClauseResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly change: TextChange;
      /** The clause was listed under clauses.exclude, and that entry was removed. */
      readonly removedFromExclude: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: 'already-included' | 'yaml-errors' | 'not-a-mapping' | 'bad-shape';
      readonly message: string;
    };

/** Formatting that matches how people write specs, so a round trip changes as little as possible. */
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** `data-access/export-on-request` from `data-access/export-on-request@^1`. */
function idOf(reference: string): string {
  const at = reference.indexOf('@');
  return (at < 0 ? reference : reference.slice(0, at)).trim();
}

function entryId(item: unknown): string | undefined {
  if (isScalar(item) && typeof item.value === 'string') return idOf(item.value);
  if (isMap(item)) {
    const id = item.get('id');
    return typeof id === 'string' ? id.trim() : undefined;
  }
  return undefined;
}

/** The smallest single change that turns `before` into `after`. */
export function minimalChange(before: string, after: string): TextChange {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end += 1;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/**
 * Adds a clause under `clauses.include`. In the usual layouts (a block list, a `clauses:` mapping without `include:`,
 * or no `clauses:` at all) the new lines are inserted as text, so nothing else in the spec changes. Otherwise (a flow
 * list, an empty `clauses:` or `include:`, or a clause that must come out of `clauses.exclude`, since the officer now
 * wants it in) the yaml Document API edits and re-prints the spec: comments, blank lines and quoting survive, but a
 * folded paragraph may be re-wrapped. The new entry follows its neighbours' style (`- id: …` with `version:`, or a
 * plain `id@range` string).
 */
export function addClauseToSpec(text: string, clauseId: string, range?: string): AddClauseResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      reason: 'yaml-errors',
      message: 'The spec is not valid YAML yet. Fix the errors shown under the editor, then add the clause.',
    };
  }
  if (
    doc.contents !== null &&
    !isMap(doc.contents) &&
    !(isScalar(doc.contents) && doc.contents.value === null)
  ) {
    return {
      ok: false,
      reason: 'not-a-mapping',
      message: 'The spec must be a YAML mapping (tender:, clauses: …) before clauses can be added.',
    };
  }
  const reference = range ? `${clauseId}@${range}` : clauseId;
  const asString = () => doc.createNode(reference);
  const asMap = () => doc.createNode(range ? { id: clauseId, version: range } : { id: clauseId });

  if (!isMap(doc.contents)) {
    doc.contents = doc.createNode({ clauses: { include: [reference] } }) as unknown as typeof doc.contents;
    return done(text, doc.toString(TO_STRING), false);
  }

  const clauses = doc.get('clauses', true) as Node | undefined;
  if (clauses === undefined) {
    const inserted = insertMapEntry(text, doc.contents, 'clauses', { include: [reference] }, (spec) => {
      spec.clauses = { include: [reference] };
    });
    if (inserted !== undefined) return done(text, inserted, false);
  }
  if (clauses === undefined || (isScalar(clauses) && clauses.value === null)) {
    doc.set('clauses', doc.createNode({ include: [reference] }));
    return done(text, doc.toString(TO_STRING), false);
  }
  if (!isMap(clauses)) {
    return {
      ok: false,
      reason: 'bad-shape',
      message:
        'clauses: must be a mapping with include:, exclude: and profiles:. Fix it, then add the clause.',
    };
  }

  const include = clauses.get('include', true) as Node | undefined;
  if (include !== undefined && !isSeq(include) && !(isScalar(include) && include.value === null)) {
    return {
      ok: false,
      reason: 'bad-shape',
      message: 'clauses.include must be a list of clause ids. Fix it, then add the clause.',
    };
  }
  if (isSeq(include) && include.items.some((item) => entryId(item) === clauseId)) {
    return {
      ok: false,
      reason: 'already-included',
      message: `${clauseId} is already under clauses.include.`,
    };
  }

  const removedFromExclude = removeFromExclude(clauses, clauseId);
  if (!removedFromExclude) {
    // As text where the layout allows it, so nothing else in the spec changes.
    const last = isSeq(include) ? include.items.at(-1) : undefined;
    const entry = isMap(last) ? (range ? { id: clauseId, version: range } : { id: clauseId }) : reference;
    const inserted = isSeq(include)
      ? insertListItem(text, include, entry)
      : include === undefined
        ? insertMapEntry(text, clauses, 'include', [reference], (spec) => {
            (spec.clauses as Record<string, unknown>).include = [reference];
          })
        : undefined;
    if (inserted !== undefined) return done(text, inserted, false);
  }
  if (isSeq(include)) {
    const last = include.items.at(-1);
    include.items.push(isMap(last) && !include.flow ? asMap() : asString());
  } else {
    clauses.set('include', doc.createNode([reference]));
  }
  return done(text, doc.toString(TO_STRING), removedFromExclude);
}

/** The offset just after the last line of `node`, keeping a trailing comment on that line. */
function endOfLastLine(text: string, node: Node): number {
  const end = node.range?.[1] ?? text.length;
  if (text[end - 1] === '\n') return end - 1;
  const lineEnd = text.indexOf('\n', end);
  return lineEnd < 0 ? text.length : lineEnd;
}

/** The spaces before `offset` on its line, if there is nothing else there (after `- ` when `dash`). */
function indentBefore(text: string, offset: number, dash: boolean): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = (dash ? /^( *)- +$/ : /^( *)$/).exec(text.slice(lineStart, offset));
  return match?.[1];
}

/**
 * Inserts `yamlText` (YAML at indent 0) on new lines after `at`, indented by `indent`, and checks that the result
 * parses to the spec `expect` describes: an edit as text touches nothing else, where re-printing the whole document
 * would, for example, reflow a folded (`>`) paragraph elsewhere. Undefined when the check fails; the caller then
 * re-prints instead.
 */
function insertChecked(
  text: string,
  at: number,
  indent: string,
  yamlText: string,
  expect: (spec: Record<string, unknown>) => void,
): string | undefined {
  const block = yamlText
    .trimEnd()
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
  const result = `${text.slice(0, at)}\n${block}${text.slice(at)}`;
  const expected = (parseDocument(text).toJS() ?? {}) as Record<string, unknown>;
  expect(expected);
  const actual = parseDocument(result);
  if (actual.errors.length > 0 || JSON.stringify(actual.toJS()) !== JSON.stringify(expected))
    return undefined;
  return result;
}

/** `entry` added to a block list after its last item. */
function insertListItem(text: string, list: YAMLSeq, entry: unknown): string | undefined {
  const last = list.items.at(-1) as Node | undefined;
  if (list.flow || !last?.range) return undefined;
  const indent = indentBefore(text, last.range[0], true);
  if (indent === undefined) return undefined;
  const item = stringify(entry, TO_STRING)
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
    .join('\n');
  return insertChecked(text, endOfLastLine(text, last), indent, item, (spec) => {
    const clauses = spec.clauses as { include?: unknown[] };
    clauses.include = [...(clauses.include ?? []), entry];
  });
}

/** `key: value` added to a block mapping after its last entry (the document itself when `map` is the root). */
function insertMapEntry(
  text: string,
  map: YAMLMap,
  key: string,
  value: unknown,
  expect: (spec: Record<string, unknown>) => void,
): string | undefined {
  const first = map.items[0]?.key as Node | undefined;
  const last = map.items.at(-1);
  const lastNode = (last?.value ?? last?.key) as Node | undefined;
  if (map.flow || !first?.range || !lastNode?.range) return undefined;
  const indent = indentBefore(text, first.range[0], false);
  if (indent === undefined) return undefined;
  return insertChecked(
    text,
    endOfLastLine(text, lastNode),
    indent,
    stringify({ [key]: value }, TO_STRING),
    expect,
  );
}

function removeFromExclude(clauses: YAMLMap, clauseId: string): boolean {
  const exclude = clauses.get('exclude', true) as YAMLSeq | undefined;
  if (!isSeq(exclude)) return false;
  const index = exclude.items.findIndex((item) => entryId(item) === clauseId);
  if (index < 0) return false;
  exclude.items.splice(index, 1);
  return true;
}

function done(before: string, after: string, removedFromExclude: boolean): AddClauseResult {
  return { ok: true, text: after, change: minimalChange(before, after), removedFromExclude };
}

/** Clause ids listed under clauses.include, for the browser's "already in the spec" state. */
export function includedClauseIds(text: string): Set<string> {
  const ids = new Set<string>();
  const doc = parseDocument(text);
  const include = doc.getIn(['clauses', 'include'], true);
  if (isSeq(include)) {
    for (const item of include.items) {
      const id = entryId(item);
      if (id) ids.add(id);
    }
  }
  return ids;
}
