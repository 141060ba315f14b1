import { Inflate } from 'fflate';

/**
 * Reads chosen entries of a zip (a .docx) that came from outside, within a budget. fflate's unzipSync trusts the
 * sizes the archive declares and inflates a whole entry at once: a 1 MB file whose central directory points six
 * names at one 1 GB stream took 40 s and 5.8 GB. Here every count and size is checked before it is used, and
 * inflating stops as soon as an entry or the total passes its budget.
 */

export const ZIP_LIMITS = {
  /** A Word document has tens of parts; a few thousand covers embedded media. */
  maxEntries: 10_000,
  /** One inflated entry that is read (a manifest of 100,000 clauses is about 15 MB). */
  maxEntryBytes: 32 * 1024 * 1024,
  /** All inflated entries together. */
  maxTotalBytes: 64 * 1024 * 1024,
} as const;

/** Budgets for reading a zip: entries, and bytes inflated per entry and in total. */
export type ZipLimits = { readonly [K in keyof typeof ZIP_LIMITS]: number };

export const ZIP_ERROR_CODES = {
  ZIP_INVALID: 'The file is not a readable zip archive.',
  ZIP_TOO_MANY_ENTRIES: 'The archive has more entries than the limit.',
  ZIP_ENTRY_TOO_LARGE: 'An entry inflates to more than the per-entry limit.',
  ZIP_TOTAL_TOO_LARGE: 'The entries read inflate to more than the total limit.',
} as const;
export type ZipErrorCode = keyof typeof ZIP_ERROR_CODES;

export type ZipReadResult =
  | { readonly ok: true; readonly files: Record<string, Uint8Array> }
  | { readonly ok: false; readonly code: ZipErrorCode; readonly message: string };

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.ceil(bytes / MB)} MB`;

/** Inflates input in small pieces, so one push cannot produce more than about 1 MB (deflate's ratio is ≤ 1032:1). */
const INPUT_CHUNK = 1024;

/** The entries whose names `wanted` accepts, inflated within the limits. Never throws. */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): ZipReadResult {
  const fail = (code: ZipErrorCode, message: string): ZipReadResult => ({ ok: false, code, message });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);

  // The end-of-central-directory record is in the last 64 KB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0)
    return fail('ZIP_INVALID', 'it has no zip directory (the file is damaged or not a zip archive)');
  const count = u16(end + 10);
  const directoryOffset = u32(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    return fail('ZIP_TOO_MANY_ENTRIES', 'it is a ZIP64 archive, which a Word document never needs');
  if (count > limits.maxEntries)
    return fail(
      'ZIP_TOO_MANY_ENTRIES',
      `it has ${count.toLocaleString('en-GB')} entries; documents with more than ${limits.maxEntries.toLocaleString('en-GB')} are not read`,
    );

  const files: Record<string, Uint8Array> = {};
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) return fail('ZIP_INVALID', 'its zip directory is damaged');
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const declaredSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) return fail('ZIP_INVALID', 'its zip directory is damaged');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (declaredSize > limits.maxEntryBytes || declaredSize < 0)
      return fail(
        'ZIP_ENTRY_TOO_LARGE',
        `its part ${name} is ${mb(declaredSize)} when unpacked; parts over ${mb(limits.maxEntryBytes)} are not read`,
      );
    if (u32(localOffset) !== 0x04034b50) return fail('ZIP_INVALID', `its part ${name} is damaged`);
    const start = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (compressedSize < 0 || start + compressedSize > bytes.length)
      return fail('ZIP_INVALID', `its part ${name} is damaged (it runs past the end of the file)`);
    const data = bytes.subarray(start, start + compressedSize);
    const remaining = limits.maxTotalBytes - total;
    let inflated: Uint8Array | ZipErrorCode;
    if (method === 0) {
      inflated =
        data.length > limits.maxEntryBytes
          ? 'ZIP_ENTRY_TOO_LARGE'
          : data.length > remaining
            ? 'ZIP_TOTAL_TOO_LARGE'
            : data.slice();
    } else if (method === 8) inflated = inflateBounded(data, limits.maxEntryBytes, remaining);
    else
      return fail('ZIP_INVALID', `its part ${name} uses a compression method Word does not use (${method})`);
    if (inflated === 'ZIP_ENTRY_TOO_LARGE')
      return fail(
        inflated,
        `its part ${name} inflates to more than ${mb(limits.maxEntryBytes)} (a zip bomb?); it is not read`,
      );
    if (inflated === 'ZIP_TOTAL_TOO_LARGE')
      return fail(
        inflated,
        `its parts inflate to more than ${mb(limits.maxTotalBytes)} together (a zip bomb?); they are not read`,
      );
    if (typeof inflated === 'string')
      return fail('ZIP_INVALID', `its part ${name} is damaged (it does not inflate)`);
    total += inflated.length;
    files[name] = inflated;
  }
  return { ok: true, files };
}

/** Inflates raw deflate data, stopping as soon as the output passes either bound. */
function inflateBounded(data: Uint8Array, maxEntry: number, remaining: number): Uint8Array | ZipErrorCode {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over: ZipErrorCode | undefined;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxEntry) over ??= 'ZIP_ENTRY_TOO_LARGE';
    else if (size > remaining) over ??= 'ZIP_TOTAL_TOO_LARGE';
    else chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < data.length && !over; offset += INPUT_CHUNK) {
      const last = offset + INPUT_CHUNK >= data.length;
      inflater.push(data.subarray(offset, offset + INPUT_CHUNK), last);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return 'ZIP_INVALID';
  }
  if (over) return over;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
