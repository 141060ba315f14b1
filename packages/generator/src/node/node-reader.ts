import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReadResult, SpecFileReader } from '../spec/reader.js';
import { describeFsError, errorCode } from './fs-errors.js';

/** Larger files are refused before they are read (5 MB); the generator has its own, smaller limit for spec text. */
export const MAX_READ_BYTES = 5 * 1024 * 1024;

/** Options for {@link createNodeReader}. */
export interface NodeReaderOptions {
  /** Every file read must be inside this folder once symlinks are resolved. Usually the top spec's folder. */
  readonly root: string;
  /** The largest file read, in bytes; default {@link MAX_READ_BYTES}. */
  readonly maxBytes?: number;
  /** Called with the text of every file read, so callers can show code frames without reading again. */
  readonly onText?: (path: string, text: string) => void;
}

/**
 * The Node SpecFileReader: reads specs, included files and logos from disk within a byte limit, refusing
 * folders, devices, FIFOs and files that are not UTF-8 text. The generator already keeps includes inside the spec's folder by their written path;
 * this also resolves symlinks, so a link inside the folder cannot smuggle in a file from elsewhere.
 */
export function createNodeReader(options: NodeReaderOptions): SpecFileReader {
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  let rootReal: Promise<string> | undefined;
  const root = () => {
    rootReal ??= realpath(options.root).catch(() => resolve(options.root));
    return rootReal;
  };

  async function readBytes(path: string): Promise<ReadResult<Uint8Array>> {
    let real: string;
    try {
      real = await realpath(resolve(path));
    } catch (error) {
      return { ok: false, message: describeFsError(error) };
    }
    const top = await root();
    if (!isWithin(top, real)) {
      return {
        ok: false,
        message: `is outside the spec's folder once symlinks are followed (it is really ${real})`,
      };
    }
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      // O_NOFOLLOW: the resolved path has no links left, so a link swapped in after the check is refused.
      // O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused as not a regular file.
      handle = await open(
        real,
        constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
      );
      const stat = await handle.stat();
      if (stat.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
      if (!stat.isFile()) return { ok: false, message: 'is not a regular file' };
      if (stat.size > maxBytes) {
        return {
          ok: false,
          message: `is ${formatBytes(stat.size)}, larger than the ${formatBytes(maxBytes)} limit`,
        };
      }
      // Read at most one byte past the limit, in case the file grew since stat.
      const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled > maxBytes)
        return { ok: false, message: `is larger than the ${formatBytes(maxBytes)} limit` };
      return { ok: true, value: new Uint8Array(buffer.buffer, buffer.byteOffset, filled) };
    } catch (error) {
      if (errorCode(error) === 'ELOOP')
        return { ok: false, message: 'changed into a symbolic link while it was read' };
      return { ok: false, message: describeFsError(error) };
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  return {
    async readText(path) {
      const read = await readBytes(path);
      if (!read.ok) return read;
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(read.value);
      } catch {
        return { ok: false, message: 'is not UTF-8 text (is it a binary file?)' };
      }
      // Valid UTF-8 can still be binary; NUL never appears in a YAML spec.
      if (text.includes('\u0000')) return { ok: false, message: 'is a binary file, not a YAML spec' };
      options.onText?.(path, text);
      return { ok: true, value: text };
    },
    readBinary: readBytes,
  };
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The folder a spec's includes must stay in: the real folder of the spec itself. */
export async function specRoot(specPath: string): Promise<string> {
  try {
    return dirname(await realpath(resolve(specPath)));
  } catch {
    return dirname(resolve(specPath));
  }
}

/** Sizes in messages: the limits are megabytes, so "6.0 MB" (a smaller file never reaches a message). */
const formatBytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
