/**
 * A spec in a link: the text, deflated and base64url-encoded, in the URL's fragment
 * (`#spec=…&file=…`). Browsers never send the fragment to a server, so a shared link carries
 * the spec from one browser to another without it being uploaded anywhere.
 */
import { SPEC_LIMITS } from './generator.js';

const FORMAT = 'deflate-raw';

export type SharedSpec =
  | { readonly ok: true; readonly text: string; readonly file: string }
  | { readonly ok: false; readonly message: string };

/** The fragment (without `#`) that holds `text` under the file name `file`. */
export async function encodeShareFragment(text: string, file: string): Promise<string> {
  const compressed =
    (await pipeBytes(new TextEncoder().encode(text), new CompressionStream(FORMAT))) ?? new Uint8Array();
  const params = new URLSearchParams({ file });
  return `spec=${toBase64Url(compressed)}&${params}`;
}

/** The spec in a location hash, undefined when the hash holds none. Never throws. */
export async function decodeShareFragment(hash: string): Promise<SharedSpec | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const data = params.get('spec');
  if (data === null) return undefined;
  const unreadable = {
    ok: false,
    message: 'The link holds a spec that cannot be read: it may have been cut short when it was copied.',
  } as const;
  if (!/^[A-Za-z0-9_-]*$/.test(data)) return unreadable;
  try {
    // A small link can inflate to gigabytes; stop at the size the generator accepts.
    const bytes = await pipeBytes(fromBase64Url(data), new DecompressionStream(FORMAT), SPEC_LIMITS.maxBytes);
    if (bytes === undefined)
      return {
        ok: false,
        message: `The link holds a spec larger than ${Math.round(SPEC_LIMITS.maxBytes / 1000)} KB, the most the generator reads.`,
      };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const file = (params.get('file') ?? '').replace(/^.*[\\/]/, '');
    return { ok: true, text, file: /^[\w .()-]+\.ya?ml$/i.test(file) ? file : 'shared-spec.yaml' };
  } catch {
    return unreadable;
  }
}

/** Runs bytes through a stream; undefined when the output passes `limit` bytes. */
async function pipeBytes(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array | undefined> {
  const writer = transform.writable.getWriter();
  // Written and closed without awaiting: the reader below drains the output as it comes.
  void writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
