import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildSpecResult } from '../build/build-spec.js';
import type { Format } from '../build/formats.js';
import { loadCatalog } from '../catalog.js';
import type { BuildReply, BuildTask } from './protocol.js';
import { runBuildTask } from './run-task.js';

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** dist/worker.js next to the bundle; absent when running from src/ (tests of the API), then builds run inline. */
function workerFile(): string | undefined {
  try {
    const path = fileURLToPath(new URL('./worker.js', import.meta.url));
    return existsSync(path) && !import.meta.url.includes('/src/') ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The parent's Node flags minus those a worker rejects (e.g. `node --input-type=module -e …` running the API). */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (/^(-e|--eval|-p|--print)$/.test(arg))
      i++; // and the script after it
    else if (!/^(--input-type|--eval|--print)=/.test(arg)) out.push(arg);
  }
  return out;
}

export interface PoolOptions {
  readonly jobs: number;
  readonly format: Format;
  readonly final?: boolean;
  /** Called as each spec finishes, in completion order. */
  readonly onResult: (index: number, result: BuildSpecResult) => Promise<void> | void;
}

/**
 * Builds specs on `jobs` worker threads. A worker that crashes (out of memory, a bug) fails only its spec and is
 * replaced. With one job, or no worker file, specs build inline one after another.
 */
export async function buildInPool(specs: readonly string[], options: PoolOptions): Promise<void> {
  const jobs = Math.max(1, Math.min(options.jobs, specs.length));
  const file = workerFile();
  if (jobs === 1 || !file) {
    // Same catalog as the workers use (TENDER_CATALOG or the installed library).
    const catalog = loadCatalog();
    for (const [index, spec] of specs.entries())
      await options.onResult(index, await runBuildTask(spec, options.format, catalog, options.final));
    return;
  }
  let next = 0;
  const pending: Promise<void>[] = [];
  const failed = (spec: string, message: string): BuildSpecResult => ({
    spec,
    ok: false,
    errors: [],
    warnings: [],
    files: [],
    ms: 0,
    crash: message,
  });

  await new Promise<void>((resolveAll) => {
    let running = 0;
    const startWorker = () => {
      if (next >= specs.length) return;
      const worker = new Worker(file, { execArgv: workerExecArgv() });
      running++;
      let current: BuildTask | undefined;
      const give = () => {
        if (next >= specs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = {
          id: next,
          spec: specs[next] as string,
          format: options.format,
          ...(options.final ? { final: true } : {}),
        };
        next++;
        worker.postMessage(current);
      };
      worker.on('message', (reply: BuildReply) => {
        pending.push(Promise.resolve(options.onResult(reply.id, reply.result)));
        give();
      });
      worker.on('error', (error) => {
        if (current)
          pending.push(
            Promise.resolve(
              options.onResult(
                current.id,
                failed(current.spec, `The build worker crashed: ${error.message}`),
              ),
            ),
          );
        current = undefined;
      });
      worker.on('exit', () => {
        running--;
        if (current) {
          pending.push(
            Promise.resolve(
              options.onResult(current.id, failed(current.spec, 'The build worker stopped unexpectedly.')),
            ),
          );
          current = undefined;
        }
        // Replace a worker that died while work remains.
        if (next < specs.length) startWorker();
        if (running === 0) resolveAll();
      });
      give();
    };
    for (let i = 0; i < jobs; i++) startWorker();
  });
  await Promise.all(pending);
}
