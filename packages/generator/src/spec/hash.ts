import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * `sha256:<hex>` of a spec's source, recorded in the manifest so a rebuild can tell whether it has
 * the same spec. For a spec without includes it is the SHA-256 of the file's UTF-8 text (what
 * `sha256sum spec.yaml` prints); each included file's text follows, after a NUL, in include order.
 */
export function specSourceHash(texts: readonly string[]): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(texts.join('\u0000'))))}`;
}
