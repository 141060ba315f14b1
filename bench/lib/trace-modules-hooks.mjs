// Loader hooks for trace-modules.mjs; they run off the main thread, so results go to a file.
import { appendFileSync } from 'node:fs';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark-only variable, never seen by turbo tasks.
const log = process.env.BENCH_MODULE_LOG;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (log && url.startsWith('file:')) {
    const bytes =
      typeof result.source === 'string' ? Buffer.byteLength(result.source) : (result.source?.byteLength ?? 0);
    appendFileSync(log, `${JSON.stringify({ url, bytes })}\n`);
  }
  return result;
}
