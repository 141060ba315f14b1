/**
 * Text measurement for the page estimate: advance widths of Arial (and Liberation Sans, LibreOffice's metric-compatible
 * stand-in, from which these were read), in thousandths of an em, and greedy line breaking as word processors do it.
 * Italic has the regular widths. Characters not in the tables count as an average Latin letter, or a full em for CJK.
 */

/** U+0020 to U+00FF, regular. */
// biome-ignore format: a table
const REGULAR = Uint16Array.from([
  278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,
  584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,
  667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,
  500,722,500,500,500,334,260,334,584,
  ...new Array<number>(33).fill(0),
  278,333,556,556,556,556,260,556,333,737,370,556,584,333,737,552,400,549,333,333,333,576,537,278,333,333,365,556,834,
  834,834,611,667,667,667,667,667,667,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,
  722,722,722,667,667,611,556,556,556,556,556,556,889,500,556,556,556,556,278,278,278,278,556,556,556,556,556,556,556,
  549,611,556,556,556,556,500,556,500,
]);

/** U+0020 to U+00FF, bold. */
// biome-ignore format: a table
const BOLD = Uint16Array.from([
  278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,
  584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,
  611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,
  778,556,556,500,389,280,389,584,
  ...new Array<number>(33).fill(0),
  278,333,556,556,556,556,280,556,333,737,370,556,584,333,737,552,400,549,333,333,333,576,556,278,333,333,365,556,834,
  834,834,611,722,722,722,722,722,722,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,
  722,722,722,667,667,611,556,556,556,556,556,556,889,556,556,556,556,556,278,278,278,278,611,611,611,611,611,611,611,
  549,611,611,611,611,611,556,611,556,
]);

/** Punctuation past U+00FF that tender text uses: [code, regular, bold]. */
const PUNCTUATION: readonly (readonly [number, number, number])[] = [
  [0x2010, 333, 333],
  [0x2011, 333, 333],
  [0x2013, 556, 556],
  [0x2014, 1000, 1000],
  [0x2018, 222, 278],
  [0x2019, 222, 278],
  [0x201c, 333, 500],
  [0x201d, 333, 500],
  [0x2022, 350, 350],
  [0x2026, 1000, 1000],
  [0x20ac, 556, 556],
  [0x2122, 1000, 1000],
  [0x2212, 584, 584],
];
const PUNCTUATION_REGULAR = new Map(PUNCTUATION.map(([code, regular]) => [code, regular]));
const PUNCTUATION_BOLD = new Map(PUNCTUATION.map(([code, , bold]) => [code, bold]));

/** An average lowercase letter: Latin text past Latin-1 (accented letters, Greek, Cyrillic) is about this wide. */
const AVERAGE = 556;

/** Advance width of a UTF-16 code unit, in thousandths of an em. Low surrogates are 0 (the high one counts). */
export function charWidth(code: number, bold: boolean): number {
  if (code >= 0x20 && code <= 0xff) return (bold ? BOLD : REGULAR)[code - 0x20] ?? AVERAGE;
  if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || (code >= 0xdc00 && code <= 0xdfff)) return 0;
  const punctuation = (bold ? PUNCTUATION_BOLD : PUNCTUATION_REGULAR).get(code);
  if (punctuation !== undefined) return punctuation;
  // CJK, Hangul, full-width forms and astral characters (emoji) are set an em wide.
  return code >= 0x2e80 && !(code >= 0xe000 && code <= 0xf8ff) ? 1000 : AVERAGE;
}

/** A stretch of text in one weight. */
export interface Run {
  readonly text: string;
  readonly bold: boolean;
}

export function textWidth(runs: readonly Run[]): number {
  let width = 0;
  for (const run of runs)
    for (let i = 0; i < run.text.length; i += 1) width += charWidth(run.text.charCodeAt(i), run.bold);
  return width;
}

export interface Wrapped {
  readonly lines: number;
  /** Width of the last line's text, in thousandths of an em. */
  readonly last: number;
}

const SPACE = 0x20;
const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;

/**
 * Breaks runs into lines greedily, as Writer and Word do: at spaces (which may hang past the margin), after a hyphen
 * or dash inside a word ("in-|house", not before a digit), and a word longer than a line a character at a time; not
 * after slashes, so a URL moves to the next line whole. Widths are in thousandths of an em: `width` is the line, `first` the first line when a
 * number or bullet takes part of it.
 */
export function wrap(runs: readonly Run[], width: number, first = width): Wrapped {
  let lines = 1;
  let limit = first;
  // x: where the next word starts on the current line (trailing spaces included); word: the width of the word being
  // read, which starts at character `start` of run `startRun`.
  let x = 0;
  let word = 0;
  let startRun = 0;
  let start = 0;
  /** A word wider than the line is broken after its last character that fits, and so on, at least one a line. */
  const breakWord = (endRun: number, end: number): number => {
    let filled = 0;
    for (let r = startRun; r <= endRun; r += 1) {
      const run = runs[r] as Run;
      const stop = r === endRun ? end : run.text.length;
      for (let i = r === startRun ? start : 0; i < stop; i += 1) {
        const w = charWidth(run.text.charCodeAt(i), run.bold);
        if (filled > 0 && filled + w > limit) {
          lines += 1;
          limit = width;
          filled = 0;
        }
        filled += w;
      }
    }
    return filled;
  };
  /** Ends the word before character `end` of run `endRun`; `trailing` is the width of the space after it. */
  const commit = (endRun: number, end: number, trailing: number): void => {
    if (x > 0 && x + word > limit) {
      lines += 1;
      x = 0;
      limit = width;
    }
    if (word > limit) word = breakWord(endRun, end);
    x += word + trailing;
    word = 0;
  };
  for (let r = 0; r < runs.length; r += 1) {
    const { text, bold } = runs[r] as Run;
    const table = bold ? BOLD : REGULAR;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === SPACE) {
        commit(r, i, table[0] as number);
        startRun = r;
        start = i + 1;
        continue;
      }
      word += code > SPACE && code <= 0xff ? (table[code - SPACE] as number) : charWidth(code, bold);
      if (code === HYPHEN || code === EN_DASH || code === EM_DASH) {
        const previous = i > 0 ? text.charCodeAt(i - 1) : SPACE;
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : SPACE;
        if (previous !== SPACE && next !== SPACE && !isDigit(next)) {
          commit(r, i + 1, 0);
          startRun = r;
          start = i + 1;
        }
      }
    }
  }
  commit(runs.length - 1, runs[runs.length - 1]?.text.length ?? 0, 0);
  return { lines, last: x };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
