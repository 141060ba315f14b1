import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_ISSUE_CODES } from '../../src/index.js';
import { HOSTILE_CASES, type HostileCase } from './hostile-cases.js';
import type { HostileOutcome } from './hostile-runner.js';

// The bounds catch hangs and quadratic blow-ups, not speed (that is npm run bench): a busy
// 2-core CI machine gets three times each case's budget.
const TIME_SLACK = 3;

const HERE = dirname(fileURLToPath(import.meta.url));
/** Heap cap for each child: a case that needs more fails with an out-of-memory error. */
const HEAP_MB = 384;
/** Peak resident memory allowed for a child (Node, tsx and the generator take about 150 MB of it). */
const MAX_RSS_MB = 600;
/** A child still running this long after its cases' time limits is killed (start-up under tsx takes a few seconds). */
const START_UP_ALLOWANCE_MS = 8_000;

type Run = { outcome?: HostileOutcome; failure?: string };

/** Runs cases in one child; a case with no output line failed with the child's reason. */
function runChild(names: readonly string[]): Promise<Record<string, Run>> {
  return new Promise((resolve) => {
    const args = [
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      '--conditions=@loti/source',
      join(HERE, 'hostile-runner.ts'),
      ...names,
    ];
    const child = spawn(process.execPath, args, { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const killAfter =
      START_UP_ALLOWANCE_MS +
      TIME_SLACK * names.reduce((sum, name) => sum + (HOSTILE_CASES[name]?.maxMs ?? 0), 0);
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const runs: Record<string, Run> = {};
      for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
        const outcome = JSON.parse(line) as HostileOutcome;
        runs[outcome.name] = { outcome };
      }
      const reason =
        signal === 'SIGKILL'
          ? `still running after ${killAfter} ms (killed)`
          : `exit ${code ?? signal}: ${stderr.split('\n').filter(Boolean).slice(-5).join(' | ')}`;
      for (const name of names) runs[name] ??= { failure: reason };
      resolve(runs);
    });
  });
}

/** The shared cases in one child, each heavy case in its own; two children at a time (CI has two cores). */
async function runAll(): Promise<Record<string, Run>> {
  const entries = Object.entries(HOSTILE_CASES);
  const groups = [
    entries.filter(([, c]) => c.shared).map(([n]) => n),
    ...entries.filter(([, c]) => !c.shared).map(([n]) => [n]),
  ];
  const results: Record<string, Run> = {};
  const worker = async () => {
    for (let group = groups.shift(); group !== undefined; group = groups.shift())
      Object.assign(results, await runChild(group));
  };
  await Promise.all([worker(), worker()]);
  return results;
}

describe('hostile inputs generated at test time: bounded time and memory', () => {
  let runs: Record<string, Run> = {};
  beforeAll(async () => {
    runs = await runAll();
  }, 180_000);

  it.each(Object.entries(HOSTILE_CASES).map(([name, c]) => [name, c.description] as const))(
    '%s: %s',
    (name) => {
      const testCase = HOSTILE_CASES[name] as HostileCase;
      const run = runs[name] as Run;
      expect(run.failure, run.failure).toBeUndefined();
      const outcome = run.outcome as HostileOutcome;
      expect(outcome.threw, 'the generator threw instead of returning issues').toBeUndefined();
      expect(outcome.ms, `took ${Math.round(outcome.ms)} ms`).toBeLessThan(testCase.maxMs * TIME_SLACK);
      expect(outcome.maxRssMb, `peak RSS ${Math.round(outcome.maxRssMb)} MB`).toBeLessThan(MAX_RSS_MB);
      for (const code of outcome.errorCodes) expect(Object.keys(SPEC_ISSUE_CODES)).toContain(code);
      expect(outcome.untyped).toBe(0);
      if (testCase.expect.codes) expect(outcome.errorCodes).toEqual(testCase.expect.codes);
      if (testCase.expect.document) {
        expect(outcome.errorCodes).toEqual([]);
        expect(outcome.document).toBe(true);
      } else {
        expect(outcome.document).toBe(false);
        expect(outcome.errorCount).toBeGreaterThan(0);
      }
    },
  );
});
