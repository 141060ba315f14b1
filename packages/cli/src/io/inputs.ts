import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError, usageError } from '../errors.js';
import { readBounded } from './bounded-read.js';
import { expandGlob, GlobSyntaxError, hasGlobSyntax } from './glob.js';

/** How much of each file a folder scan reads to find a top-level `include:` line. */
const HEAD_BYTES = 64 * 1024;

export const SPEC_EXTENSIONS = ['.yaml', '.yml'] as const;

/** One argument turned into spec paths, or the reason it gave none. */
export type InputEntry =
  | { readonly kind: 'spec'; readonly path: string }
  | { readonly kind: 'problem'; readonly input: string; readonly message: string };

function isSpecName(name: string): boolean {
  return SPEC_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) && !name.startsWith('.');
}

/**
 * Turns `spec.yaml`, `folder/` and `'specs/**\/*.yaml'` into spec paths, keeping each problem (a missing file, a
 * folder with no specs) as its own entry so one bad argument does not stop the rest.
 */
export async function expandInputs(inputs: readonly string[]): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'spec', path });
  };
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(input);
    } catch (error) {
      if (hasGlobSyntax(input)) {
        let expanded: string[];
        try {
          expanded = await expandGlob(input);
        } catch (error) {
          // An unreadable pattern is the user's to fix: a usage error (exit 2), not a crash.
          if (error instanceof GlobSyntaxError) throw usageError(error.message);
          throw error;
        }
        const matches = expanded.filter((path) => isSpecName(basename(path)));
        if (matches.length === 0)
          out.push({ kind: 'problem', input, message: `${input} matches no spec files.` });
        for (const path of matches) add(path);
        continue;
      }
      out.push({ kind: 'problem', input, message: `${input} ${describeFsError(error)}.` });
      continue;
    }
    if (info.isDirectory()) {
      const specs = await specsInFolder(input);
      if (specs.length === 0)
        out.push({
          kind: 'problem',
          input,
          message: `${input} is a folder with no .yaml or .yml specs in it.`,
        });
      for (const path of specs) add(path);
    } else add(input);
  }
  return out;
}

/**
 * The specs directly in a folder. A file another spec there includes (shared defaults) is not a spec of its own,
 * so it is left out; a top-level `include:` line is enough to tell.
 */
export async function specsInFolder(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true }))
      .filter((e) => e.isFile() && isSpecName(e.name))
      .map((e) => e.name);
  } catch {
    return [];
  }
  const paths = names.sort().map((name) => join(folder, name));
  const included = new Set<string>();
  for (const path of paths) {
    try {
      // Only the head is needed: a 2 GB sparse file in the folder costs one 64 KB read, not the whole file.
      const head = new TextDecoder().decode(
        await readBounded(path, { label: path, maxBytes: HEAD_BYTES, headBytes: HEAD_BYTES }),
      );
      const match = /^include:\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$/m.exec(head);
      if (match?.[1]) included.add(resolve(dirname(path), match[1].trim()));
    } catch {
      // Unreadable files stay in the list; building them reports why.
    }
  }
  return paths.filter((path) => !included.has(resolve(path)));
}
