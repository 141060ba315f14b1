/**
 * File access is injected so the core stays pure: the CLI passes a Node reader, the demo
 * an in-memory one. Paths are POSIX strings; the reader decides what they mean.
 */
export type ReadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** How the generator reads files: injected, so the core stays pure. `inMemoryReader` and `createNodeReader` make one. */
export interface SpecFileReader {
  readText(path: string): Promise<ReadResult<string>>;
  readBinary?(path: string): Promise<ReadResult<Uint8Array>>;
}

/** A reader over a fixed set of files, for the browser and tests. */
export function inMemoryReader(files: Readonly<Record<string, string | Uint8Array>>): SpecFileReader {
  return {
    async readText(path) {
      const value = files[path];
      if (typeof value === 'string') return { ok: true, value };
      return { ok: false, message: value ? 'is not a text file' : 'does not exist' };
    },
    async readBinary(path) {
      const value = files[path];
      if (value instanceof Uint8Array) return { ok: true, value };
      if (typeof value === 'string') return { ok: true, value: new TextEncoder().encode(value) };
      return { ok: false, message: 'does not exist' };
    },
  };
}
