import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** True when the argument has glob syntax (the shell did not expand it, e.g. it was quoted). */
export function hasGlobSyntax(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Converts one path segment of a glob to a regular expression: * ? [abc] {a,b}. */
function segmentRegExp(segment: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else out += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const SKIP = new Set(['node_modules', '.git']);

/**
 * Expands a glob (Node 20 has no fs.glob): `*`, `?`, `[..]`, `{a,b}` within a segment and `**` across folders.
 * Hidden files and node_modules are only matched when named explicitly. Results are sorted.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let base = absolute ? '/' : '.';
  let start = absolute ? 1 : 0;
  while (start < segments.length - 1 && !hasGlobSyntax(segments[start] as string)) {
    base = base === '.' ? (segments[start] as string) : join(base, segments[start] as string);
    start++;
  }
  const rest = segments.slice(start);
  const found = new Set<string>();
  await walk(base, rest, found);
  return [...found].sort();
}

async function walk(dir: string, rest: readonly string[], found: Set<string>): Promise<void> {
  const [head, ...tail] = rest;
  if (head === undefined) return;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const at = (name: string) => (dir === '.' ? name : join(dir, name));
  if (head === '**') {
    await walk(dir, tail, found);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name))
        await walk(at(entry.name), rest, found);
    }
    return;
  }
  const re = segmentRegExp(head);
  for (const entry of entries) {
    if (!re.test(entry.name)) continue;
    if (entry.name.startsWith('.') && !head.startsWith('.')) continue;
    if (tail.length === 0) {
      if (entry.isFile() || entry.isSymbolicLink()) found.add(at(entry.name));
    } else if (entry.isDirectory() || entry.isSymbolicLink()) await walk(at(entry.name), tail, found);
  }
}
