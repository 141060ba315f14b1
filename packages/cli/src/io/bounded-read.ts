import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { CliError, describeFsError, EXIT } from '../errors.js';
import { formatBytes } from '../output/format.js';

/**
 * Reads a file from outside within a byte budget. The file is opened without blocking (a FIFO would otherwise wait
 * for a writer forever) and checked with fstat before a byte is read: only a regular file within the limit is read,
 * so /dev/zero, a FIFO or a .docx symlink to a device is refused instead of growing without end. The read stops one
 * byte past the limit in case the file grows meanwhile.
 */
export interface BoundedReadOptions {
  /** What the file is, for messages: "TENDER_CATALOG=x" or the path. */
  readonly label: string;
  readonly maxBytes: number;
  /** What the file should be, for the folder message: ".docx file" gives "is a folder, not a .docx file". */
  readonly expected?: string;
  /** At most this many bytes from the start (a head read); the size limit is then not applied. */
  readonly headBytes?: number;
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function refuse(
  label: string,
  stat: { isFile(): boolean; isDirectory(): boolean; size: number },
  options: BoundedReadOptions,
): void {
  if (stat.isDirectory())
    throw new CliError(`${label} is a folder, not a ${options.expected ?? 'file'}.`, EXIT.usage);
  if (!stat.isFile())
    throw new CliError(
      `${label} is not a regular file (it is a device, FIFO or socket); only files are read.`,
      EXIT.usage,
    );
  if (options.headBytes === undefined && stat.size > options.maxBytes)
    throw new CliError(
      `${label} is ${formatBytes(stat.size)}; files over ${formatBytes(options.maxBytes)} are not read.`,
      EXIT.failed,
    );
}

function tooLarge(options: BoundedReadOptions): CliError {
  return new CliError(
    `${options.label} grew past ${formatBytes(options.maxBytes)} while it was read; it is not read.`,
    EXIT.failed,
  );
}

export async function readBounded(path: string, options: BoundedReadOptions): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, FLAGS);
    const stat = await handle.stat();
    refuse(options.label, stat, options);
    const cap = options.headBytes ?? options.maxBytes;
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + (options.headBytes === undefined ? 1 : 0));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (options.headBytes === undefined && filled > options.maxBytes) throw tooLarge(options);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${options.label} ${describeFsError(error)}.`, EXIT.usage, [], { cause: error });
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The same, synchronously (the catalog is loaded synchronously at start-up). */
export function readBoundedSync(path: string, options: BoundedReadOptions): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, FLAGS);
    const stat = fstatSync(fd);
    refuse(options.label, stat, options);
    const cap = options.headBytes ?? options.maxBytes;
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + (options.headBytes === undefined ? 1 : 0));
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (options.headBytes === undefined && filled > options.maxBytes) throw tooLarge(options);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${options.label} ${describeFsError(error)}.`, EXIT.usage, [], { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
