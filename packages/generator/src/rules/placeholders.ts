import { formatPath, type PathSegment, type SourcePosition } from '@loti/clauses';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { SelectionRule } from './types.js';

/**
 * Text that marks unfinished work: the `tender init` template's instructions, drafting markers and the reserved
 * example domains (RFC 2606 and their UK look-alikes). Each says what it is, for the message.
 */
const PLACEHOLDER_PATTERNS = [
  { pattern: /\breplace this\b/i, what: 'template text' },
  { pattern: /\[\s*(?:to confirm|insert|add|enter|tbc|tbd)\b/i, what: 'a placeholder' },
  { pattern: /\{\{[^}]*\}\}/, what: 'an unfilled {{placeholder}}' },
  {
    pattern:
      /(?:[\w.+-]+@|https?:\/\/)?\b(?:[a-z0-9-]+\.)*example\.(?:gov\.uk|org\.uk|co\.uk|ac\.uk|com|org|net|uk)\b[^\s,;)"]*/i,
    what: 'an example address',
  },
  { pattern: /\b(?:TBC|TBA|TBD|TODO|FIXME)\b/, what: 'a drafting marker' },
  { pattern: /\bX{3,}\b/, what: 'a drafting marker' },
  { pattern: /\blorem ipsum\b/i, what: 'filler text' },
] as const;

/** Fields that name files or schemas, not text that goes into the document. */
const NOT_TEXT = new Set(['$schema', 'include', 'document.branding.logo']);

/** The first placeholder in a piece of text: the matched text and what kind of placeholder it is. */
function findPlaceholder(text: string): { match: string; what: string } | undefined {
  for (const { pattern, what } of PLACEHOLDER_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return { match: found[0], what };
  }
  return undefined;
}

/**
 * Unfinished work is never issued by accident. In a draft, placeholder text in the spec is a warning; in a final
 * document (`document.status: final`, or `tender build --final`) it is an error, and so are drafting notes.
 */
export const placeholderRules: SelectionRule = (spec, loaded) => {
  const final = spec.document.status === 'final';
  const issues: SpecIssue[] = [];
  for (const { path, text } of strings(loaded.value)) {
    const field = formatPath(path);
    if (NOT_TEXT.has(field)) continue;
    const found = findPlaceholder(text);
    if (!found) continue;
    issues.push({
      code: 'PLACEHOLDER_TEXT',
      severity: final ? 'error' : 'warning',
      message: `${field} contains ${found.what}: "${found.match}". ${final ? 'A final document cannot contain it: replace it with the real text.' : 'Replace it before the tender is issued; `tender build --final` refuses it.'}`,
      position: exactly(loaded, loaded.locate(path), found.match),
      field,
    });
  }
  if (final && spec.document.guidanceNotes) {
    issues.push({
      code: 'FINAL_DRAFTING_NOTES',
      severity: 'error',
      message:
        'A final document cannot contain drafting notes for officers. Set document.guidanceNotes: false, or build a draft.',
      position: loaded.locate(['document', 'guidanceNotes']),
      field: 'document.guidanceNotes',
    });
  }
  return issues;
};

/**
 * The position of the placeholder itself rather than of its value, so a caret in a long or block (|) scalar lands on
 * the words to replace. Falls back to the value's position when the text is not found as written (escapes).
 */
function exactly(loaded: LoadedSpec, at: SourcePosition, match: string): SourcePosition {
  const file = loaded.files.find((f) => f.file === at.file);
  if (!file) return at;
  const lines = file.text.split('\n');
  const start = lines.slice(0, at.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + at.column - 1;
  const found = file.text.indexOf(match, start);
  if (found < 0 || found - start > 4000) return at;
  const before = file.text.slice(0, found);
  const line = before.split('\n').length;
  return { ...at, line, column: found - before.lastIndexOf('\n') };
}

/** Every string in a parsed YAML value with its path, in document order. */
function strings(value: unknown): { path: PathSegment[]; text: string }[] {
  const out: { path: PathSegment[]; text: string }[] = [];
  const walk = (node: unknown, path: PathSegment[]) => {
    if (typeof node === 'string') out.push({ path, text: node });
    else if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, [...path, i]);
    } else if (typeof node === 'object' && node !== null)
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return out;
}
