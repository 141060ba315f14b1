import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The renderers run in the browser too, and must be deterministic: no Node modules, no process, no clock, no
 * randomness in the shipped code (tests and fixtures may use them).
 */
const root = fileURLToPath(new URL('../../src/render/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The open-data outputs (OCDS, contracts register) are renderers too, beside this folder. */
const opendata = fileURLToPath(new URL('../../src/opendata/', import.meta.url));

describe('the render core is pure', () => {
  it.each([...sources(root), ...sources(opendata)].map((path) => [relative(root, path), path]))(
    '%s',
    (_, path) => {
      // Comments may talk about what the code avoids.
      const code = readFileSync(path, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      expect(code).not.toMatch(/from ['"](node:|fs|path|os|crypto|child_process)/);
      expect(code).not.toMatch(/\bprocess\./);
      expect(code).not.toMatch(/\bBuffer\b/);
      expect(code).not.toMatch(/new Date\(|Date\.now\(|performance\.now\(/);
      expect(code).not.toMatch(/Math\.random\(|crypto\.getRandomValues|randomUUID/);
    },
  );
});
