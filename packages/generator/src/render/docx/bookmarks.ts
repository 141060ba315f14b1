/**
 * Word bookmark names must start with a letter, hold only letters, digits and underscores, and be at most 40
 * characters (Word silently truncates longer ones on save, which breaks links). Model anchors are free-form
 * ("clause-data-access-export-on-request"), so each maps to a stable, valid, unique name: the anchor itself when it
 * already qualifies, else a cleaned-up form with a short hash of the anchor when it had to be shortened.
 */

const MAX = 40;
const VALID = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** FNV-1a, 32 bit: a short stable fingerprint, no crypto needed. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function candidate(anchor: string): string {
  if (VALID.test(anchor)) return anchor;
  let name = anchor.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(name)) name = `a_${name}`;
  if (name.length > MAX) name = `${name.slice(0, MAX - 9)}_${fnv1a(anchor)}`;
  return name;
}

export function bookmarkNames(anchors: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const anchor of anchors) {
    let name = candidate(anchor);
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = `_${n}`;
      name = `${candidate(anchor).slice(0, MAX - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    names.set(anchor, name);
  }
  return names;
}
