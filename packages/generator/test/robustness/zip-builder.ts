/** Builds zip archives by hand, so tests can lie about sizes and point many names at one stream (zip bombs). */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  readonly name: string;
  /** Stored in the archive as given (raw deflate when `deflated`). */
  readonly data: Uint8Array;
  readonly deflated?: boolean;
  /** The uncompressed size the directory claims (defaults to the truth). */
  readonly declaredSize?: number;
  /** Reuse the stream of an earlier entry (by index) instead of writing a new one. */
  readonly sameStreamAs?: number;
}

export function deflate(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(deflateRawSync(bytes, { level: 9 }));
}

export function buildZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const central: Buffer[] = [];
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.deflated ? 8 : 0;
    let localOffset: number;
    if (entry.sameStreamAs !== undefined) localOffset = offsets[entry.sameStreamAs] as number;
    else {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(entry.data.length, 18);
      local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      localOffset = offset;
      chunks.push(local, name, Buffer.from(entry.data));
      offset += 30 + name.length + entry.data.length;
    }
    offsets[index] = localOffset;
    const source = entries[entry.sameStreamAs ?? index] as ZipEntrySpec;
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(source.data.length, 20);
    header.writeUInt32LE(entry.declaredSize ?? source.declaredSize ?? source.data.length, 24);
    // The local header names the first entry; readers use the directory's name.
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(localOffset, 42);
    central.push(header, name);
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}
