/**
 * `@loti/tender-generator/node`: reading specs from disk in Node. The main entry is pure and runs in browsers;
 * this entry holds what needs `node:fs`.
 */
export { describeFsError, errorCode } from './fs-errors.js';
export type { NodeReaderOptions } from './node-reader.js';
export { createNodeReader, MAX_READ_BYTES, specRoot } from './node-reader.js';
