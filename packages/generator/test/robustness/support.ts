/**
 * Shared helpers for the robustness suite: the renderers, an independent .docx check, and
 * assertions that every problem is a typed SpecIssue with a position.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { renderDocx, renderHtml, renderMarkdown, SPEC_ISSUE_CODES, type SpecIssue } from '../../src/index.js';
import type { Outcome } from '../helpers.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURES = resolve(REPO_ROOT, 'packages/generator/test/fixtures/hostile');
/** CI sees the shared folder next to the repository. */
export const CHECK_DOCX = resolve(REPO_ROOT, '../shared/tools/check-docx');

/** The renderers under test, in one place. */
export const renderers = { renderDocx, renderHtml, renderMarkdown };

const CODES = new Set(Object.keys(SPEC_ISSUE_CODES));

/** Every issue is typed: a known code, a severity, a message and a 1-based position. */
export function expectTypedIssues(issues: readonly SpecIssue[], file?: string): void {
  for (const issue of issues) {
    expect(CODES.has(issue.code), `unknown code ${issue.code}`).toBe(true);
    expect(['error', 'warning']).toContain(issue.severity);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.position, `${issue.code} has no position: ${issue.message}`).toBeDefined();
    const position = issue.position as NonNullable<SpecIssue['position']>;
    if (file) expect(position.file).toBe(file);
    expect(Number.isInteger(position.line) && position.line >= 1, `${issue.code} line ${position.line}`).toBe(
      true,
    );
    expect(
      Number.isInteger(position.column) && position.column >= 1,
      `${issue.code} column ${position.column}`,
    ).toBe(true);
  }
}

/** A build either gives a document and no errors, or errors and no document. */
export function expectConsistent(result: Outcome, file?: string): void {
  expectTypedIssues(result.errors, file);
  expectTypedIssues(result.warnings, file);
  expect(result.errors.every((i) => i.severity === 'error')).toBe(true);
  expect(result.warnings.every((i) => i.severity === 'warning')).toBe(true);
  if (result.errors.length === 0) expect(result.document).toBeDefined();
  else expect(result.document).toBeUndefined();
}

export function codes(issues: readonly SpecIssue[]): string[] {
  return [...new Set(issues.map((issue) => issue.code))].sort();
}

/** Unzips a .docx into its parts as text (XML) or bytes. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes)))
    if (/\.(xml|rels)$/.test(path)) out[path] = strFromU8(data);
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of every <w:t> in the body, headers and footers, unescaped, joined with a space between runs. */
export function documentText(bytes: Uint8Array): string {
  const parts = docxParts(bytes);
  const xml = Object.keys(parts)
    .filter((path) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(path))
    .sort()
    .map((path) => parts[path])
    .join('');
  const runs: string[] = [];
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
    runs.push(
      (match[1] ?? '').replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) =>
        name.startsWith('#x')
          ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
          : name.startsWith('#')
            ? String.fromCodePoint(Number(name.slice(1)))
            : (ENTITIES[name] ?? whole),
      ),
    );
  }
  return runs.join(' ');
}

/** A scratch folder removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `loti-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs /work/shared/tools/check-docx once over many files (it starts xmllint per part, so one call for a batch
 * keeps the suite fast). Returns its report; `ok` is false with the problem lines when any file fails.
 */
export function checkDocxFiles(files: Record<string, Uint8Array>): {
  ok: boolean;
  report: string;
  count: number;
} {
  const names = Object.keys(files);
  if (names.length === 0) return { ok: true, report: 'no files', count: 0 };
  if (!existsSync(CHECK_DOCX)) throw new Error(`check-docx not found at ${CHECK_DOCX}`);
  const { dir, remove } = scratchDir('check');
  try {
    const paths = names.map((name, index) => {
      const path = join(
        dir,
        `${String(index).padStart(3, '0')}-${name.replace(/[^\w.-]+/g, '_').slice(0, 60)}.docx`,
      );
      writeFileSync(path, files[name] as Uint8Array);
      return path;
    });
    const run = spawnSync(CHECK_DOCX, paths, { encoding: 'utf8', timeout: 120_000 });
    if (run.status === 2) throw new Error(`check-docx cannot run: ${run.stderr}`);
    return {
      ok: run.status === 0,
      report: `${run.stdout}${run.stderr}`.replaceAll(`${dir}/`, ''),
      count: names.length,
    };
  } finally {
    remove();
  }
}

/** Wraps a promise so a hang fails the test with a clear message instead of the global timeout. */
export async function within<T>(
  ms: number,
  what: string,
  work: () => Promise<T>,
): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    const value = await Promise.race([work(), timeout]);
    return { value, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Markup that hostile values carry; in HTML and Markdown output it may only appear escaped. */
export function expectNoRawMarkup(output: string, format: 'html' | 'markdown'): void {
  const raw =
    format === 'html' ? /<(script|img|w:[a-z]+|\?xml|!DOCTYPE)\b/i : /(?<!\\)<(script|img|w:[a-z]+)\b/i;
  const found = raw.exec(output);
  expect(
    found,
    `raw markup in ${format}: ${found ? output.slice(Math.max(0, found.index - 60), found.index + 60) : ''}`,
  ).toBeNull();
}
