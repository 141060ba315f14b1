/**
 * Child process for hostile cases: `node --import tsx --conditions=@loti/source hostile-runner.ts <case>...`.
 * Prints one JSON line per case: the outcome, the time to build the model and the process's peak memory so far.
 */
import { buildTenderModel, inMemoryReader } from '../../src/index.js';
import { HOSTILE_CASES, HOSTILE_SPEC } from './hostile-cases.js';

export interface HostileOutcome {
  readonly name: string;
  readonly ms: number;
  readonly maxRssMb: number;
  readonly inputBytes: number;
  readonly errorCount: number;
  readonly errorCodes: string[];
  readonly firstErrors: { code: string; message: string; position?: unknown }[];
  /** Errors without a 1-based position. */
  readonly untyped: number;
  readonly document: boolean;
  readonly threw?: string;
}

async function run(name: string): Promise<HostileOutcome> {
  const testCase = HOSTILE_CASES[name];
  if (!testCase) throw new Error(`unknown case ${name}`);
  const files = testCase.files();
  const inputBytes = Object.values(files).reduce((sum, text) => sum + text.length, 0);
  const started = performance.now();
  const base = { name, inputBytes };
  try {
    const result = await buildTenderModel(HOSTILE_SPEC, inMemoryReader(files));
    const errors = result.ok ? [] : result.issues.filter((issue) => issue.severity === 'error');
    return {
      ...base,
      ms: performance.now() - started,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      errorCount: errors.length,
      errorCodes: [...new Set(errors.map((e) => e.code))].sort(),
      firstErrors: errors
        .slice(0, 3)
        .map((e) => ({ code: e.code, message: e.message.slice(0, 200), position: e.position })),
      untyped: errors.filter((e) => !e.position || e.position.line < 1 || e.position.column < 1).length,
      document: result.ok,
    };
  } catch (error) {
    return {
      ...base,
      ms: performance.now() - started,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      errorCount: 0,
      errorCodes: [],
      firstErrors: [],
      untyped: 0,
      document: false,
      threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

// One line per case, written as each finishes, so a later case that crashes the process keeps earlier results.
for (const name of process.argv.slice(2)) process.stdout.write(`${JSON.stringify(await run(name))}\n`);
