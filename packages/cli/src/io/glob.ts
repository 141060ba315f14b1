import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** True when the argument has glob syntax (the shell did not expand it, e.g. it was quoted). */
export function hasGlobSyntax(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * Globs are matched without regular expressions. A glob turned into a regex backtracks: `*a` thirty times then
 * `b*.yaml` against a 200-character name ran for minutes, and regex-based matchers (picomatch 2 included, measured)
 * hang on it the same way; Node 20 has no fs.glob. Each segment is compiled to tokens and matched with the
 * classic two-pointer wildcard algorithm, which is O(name × pattern) whatever the pattern. Braces are expanded
 * first, within a bound. A pattern that cannot be read is a usage error (GlobSyntaxError), never a crash.
 */
export class GlobSyntaxError extends Error {
  constructor(pattern: string, reason: string) {
    super(`The pattern ${JSON.stringify(pattern)} is not a valid glob: ${reason}.`);
    this.name = 'GlobSyntaxError';
  }
}

/** Brace alternatives a pattern may expand to; {a,b}{c,d}… multiplies quickly. */
export const MAX_GLOB_ALTERNATIVES = 256;
/** Characters in one pattern. */
export const MAX_GLOB_LENGTH = 4096;

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | {
      readonly kind: 'class';
      readonly negated: boolean;
      readonly ranges: readonly (readonly [string, string])[];
    };

/** Expands {a,b} (nested too) into alternatives; refuses unbalanced braces and more than the bound. */
export function expandBraces(pattern: string, whole = pattern): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close > 0) i = close;
    } else if (ch === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '}') {
      if (depth === 0) throw new GlobSyntaxError(whole, 'a "}" has no "{" before it');
      depth--;
      if (depth === 0) {
        const parts = splitTopLevel(pattern.slice(open + 1, i));
        const before = pattern.slice(0, open);
        const after = pattern.slice(i + 1);
        const out: string[] = [];
        for (const part of parts) {
          for (const expanded of expandBraces(`${before}${part}${after}`, whole)) {
            out.push(expanded);
            if (out.length > MAX_GLOB_ALTERNATIVES)
              throw new GlobSyntaxError(
                whole,
                `its braces expand to more than ${MAX_GLOB_ALTERNATIVES} patterns`,
              );
          }
        }
        return out;
      }
    }
  }
  if (depth > 0) throw new GlobSyntaxError(whole, 'a "{" is never closed with "}"');
  return [pattern];
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** One path segment (no "/") as tokens. */
function compileSegment(segment: string, whole: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '*') {
      // Consecutive stars mean the same as one.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') tokens.push({ kind: 'any' });
    else if (ch === '\\' && i + 1 < segment.length)
      tokens.push({ kind: 'char', char: segment[++i] as string });
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) throw new GlobSyntaxError(whole, 'a "[" is never closed with "]"');
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      const chars = [...body];
      for (let j = 0; j < chars.length; j++) {
        const from = chars[j] as string;
        if (chars[j + 1] === '-' && j + 2 < chars.length) {
          const to = chars[j + 2] as string;
          if (to < from) throw new GlobSyntaxError(whole, `the range [${from}-${to}] runs backwards`);
          ranges.push([from, to]);
          j += 2;
        } else ranges.push([from, from]);
      }
      if (ranges.length === 0) throw new GlobSyntaxError(whole, '"[]" matches nothing');
      tokens.push({ kind: 'class', negated, ranges });
      i = close;
    } else tokens.push({ kind: 'char', char: ch });
  }
  return tokens;
}

function matchesOne(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class': {
      const inside = token.ranges.some(([from, to]) => char >= from && char <= to);
      return token.negated ? !inside : inside;
    }
    default:
      return false;
  }
}

/**
 * Wildcard matching without backtracking blow-up: on a mismatch, only the most recent star is retried one
 * character further, which is enough for `*` (it can absorb anything), so the work is O(name × tokens).
 */
export function matchSegment(tokens: readonly Token[], name: string): boolean {
  const chars = [...name];
  let t = 0;
  let c = 0;
  let star = -1;
  let starChar = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token && token.kind !== 'star' && matchesOne(token, chars[c] as string)) {
      t++;
      c++;
    } else if (token?.kind === 'star') {
      star = t++;
      starChar = c;
    } else if (star >= 0) {
      t = star + 1;
      c = ++starChar;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

/** A compiled segment: "**" (any folders) or tokens for one name. */
type Segment =
  | { readonly globstar: true }
  | { readonly globstar: false; readonly tokens: Token[]; readonly source: string };

function compilePattern(pattern: string, whole: string): Segment[] {
  return pattern
    .split('/')
    .filter((s) => s !== '')
    .map((source) =>
      source === '**'
        ? { globstar: true }
        : { globstar: false, tokens: compileSegment(source, whole), source },
    );
}

const SKIP = new Set(['node_modules', '.git']);

/**
 * Expands a glob: `*`, `?`, `[..]`, `{a,b}` within a segment and `**` across folders. Hidden files and
 * node_modules are only matched when named explicitly. Results are sorted. Throws GlobSyntaxError for a pattern it
 * cannot read.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  if (pattern.length > MAX_GLOB_LENGTH)
    throw new GlobSyntaxError(pattern.slice(0, 60), `it is longer than ${MAX_GLOB_LENGTH} characters`);
  const found = new Set<string>();
  for (const alternative of expandBraces(pattern)) {
    const absolute = alternative.startsWith('/');
    const segments = alternative.split('/').filter((s) => s !== '');
    let base = absolute ? '/' : '.';
    let start = 0;
    while (start < segments.length - 1 && !hasGlobSyntax(segments[start] as string)) {
      base = base === '.' ? (segments[start] as string) : join(base, segments[start] as string);
      start++;
    }
    const rest = compilePattern(segments.slice(start).join('/'), pattern);
    await walk(base, rest, found);
  }
  return [...found].sort();
}

async function walk(dir: string, rest: readonly Segment[], found: Set<string>): Promise<void> {
  const [head, ...tail] = rest;
  if (head === undefined) return;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const at = (name: string) => (dir === '.' ? name : join(dir, name));
  if (head.globstar) {
    await walk(dir, tail, found);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name))
        await walk(at(entry.name), rest, found);
    }
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') && !head.source.startsWith('.')) continue;
    if (!matchSegment(head.tokens, entry.name)) continue;
    if (tail.length === 0) {
      if (entry.isFile() || entry.isSymbolicLink()) found.add(at(entry.name));
    } else if (entry.isDirectory() || entry.isSymbolicLink()) await walk(at(entry.name), tail, found);
  }
}
