import { open } from 'node:fs/promises';
import { type DocumentManifest, readManifest } from '@loti/tender-generator';
import { CliError, describeFsError, EXIT } from '../errors.js';
import { formatBytes } from '../output/format.js';

/** Word documents can be large (images), but a tender over this is not something to unzip in memory. */
export const MAX_DOCX_BYTES = 200 * 1024 * 1024;

/** Reads a .docx, .odt or .xlsx file's bytes, refusing folders, huge files and files that are not zip archives (exit code 2). */
export async function readDocxBytes(path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new CliError(`${path} is a folder, not a .docx or .odt file.`, EXIT.usage);
    if (stat.size > MAX_DOCX_BYTES)
      throw new CliError(
        `${path} is ${formatBytes(stat.size)}; documents over ${formatBytes(MAX_DOCX_BYTES)} are not read.`,
        EXIT.usage,
      );
    bytes = new Uint8Array(await handle.readFile());
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path} ${describeFsError(error)}.`, EXIT.usage, [], { cause: error });
  } finally {
    await handle?.close().catch(() => undefined);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new CliError(
      `${path} is not a Word, OpenDocument or Excel file (.docx, .odt and .xlsx files are zip archives; this is not one).`,
      EXIT.usage,
    );
  }
  return bytes;
}

/** Reads the clause manifest from a .docx, .odt or pack workbook made by `tender build`. Any failure is a CliError with exit code 2. */
export async function readDocxManifest(path: string): Promise<DocumentManifest> {
  const bytes = await readDocxBytes(path);
  const manifest = readManifest(bytes);
  if (!manifest) {
    throw new CliError(
      `${path} has no LOTI Tender Kit manifest: only documents made by tender build can be checked.`,
      EXIT.usage,
    );
  }
  return manifest;
}
