import { isBuiltinVariable } from '../builtins.js';
import type { Block } from '../content.js';
import { forEachInline } from '../content.js';
import { type ClauseFrontMatter, frontMatterSchema } from '../schema.js';
import type { ClauseIssue } from '../source/errors.js';
import { locateYamlPath } from '../source/position.js';
import { parseClauseMarkdown } from './markdown.js';
import { parseYamlSource, validateYaml } from './yaml-source.js';

export interface ParsedClauseFile {
  readonly frontMatter: ClauseFrontMatter;
  readonly body: Block[];
  readonly guidance: Block[];
  readonly bodySource: string;
  readonly frontMatterSource: string;
  /** Lines before the body starts, to turn body lines into file lines. */
  readonly bodyLineOffset: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Parses one clause file: validates its front matter and body, and checks that every
 * placeholder is declared (or built in) and every declared variable is used.
 * `file` is the path used in messages; `expectedId` comes from the folder and file name.
 */
export function parseClauseFile(
  text: string,
  file: string,
  expectedId?: string,
): { clause?: ParsedClauseFile; issues: ClauseIssue[] } {
  const source = text.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      issues: [
        {
          code: 'FRONT_MATTER_MISSING',
          severity: 'error',
          message: 'Start the file with a line "---", the YAML front matter, then another "---" line.',
          position: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  const frontMatterSource = match[1] as string;
  const { parsed, issues } = parseYamlSource(frontMatterSource, file, 1);
  if (issues.length > 0) return { issues };
  const validated = validateYaml(parsed, frontMatterSchema);
  if (!validated.value) return { issues: validated.issues };
  const frontMatter = validated.value;
  const at = (path: (string | number)[]) =>
    locateYamlPath(parsed.doc, parsed.lineCounter, file, path, { lineOffset: 1 });

  if (expectedId && frontMatter.id !== expectedId) {
    issues.push({
      code: 'ID_MISMATCH',
      severity: 'error',
      message: `The id "${frontMatter.id}" must be "${expectedId}" to match the file's folder and name.`,
      position: at(['id']),
      field: 'id',
    });
  }
  if (!frontMatter.changelog.some((entry) => entry.version === frontMatter.version)) {
    issues.push({
      code: 'CHANGELOG_MISSING',
      severity: 'error',
      message: `Add a changelog entry for version ${frontMatter.version} saying what changed.`,
      position: at(['changelog']),
      field: 'changelog',
    });
  }

  const bodySource = source.slice(match[0].length);
  const bodyLineOffset = source.slice(0, match[0].length).split('\n').length - 1;
  const body = parseClauseMarkdown(bodySource);
  for (const problem of body.problems) {
    issues.push({
      code: problem.kind === 'unsupported' ? 'MARKDOWN_UNSUPPORTED' : 'PLACEHOLDER_MALFORMED',
      severity: 'error',
      message: problem.message,
      position: { file, line: problem.line + bodyLineOffset, column: problem.column },
    });
  }
  if (body.blocks.length === 0) {
    issues.push({
      code: 'MARKDOWN_UNSUPPORTED',
      severity: 'error',
      message: 'The clause has no wording after the front matter.',
      position: { file, line: bodyLineOffset + 1, column: 1 },
    });
  }
  const guidance = parseClauseMarkdown(frontMatter.guidance);
  for (const problem of guidance.problems) {
    issues.push({
      code: 'MARKDOWN_UNSUPPORTED',
      severity: 'error',
      message: `In guidance: ${problem.message}`,
      position: at(['guidance']),
      field: 'guidance',
    });
  }

  const used = new Set<string>();
  forEachInline(body.blocks, (node) => {
    if (node.type === 'placeholder') used.add(node.name);
  });
  const bodyLines = bodySource.split('\n');
  const placeholderLine = (name: string) => {
    const index = bodyLines.findIndex((line) => line.includes(`{{${name}`) || line.includes(`{{ ${name}`));
    return {
      file,
      line: bodyLineOffset + Math.max(index, 0) + 1,
      column: Math.max((bodyLines[index] ?? '').indexOf('{{'), 0) + 1,
    };
  };
  for (const name of used) {
    if (!isBuiltinVariable(name) && !Object.hasOwn(frontMatter.variables, name)) {
      issues.push({
        code: 'PLACEHOLDER_UNDECLARED',
        severity: 'error',
        message: `{{${name}}} is not declared. Add it under "variables" with a type and description, or use a built-in such as {{authority.shortName}}.`,
        position: placeholderLine(name),
      });
    }
  }
  for (const name of Object.keys(frontMatter.variables)) {
    if (!used.has(name)) {
      issues.push({
        code: 'VARIABLE_UNUSED',
        severity: 'error',
        message: `The variable "${name}" is declared but the wording never uses {{${name}}}. Use it or remove it.`,
        position: at(['variables', name]),
        field: `variables.${name}`,
      });
    }
  }
  return {
    clause: {
      frontMatter,
      body: body.blocks,
      guidance: guidance.blocks,
      bodySource,
      frontMatterSource,
      bodyLineOffset,
    },
    issues,
  };
}
