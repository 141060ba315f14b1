import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Loose bounds that catch quadratic blow-ups, not speed: each case gets ten times a generous budget, and its own
// process with a capped heap, so running out of memory fails the case.
const HERE = dirname(fileURLToPath(import.meta.url));
const HEAP_MB = 512;
const SLACK = 10;

function runCase(name: string): { ms: number; heapMb: number } {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      '--conditions=@loti/source',
      join(HERE, 'redline-scale-runner.ts'),
      name,
    ],
    { cwd: HERE, encoding: 'utf8', timeout: 300_000 },
  );
  expect(child.status, `${child.stderr}`.split('\n').slice(-8).join('\n')).toBe(0);
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  return JSON.parse(line ?? '{}') as { ms: number; heapMb: number };
}

describe('document comparison at scale', () => {
  it('diffs two 0.5 MB documents with 200,000 references each, near-linearly', () => {
    const { ms } = runCase('references-200k');
    expect(ms).toBeLessThan(SLACK * 2_000);
  }, 300_000);

  it(`writes the redline of a 100,000-clause document within a ${HEAP_MB} MB heap`, () => {
    const { ms, heapMb } = runCase('redline-100k-clauses');
    expect(heapMb).toBeLessThan(HEAP_MB);
    expect(ms).toBeLessThan(SLACK * 6_000);
  }, 300_000);
});
