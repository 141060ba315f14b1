/**
 * `node --import bench/lib/trace-modules.mjs …` appends every module the process loads (URL and bytes of source) to
 * $BENCH_MODULE_LOG, one JSON line each: what start-up costs in code to compile. ES modules are seen by loader
 * hooks; CommonJS modules (the CLI's program) by wrapping Module.prototype.load.
 */
import { appendFileSync, statSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(new URL('./trace-modules-hooks.mjs', import.meta.url));

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark-only variable, never seen by turbo tasks.
const log = process.env.BENCH_MODULE_LOG;
const load = Module.prototype.load;
Module.prototype.load = function traceLoad(filename) {
  if (log) {
    let bytes = 0;
    try {
      bytes = statSync(filename).size;
    } catch {
      // A built-in or a vanished file: counted with no bytes.
    }
    appendFileSync(log, `${JSON.stringify({ url: pathToFileURL(filename).href, bytes })}\n`);
  }
  return load.call(this, filename);
};
