import { enableCompileCache } from '../launch/compile-cache.js';

// Imported first by worker.ts, so the modules the worker loads after it come from the compile cache. Only the main
// thread writes the cache; a worker reads what the main thread's runs left.
enableCompileCache('worker', { write: false });
