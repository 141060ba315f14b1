import { type DocumentManifest, type ManifestReadCode, readManifest } from '@loti/tender-generator';
import { CliError, EXIT } from '../errors.js';
import { readBounded } from './bounded-read.js';

/** Word documents can be large (images), but a tender over this is not something to unzip in memory. */
export const MAX_DOCX_BYTES = 200 * 1024 * 1024;

/** Budgets exceeded are failures of the input (exit 1); a file that is not a tender document is a usage error. */
const EXIT_FOR: Record<ManifestReadCode, (typeof EXIT)[keyof typeof EXIT]> = {
  ZIP_INVALID: EXIT.usage,
  ZIP_TOO_MANY_ENTRIES: EXIT.failed,
  ZIP_ENTRY_TOO_LARGE: EXIT.failed,
  ZIP_TOTAL_TOO_LARGE: EXIT.failed,
  MANIFEST_MISSING: EXIT.usage,
  MANIFEST_INVALID: EXIT.usage,
};

/**
 * Reads a .docx, .odt or pack workbook's bytes. The file comes from outside (a supplier, a colleague), so the read
 * is bounded: regular files only, the size checked before reading. A file that is not a zip archive is a usage error.
 */
export async function readDocxBytes(path: string): Promise<Uint8Array> {
  const bytes = await readBounded(path, {
    label: path,
    maxBytes: MAX_DOCX_BYTES,
    expected: '.docx, .odt or .xlsx file',
  });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new CliError(
      `${path} is not a Word, OpenDocument or Excel file (.docx, .odt and .xlsx files are zip archives; this is not one).`,
      EXIT.usage,
    );
  }
  return bytes;
}

/**
 * Reads the clause manifest from a .docx, .odt or pack workbook made by `tender build`, within the zip's entry and
 * inflation budgets. Any failure is a CliError with a code in its message.
 */
export async function readDocxManifest(path: string): Promise<DocumentManifest> {
  return (await readDocxManifestFrom(path, await readDocxBytes(path))) as DocumentManifest;
}

/**
 * The manifest of bytes already read. With `optional`, a document without a (valid) manifest gives undefined (a
 * .docx from elsewhere can still be compared), but a zip that breaks the budgets is always refused.
 */
export async function readDocxManifestFrom(
  path: string,
  bytes: Uint8Array,
  options: { optional?: boolean } = {},
): Promise<DocumentManifest | undefined> {
  const result = readManifest(bytes, { file: path });
  if (result.ok) return result.value;
  const issue = result.issues[0];
  if (!issue) throw new CliError(`${path} cannot be read.`, EXIT.usage);
  if (options.optional && (issue.code === 'MANIFEST_MISSING' || issue.code === 'MANIFEST_INVALID'))
    return undefined;
  if (issue.code === 'MANIFEST_MISSING')
    throw new CliError(
      `${path} has no LOTI Tender Kit manifest: only documents made by tender build can be checked.`,
      EXIT.usage,
    );
  throw new CliError(issue.message, EXIT_FOR[issue.code], [], { code: issue.code });
}
