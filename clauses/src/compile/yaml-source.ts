import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ClauseIssue, ClauseIssueCode } from '../source/errors.js';
import { formatPath, locateYamlPath, type PathSegment } from '../source/position.js';

/** A YAML file parsed with positions, so problems can point at a line and column. */
export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly file: string;
  readonly lineOffset: number;
}

/** Parses YAML keeping positions; syntax errors become issues with line and column. */
export function parseYamlSource(
  text: string,
  file: string,
  lineOffset = 0,
): { parsed: ParsedYaml; issues: ClauseIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues: ClauseIssue[] = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return {
      code: 'YAML_SYNTAX' as ClauseIssueCode,
      severity: 'error' as const,
      message: `${error.message.split('\n')[0]}. Check indentation and quoting on this line.`,
      position: { file, line: line + lineOffset, column: col },
    };
  });
  return { parsed: { doc, lineCounter, file, lineOffset }, issues };
}

/** Validates parsed YAML with a zod schema; each zod issue is placed at its YAML node. */
export function validateYaml<T extends z.ZodType>(
  parsed: ParsedYaml,
  schema: T,
): { value?: z.infer<T>; issues: ClauseIssue[] } {
  const result = schema.safeParse(parsed.doc.toJS({ maxAliasCount: 100 }));
  if (result.success) return { value: result.data, issues: [] };
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const fullPath = unknownKeys.length > 0 ? [...path, unknownKeys[0] as string] : path;
    const position = locateYamlPath(parsed.doc, parsed.lineCounter, parsed.file, fullPath, {
      keyInstead: unknownKeys.length > 0,
      lineOffset: parsed.lineOffset,
    });
    const field = formatPath(fullPath);
    const message =
      unknownKeys.length > 0
        ? `Unknown field "${unknownKeys.join('", "')}" in ${formatPath(path)}. Remove it or check the spelling.`
        : `${field}: ${issue.message}`;
    return { code: 'FIELD_INVALID' as const, severity: 'error' as const, message, position, field };
  });
  return { issues };
}
