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

/** dist/worker.cjs next to the bundle; absent when running from src/ (tests of the API), then builds run inline. */
function workerFile(): string | undefined {
  try {
    const path = fileURLToPath(new URL('./worker.cjs', import.meta.url));
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

/** Tasks given to a worker ahead of time, so it never waits while the main thread is busy building. */
const IN_FLIGHT = 2;

/**
 * Builds specs on `jobs` threads: the main thread, whose modules and catalog are loaded and warm already, and
 * `jobs - 1` worker threads (each worker loads and warms up its own copy, so one fewer saves that much CPU). A worker
 * that crashes (out of memory, a bug) fails only the spec it was building and is replaced; the spec queued behind it
 * goes back in the queue. With one job, or no worker file, specs build inline one after another.
 */
export async function buildInPool(specs: readonly string[], options: PoolOptions): Promise<void> {
  const jobs = Math.max(1, Math.min(options.jobs, specs.length));
  const file = workerFile();
  // Same catalog as the workers use (TENDER_CATALOG or the installed library).
  const catalog = loadCatalog();
  const buildHere = (index: number) =>
    runBuildTask(specs[index] as string, options.format, catalog, options.final);
  if (jobs === 1 || !file) {
    for (const index of specs.keys()) await options.onResult(index, await buildHere(index));
    return;
  }
  const pending: Promise<void>[] = [];
  const report = (index: number, result: BuildSpecResult) =>
    pending.push(Promise.resolve(options.onResult(index, result)));
  const failed = (spec: string, message: string): BuildSpecResult => ({
    spec,
    ok: false,
    errors: [],
    warnings: [],
    files: [],
    ms: 0,
    crash: message,
  });
  let next = 0;
  const requeued: number[] = [];
  const take = (): number | undefined => requeued.shift() ?? (next < specs.length ? next++ : undefined);
  const workLeft = () => requeued.length > 0 || next < specs.length;

  const workersDone = new Promise<void>((resolveAll) => {
    let running = 0;
    const startWorker = () => {
      if (!workLeft()) return;
      const worker = new Worker(file, { execArgv: workerExecArgv() });
      running++;
      // In the order the worker builds them: the first is the one it is building.
      const inFlight = new Map<number, BuildTask>();
      const give = () => {
        while (inFlight.size < IN_FLIGHT) {
          const index = take();
          if (index === undefined) break;
          const task: BuildTask = {
            id: index,
            spec: specs[index] as string,
            format: options.format,
            ...(options.final ? { final: true } : {}),
          };
          inFlight.set(index, task);
          worker.postMessage(task);
        }
        if (inFlight.size === 0) void worker.terminate();
      };
      const lose = (message: string) => {
        const [building, ...queued] = inFlight.values();
        if (building) report(building.id, failed(building.spec, message));
        requeued.push(...queued.map((task) => task.id));
        inFlight.clear();
      };
      worker.on('message', (reply: BuildReply) => {
        inFlight.delete(reply.id);
        report(reply.id, reply.result);
        give();
      });
      worker.on('error', (error) => lose(`The build worker crashed: ${error.message}`));
      worker.on('exit', () => {
        running--;
        lose('The build worker stopped unexpectedly.');
        // Replace a worker that died while work remains.
        if (workLeft()) startWorker();
        if (running === 0) resolveAll();
      });
      give();
    };
    for (let i = 0; i < jobs - 1; i++) startWorker();
    if (running === 0) resolveAll();
  });

  // The main thread is the last job. Between builds it lets the workers' replies (and the writes) through.
  for (let index = take(); index !== undefined; index = take()) {
    report(index, await buildHere(index));
    await new Promise((resolveNow) => setImmediate(resolveNow));
  }
  await workersDone;
  // A worker that died last may have put specs back after the main thread finished.
  for (let index = take(); index !== undefined; index = take()) report(index, await buildHere(index));
  await Promise.all(pending);
}
