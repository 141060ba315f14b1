/** Base64 to bytes with `atob`, which Node (16+) and every browser have; no Buffer. Undefined when malformed. */
export function base64ToBytes(base64: string): Uint8Array | undefined {
  const compact = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  try {
    const binary = atob(compact);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Checks the file signature, so a mislabelled or corrupt logo is left out rather than breaking the document. */
export function imageKind(bytes: Uint8Array): 'png' | 'jpg' | undefined {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return 'png';
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return undefined;
}
