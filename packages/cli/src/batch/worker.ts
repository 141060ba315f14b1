// First: the modules imported below load through the compile cache.
import './worker-compile-cache.js';
import { parentPort } from 'node:worker_threads';
import { loadCatalog } from '../catalog.js';
import type { BuildReply, BuildTask } from './protocol.js';
import { runBuildTask } from './run-task.js';

/** Worker entry (dist/worker.cjs): builds specs it is sent and posts the bytes back without copying them. */
parentPort?.on('message', async (task: BuildTask) => {
  const { document: _document, ...result } = await runBuildTask(
    task.spec,
    task.format,
    loadCatalog(),
    task.final,
  );
  let bytes = result.bytes;
  // Only a buffer the bytes own entirely can be transferred.
  if (bytes && (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength))
    bytes = bytes.slice();
  const reply: BuildReply = { id: task.id, result: bytes ? { ...result, bytes } : result };
  parentPort?.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
});
