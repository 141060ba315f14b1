/**
 * `node --import bench/lib/trace-modules.mjs …` appends every ES module the process loads (URL and bytes of
 * source) to $BENCH_MODULE_LOG, one JSON line each: what start-up costs in code to compile.
 */
import { register } from 'node:module';

register(new URL('./trace-modules-hooks.mjs', import.meta.url));
