/**
 * Aligns two sequences of keys: which items of `a` match which of `b`, in order, with the unmatched ones between.
 * Patience diff: common ends are trimmed, keys unique on both sides anchor the alignment (longest increasing run,
 * O(n log n)), and the gaps between anchors are aligned the same way; a small gap without anchors gets an exact
 * LCS. Near-linear on documents, where most paragraphs are unique.
 */

/** [index in a, index in b]; -1 where the item is only on one side. */
export type AlignedPair = readonly [number, number];

/** Gaps up to this many cells (a × b) get an exact LCS; larger gaps without anchors are left unmatched. */
const LCS_CELLS = 250_000;

export function alignSequences(a: readonly string[], b: readonly string[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  alignRange(a, b, 0, a.length, 0, b.length, out);
  return out;
}

function unmatched(aLo: number, aHi: number, bLo: number, bHi: number, out: AlignedPair[]): void {
  for (let i = aLo; i < aHi; i += 1) out.push([i, -1]);
  for (let j = bLo; j < bHi; j += 1) out.push([-1, j]);
}

function alignRange(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  out: AlignedPair[],
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push([aLo++, bLo++]);
  let aEnd = aHi;
  let bEnd = bHi;
  while (aEnd > aLo && bEnd > bLo && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd -= 1;
    bEnd -= 1;
  }
  alignMiddle(a, b, aLo, aEnd, bLo, bEnd, out);
  for (let k = 0; aEnd + k < aHi; k += 1) out.push([aEnd + k, bEnd + k]);
}

function alignMiddle(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  out: AlignedPair[],
): void {
  if (aLo === aHi || bLo === bHi) {
    unmatched(aLo, aHi, bLo, bHi, out);
    return;
  }
  const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
  if (anchors.length === 0) {
    if ((aHi - aLo) * (bHi - bLo) <= LCS_CELLS) lcs(a, b, aLo, aHi, bLo, bHi, out);
    else unmatched(aLo, aHi, bLo, bHi, out);
    return;
  }
  let i = aLo;
  let j = bLo;
  for (const [ai, bj] of anchors) {
    alignRange(a, b, i, ai, j, bj, out);
    out.push([ai, bj]);
    i = ai + 1;
    j = bj + 1;
  }
  alignRange(a, b, i, aHi, j, bHi, out);
}

/** Keys that occur once in each range, as pairs in b order, reduced to the longest run increasing in a. */
function uniqueAnchors(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): [number, number][] {
  const inA = new Map<string, number>(); // key → index, or -1 when it repeats
  for (let i = aLo; i < aHi; i += 1) {
    const key = a[i] as string;
    inA.set(key, inA.has(key) ? -1 : i);
  }
  const inB = new Map<string, number>();
  for (let j = bLo; j < bHi; j += 1) {
    const key = b[j] as string;
    inB.set(key, inB.has(key) ? -1 : j);
  }
  const pairs: [number, number][] = [];
  for (let j = bLo; j < bHi; j += 1) {
    const key = b[j] as string;
    const i = inA.get(key);
    if (i !== undefined && i >= 0 && inB.get(key) === j) pairs.push([i, j]);
  }
  return longestIncreasing(pairs);
}

/** Patience sorting: the longest subsequence of pairs (already increasing in b) that also increases in a. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k += 1) {
    const value = (pairs[k] as [number, number])[0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[0] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] as number;
    tails[lo] = k;
  }
  const result: [number, number][] = [];
  for (let k = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; k >= 0; k = previous[k] as number)
    result.push(pairs[k] as [number, number]);
  return result.reverse();
}

function lcs(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  out: AlignedPair[],
): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      table[i * (m + 1) + j] =
        a[aLo + i] === b[bLo + j]
          ? (table[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(table[(i + 1) * (m + 1) + j] as number, table[i * (m + 1) + j + 1] as number);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) {
      out.push([aLo + i, bLo + j]);
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * (m + 1) + j] as number) >= (table[i * (m + 1) + j + 1] as number)) {
      out.push([aLo + i, -1]);
      i += 1;
    } else {
      out.push([-1, bLo + j]);
      j += 1;
    }
  }
  unmatched(aLo + i, aHi, bLo + j, bHi, out);
}
